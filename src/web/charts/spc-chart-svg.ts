/**
 * A Making Data Count style XmR chart as an SVG string (pure: no DOM, no I/O).
 * Colours are NHSRplotthedots' defaults (`ptd_spc_colours()`, R/ptd_spc_colours.R): common cause grey,
 * improvement blue, concern orange, neutral purple; grey dashed process limits, black mean, red target.
 * Lines break at each rebase, as the reference's default `break_lines = "both"` does.
 */
import type { PointType, SpcPoint, SpcResult } from '../../domain/qi/spc/index.js'
import { escapeHtml } from '../escape-html.js'
import { chartFrame, chartNumber, type ChartAnnotation } from './chart-frame.js'

export type { ChartAnnotation } from './chart-frame.js'

export const SPC_COLOURS = {
  common_cause: '#a6a6a6',
  special_cause_improvement: '#00b0f0',
  special_cause_neutral: '#490092',
  special_cause_concern: '#e46c0a',
  value_line: '#a6a6a6',
  mean_line: '#000000',
  limit_line: '#a6a6a6',
  target: '#de1b1b'
} as const

const POINT_LABELS: Record<PointType, string> = {
  common_cause: 'common cause',
  special_cause_improvement: 'special cause, improvement',
  special_cause_concern: 'special cause, concern',
  special_cause_neutral_high: 'special cause, high',
  special_cause_neutral_low: 'special cause, low'
}

export interface SpcChartSvgOptions {
  /** The chart's accessible name, shown as its <title>. */
  title: string
  /** Longer description; by default a summary of the points, variation and assurance. */
  description?: string
  /** Prefix for element ids, unique on the page. Default 'spc-chart'. */
  id?: string
  width?: number
  height?: number
  formatValue?: (value: number) => string
  formatDate?: (isoDate: string) => string
  /** A shorter date for the axis labels. */
  formatAxisDate?: (isoDate: string) => string
  /** PDSA cycles, rebases and notes: a dashed vertical line at the first point on or after the date, numbered. */
  annotations?: readonly ChartAnnotation[]
}

export function pointColour(type: PointType): string {
  switch (type) {
    case 'common_cause':
      return SPC_COLOURS.common_cause
    case 'special_cause_improvement':
      return SPC_COLOURS.special_cause_improvement
    case 'special_cause_concern':
      return SPC_COLOURS.special_cause_concern
    case 'special_cause_neutral_high':
    case 'special_cause_neutral_low':
      return SPC_COLOURS.special_cause_neutral
  }
}

const num = chartNumber

function defaultDescription(result: SpcResult, formatDate: (d: string) => string): string {
  const first = result.points[0]
  const last = result.points[result.points.length - 1]
  if (!first || !last) return 'No data.'
  const special = result.points.filter((p) => p.specialCause).length
  const parts = [
    `${result.points.length} points from ${formatDate(first.date)} to ${formatDate(last.date)}`,
    `${special} special cause`,
    `variation: ${result.variation.replace(/_/g, ' ')}`
  ]
  if (result.assurance !== 'none') parts.push(`assurance: ${result.assurance}`)
  return `${parts.join('; ')}.`
}

/** Renders the chart; an empty result gives a labelled, empty chart. */
export function spcChartSvg(result: SpcResult, options: SpcChartSvgOptions): string {
  const width = options.width ?? 720
  const height = options.height ?? 360
  const id = options.id ?? 'spc-chart'
  const formatValue = options.formatValue ?? ((v: number) => String(Number(v.toPrecision(4))))
  const formatDate = options.formatDate ?? ((d: string) => d)
  const points = result.points
  const target = points[0]?.target ?? null

  const levels: number[] = points.flatMap((p) => [p.value, p.mean, p.lpl, p.upl].filter((v): v is number => v !== null))
  if (target !== null) levels.push(target)
  const { parts, x, y } = chartFrame({
    id,
    className: 'spc-chart',
    title: options.title,
    description: options.description ?? defaultDescription(result, formatDate),
    width,
    height,
    levels,
    dates: points.map((p) => p.date),
    formatValue,
    formatDate,
    formatAxisDate: options.formatAxisDate,
    annotations: options.annotations
  })

  // per segment: limits, mean and the process line, broken at each rebase
  const segments = new Map<number, { point: SpcPoint; index: number }[]>()
  points.forEach((point, index) => {
    const list = segments.get(point.segment) ?? []
    list.push({ point, index })
    segments.set(point.segment, list)
  })
  const horizontal = (
    from: number,
    to: number,
    level: number,
    colour: string,
    dash: string | null,
    cls: string
  ): string =>
    `<line class="${cls}" x1="${num(x(from))}" y1="${num(y(level))}" x2="${num(x(to))}" y2="${num(y(level))}" stroke="${colour}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
  for (const members of segments.values()) {
    const head = members[0]
    const tail = members[members.length - 1]
    if (!head || !tail) continue
    const { lpl, upl, mean } = head.point
    if (lpl !== null)
      parts.push(horizontal(head.index, tail.index, lpl, SPC_COLOURS.limit_line, '6 4', 'spc-chart__lpl'))
    if (upl !== null)
      parts.push(horizontal(head.index, tail.index, upl, SPC_COLOURS.limit_line, '6 4', 'spc-chart__upl'))
    parts.push(horizontal(head.index, tail.index, mean, SPC_COLOURS.mean_line, null, 'spc-chart__mean'))
    const path = members
      .map(({ point, index }, k) => `${k === 0 ? 'M' : 'L'}${num(x(index))} ${num(y(point.value))}`)
      .join(' ')
    parts.push(
      `<path class="spc-chart__process" d="${path}" fill="none" stroke="${SPC_COLOURS.value_line}" stroke-width="1.5"/>`
    )
  }
  if (target !== null && points.length > 0) {
    parts.push(horizontal(0, points.length - 1, target, SPC_COLOURS.target, '2 3', 'spc-chart__target'))
  }
  for (const [index, point] of points.entries()) {
    const label = `${formatDate(point.date)}: ${formatValue(point.value)} (${POINT_LABELS[point.pointType]})`
    parts.push(
      `<circle class="spc-chart__point spc-chart__point--${point.pointType}" cx="${num(x(index))}" cy="${num(y(point.value))}" r="4" fill="${pointColour(point.pointType)}"><title>${escapeHtml(label)}</title></circle>`
    )
  }
  parts.push('</svg>')
  return parts.join('\n')
}
