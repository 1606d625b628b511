/**
 * A run chart as an SVG string (pure): the values joined in time order, the median as a line,
 * points in a shift or trend drawn in the Making Data Count blue, others grey. For series too
 * short for an XmR chart's process limits.
 */
import type { RunChartResult } from '../../domain/qi/spc/index.js'
import { escapeHtml } from '../escape-html.js'
import { SPC_COLOURS } from './spc-chart-svg.js'
import { chartFrame, chartNumber, type ChartAnnotation } from './chart-frame.js'

export interface RunChartSvgOptions {
  title: string
  description: string
  dates: readonly string[]
  id?: string
  width?: number
  height?: number
  target?: number | null
  formatValue?: (value: number) => string
  formatDate?: (isoDate: string) => string
  formatAxisDate?: (isoDate: string) => string
  annotations?: readonly ChartAnnotation[]
}

const num = chartNumber

export function runChartSvg(result: RunChartResult, options: RunChartSvgOptions): string {
  const width = options.width ?? 720
  const height = options.height ?? 360
  const id = options.id ?? 'run-chart'
  const formatValue = options.formatValue ?? ((v: number) => String(Number(v.toPrecision(4))))
  const formatDate = options.formatDate ?? ((d: string) => d)
  const points = result.points
  const target = options.target ?? null
  const levels = points.map((p) => p.value)
  if (result.median !== null) levels.push(result.median)
  if (target !== null) levels.push(target)
  const { parts, x, y } = chartFrame({
    id,
    className: 'spc-chart spc-chart--run',
    title: options.title,
    description: options.description,
    width,
    height,
    levels,
    dates: options.dates.slice(0, points.length),
    formatValue,
    formatDate,
    formatAxisDate: options.formatAxisDate,
    annotations: options.annotations
  })
  if (result.median !== null && points.length > 0) {
    parts.push(
      `<line class="spc-chart__median" x1="${num(x(0))}" y1="${num(y(result.median))}" x2="${num(x(points.length - 1))}" y2="${num(y(result.median))}" stroke="${SPC_COLOURS.mean_line}" stroke-width="1.5"/>`
    )
  }
  if (target !== null && points.length > 0) {
    parts.push(
      `<line class="spc-chart__target" x1="${num(x(0))}" y1="${num(y(target))}" x2="${num(x(points.length - 1))}" y2="${num(y(target))}" stroke="${SPC_COLOURS.target}" stroke-width="1.5" stroke-dasharray="2 3"/>`
    )
  }
  if (points.length > 0) {
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(x(i))} ${num(y(p.value))}`).join(' ')
    parts.push(
      `<path class="spc-chart__process" d="${path}" fill="none" stroke="${SPC_COLOURS.value_line}" stroke-width="1.5"/>`
    )
  }
  points.forEach((p, i) => {
    const signal = p.shift || p.trend || p.astronomical
    const label = `${formatDate(options.dates[i] ?? '')}: ${formatValue(p.value)}${signal ? ' (part of a signal)' : ''}`
    parts.push(
      `<circle class="spc-chart__point" cx="${num(x(i))}" cy="${num(y(p.value))}" r="4" fill="${signal ? SPC_COLOURS.special_cause_improvement : SPC_COLOURS.common_cause}"><title>${escapeHtml(label)}</title></circle>`
    )
  })
  parts.push('</svg>')
  return parts.join('\n')
}
