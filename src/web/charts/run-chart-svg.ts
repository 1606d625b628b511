/**
 * A run chart as an SVG string (pure): the values joined in time order, the median as a line,
 * points in a shift or trend drawn in the Making Data Count blue, others grey. For series too
 * short for an XmR chart's process limits.
 */
import type { RunChartResult } from '../../domain/qi/spc/index.js'
import { SPC_COLOURS, annotationMarks, escapeXml, type ChartAnnotation } from './spc-chart-svg.js'

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
  annotations?: readonly ChartAnnotation[]
}

const num = (n: number): string => String(Math.round(n * 100) / 100)

export function runChartSvg(result: RunChartResult, options: RunChartSvgOptions): string {
  const width = options.width ?? 720
  const height = options.height ?? 360
  const id = options.id ?? 'run-chart'
  const formatValue = options.formatValue ?? ((v: number) => String(Number(v.toPrecision(4))))
  const formatDate = options.formatDate ?? ((d: string) => d)
  const margin = { top: 16, right: 16, bottom: 40, left: 64 }
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const points = result.points
  const target = options.target ?? null
  const levels = points.map((p) => p.value)
  if (result.median !== null) levels.push(result.median)
  if (target !== null) levels.push(target)
  let low = levels.length ? Math.min(...levels) : 0
  let high = levels.length ? Math.max(...levels) : 1
  if (low === high) { low -= 1; high += 1 }
  const pad = (high - low) * 0.05
  low -= pad
  high += pad
  const x = (i: number): number => margin.left + (points.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1))
  const y = (v: number): number => margin.top + ((high - v) * plotHeight) / (high - low)
  const parts: string[] = []
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="spc-chart spc-chart--run">`)
  parts.push(`<title id="${id}-title">${escapeXml(options.title)}</title>`)
  parts.push(`<desc id="${id}-desc">${escapeXml(options.description)}</desc>`)
  parts.push(`<g class="spc-chart__axes" font-size="12" fill="#4c6272">`)
  parts.push(`<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotHeight}" stroke="#d8dde0"/>`)
  parts.push(`<line x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${margin.left + plotWidth}" y2="${margin.top + plotHeight}" stroke="#d8dde0"/>`)
  for (let k = 0; k <= 4; k++) {
    const v = low + ((high - low) * k) / 4
    parts.push(`<text x="${margin.left - 6}" y="${num(y(v) + 4)}" text-anchor="end">${escapeXml(formatValue(v))}</text>`)
  }
  const first = options.dates[0]
  const last = options.dates[points.length - 1]
  if (first) parts.push(`<text x="${num(x(0))}" y="${height - 12}" text-anchor="start">${escapeXml(formatDate(first))}</text>`)
  if (last && points.length > 1) parts.push(`<text x="${num(x(points.length - 1))}" y="${height - 12}" text-anchor="end">${escapeXml(formatDate(last))}</text>`)
  parts.push('</g>')
  if (result.median !== null && points.length > 0) {
    parts.push(`<line class="spc-chart__median" x1="${num(x(0))}" y1="${num(y(result.median))}" x2="${num(x(points.length - 1))}" y2="${num(y(result.median))}" stroke="${SPC_COLOURS.mean_line}" stroke-width="1.5"/>`)
  }
  if (target !== null && points.length > 0) {
    parts.push(`<line class="spc-chart__target" x1="${num(x(0))}" y1="${num(y(target))}" x2="${num(x(points.length - 1))}" y2="${num(y(target))}" stroke="${SPC_COLOURS.target}" stroke-width="1.5" stroke-dasharray="2 3"/>`)
  }
  if (points.length > 0) {
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(x(i))} ${num(y(p.value))}`).join(' ')
    parts.push(`<path class="spc-chart__process" d="${path}" fill="none" stroke="${SPC_COLOURS.value_line}" stroke-width="1.5"/>`)
  }
  parts.push(...annotationMarks(options.dates, options.annotations ?? [], x, margin.top, plotHeight))
  points.forEach((p, i) => {
    const signal = p.shift || p.trend || p.astronomical
    const label = `${formatDate(options.dates[i] ?? '')}: ${formatValue(p.value)}${signal ? ' (part of a signal)' : ''}`
    parts.push(`<circle class="spc-chart__point" cx="${num(x(i))}" cy="${num(y(p.value))}" r="4" fill="${signal ? SPC_COLOURS.special_cause_improvement : SPC_COLOURS.common_cause}"><title>${escapeXml(label)}</title></circle>`)
  })
  parts.push('</svg>')
  return parts.join('\n')
}
