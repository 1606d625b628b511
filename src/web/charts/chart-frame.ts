/**
 * The frame every time-series chart shares: the SVG element with its title and description, value and
 * time scales, the axes (value ticks at round steps, as many date labels as fit), and the annotations —
 * PDSA cycles, rebases and notes as numbered dashed lines, with a key under the chart that names each
 * one, so a chart copied into a board paper (SVG or PNG) still says what its lines are. Charts draw
 * their lines and points inside it with `x` and `y`.
 */
import { escapeHtml } from '../escape-html.js'
import { dateLabelIndices, niceTicks } from './axis.js'

export const chartNumber = (n: number): string => String(Math.round(n * 100) / 100)

export interface ChartAnnotation {
  date: string
  label: string
  kind: 'pdsa' | 'rebase' | 'note'
}

export const ANNOTATION_COLOURS = { pdsa: '#005eb8', rebase: '#212b32', note: '#4c6272' } as const

export interface ChartFrameOptions {
  id: string
  className: string
  title: string
  description: string
  width: number
  /** The height of the plot with its axes; the key of annotations adds to it. */
  height: number
  /** Every value the chart will draw (points, lines, target), to fit the value scale. */
  levels: readonly number[]
  /** The dates of the points, in order. */
  dates: readonly string[]
  formatValue: (value: number) => string
  formatDate: (isoDate: string) => string
  /** A shorter date for the axis labels ("Mar 2026"); `formatDate` when not given. */
  formatAxisDate?: (isoDate: string) => string
  annotations?: readonly ChartAnnotation[]
}

export interface ChartFrame {
  /** The opening SVG, title, description, axes and annotations; close with `</svg>`. */
  parts: string[]
  x: (index: number) => number
  y: (value: number) => number
  margin: { top: number; right: number; bottom: number; left: number }
  plotHeight: number
}

/** Lines of the key: one per annotation, at most this many, then "and N more". */
const KEY_LINES = 10
const KEY_LINE_HEIGHT = 16
/** About how wide a character of 12 px text is, to shorten long names and space date labels. */
const CHAR_WIDTH = 6.5

export function chartFrame(o: ChartFrameOptions): ChartFrame {
  const axisDate = o.formatAxisDate ?? o.formatDate
  const labelWidth = Math.max(0, ...o.dates.map((d) => axisDate(d).length)) * CHAR_WIDTH
  // date labels are centred on their points, so the right margin leaves room for half the last one
  const margin = { top: 16, right: Math.max(16, Math.ceil(labelWidth / 2) + 4), bottom: 40, left: 64 }
  const plotWidth = o.width - margin.left - margin.right
  const plotHeight = o.height - margin.top - margin.bottom
  const count = o.dates.length
  const scale = niceTicks(
    o.levels.length > 0 ? Math.min(...o.levels) : 0,
    o.levels.length > 0 ? Math.max(...o.levels) : 1
  )
  const { low, high } = scale
  const x = (i: number): number => margin.left + (count <= 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1))
  const y = (v: number): number => margin.top + ((high - v) * plotHeight) / (high - low)
  const num = chartNumber
  const annotations = placedAnnotations(o.dates, o.annotations ?? [])
  const keyLines = Math.min(annotations.length, KEY_LINES) + (annotations.length > KEY_LINES ? 1 : 0)
  const totalHeight = o.height + (keyLines > 0 ? 8 + keyLines * KEY_LINE_HEIGHT : 0)
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" viewBox="0 0 ${o.width} ${totalHeight}" width="${o.width}" height="${totalHeight}" class="${o.className}">`
  )
  parts.push(`<title id="${o.id}-title">${escapeHtml(o.title)}</title>`)
  parts.push(`<desc id="${o.id}-desc">${escapeHtml(o.description)}</desc>`)
  // axes: value gridlines and ticks at round steps; date labels evenly spaced, as many as fit
  parts.push(`<g class="spc-chart__axes" font-size="12" fill="#4c6272">`)
  for (const v of scale.ticks) {
    const at = num(y(v))
    parts.push(
      `<line class="spc-chart__grid" x1="${margin.left}" y1="${at}" x2="${margin.left + plotWidth}" y2="${at}" stroke="#f0f4f5"/>`
    )
    parts.push(
      `<text x="${margin.left - 6}" y="${num(y(v) + 4)}" text-anchor="end">${escapeHtml(o.formatValue(v))}</text>`
    )
  }
  parts.push(
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotHeight}" stroke="#d8dde0"/>`
  )
  parts.push(
    `<line x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${margin.left + plotWidth}" y2="${margin.top + plotHeight}" stroke="#d8dde0"/>`
  )
  const fit = plotWidth / (labelWidth + 16) + 1
  const labelled = dateLabelIndices(count, fit)
  for (const i of labelled) {
    const date = o.dates[i]
    if (date === undefined) continue
    const at = num(x(i))
    parts.push(
      `<line x1="${at}" y1="${margin.top + plotHeight}" x2="${at}" y2="${margin.top + plotHeight + 4}" stroke="#d8dde0"/>`
    )
    parts.push(`<text x="${at}" y="${o.height - 12}" text-anchor="middle">${escapeHtml(axisDate(date))}</text>`)
  }
  parts.push('</g>')
  // annotations: numbered lines behind the data, and their key under the axis
  for (const a of annotations) {
    const colour = ANNOTATION_COLOURS[a.kind]
    const at = num(x(a.index))
    parts.push(
      `<g class="spc-chart__annotation spc-chart__annotation--${a.kind}"><title>${escapeHtml(`${a.number}. ${a.label}`)}</title>` +
        `<line x1="${at}" y1="${margin.top}" x2="${at}" y2="${margin.top + plotHeight}" stroke="${colour}" stroke-width="1" stroke-dasharray="3 3"/>` +
        `<text x="${at}" y="${margin.top + 10}" dx="3" font-size="11" fill="${colour}">${a.number}</text></g>`
    )
  }
  if (keyLines > 0) {
    const chars = Math.floor((o.width - margin.left - margin.right) / CHAR_WIDTH)
    parts.push(`<g class="spc-chart__key" font-size="12">`)
    annotations.slice(0, KEY_LINES).forEach((a, k) => {
      const text = shorten(`${a.number}. ${a.label} (${o.formatDate(a.date)})`, chars)
      parts.push(
        `<text x="${margin.left}" y="${o.height + 8 + (k + 1) * KEY_LINE_HEIGHT - 4}" fill="${ANNOTATION_COLOURS[a.kind]}">${escapeHtml(text)}</text>`
      )
    })
    if (annotations.length > KEY_LINES)
      parts.push(
        `<text x="${margin.left}" y="${o.height + 8 + keyLines * KEY_LINE_HEIGHT - 4}" fill="#4c6272">and ${annotations.length - KEY_LINES} more, listed with the chart</text>`
      )
    parts.push('</g>')
  }
  return { parts, x, y, margin, plotHeight }
}

interface PlacedAnnotation extends ChartAnnotation {
  /** 1, 2, 3… in date order, as the table under the chart numbers them. */
  number: number
  /** The first point on or after the annotation's date. */
  index: number
}

/** Annotations in date order, numbered, each at the first point on or after its date; later ones are left off. */
export function placedAnnotations(
  dates: readonly string[],
  annotations: readonly ChartAnnotation[]
): PlacedAnnotation[] {
  const sorted = [...annotations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const placed: PlacedAnnotation[] = []
  sorted.forEach((annotation, k) => {
    const index = dates.findIndex((d) => d >= annotation.date)
    if (index >= 0) placed.push({ ...annotation, number: k + 1, index })
  })
  return placed
}

function shorten(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`
}
