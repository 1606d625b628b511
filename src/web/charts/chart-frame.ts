/**
 * The frame every time-series chart shares: the SVG element with its title and description,
 * value and time scales (5% padding), and the axes with five value ticks and the first and
 * last dates. Charts draw their lines and points inside it with `x` and `y`.
 */
import { escapeHtml } from '../escape-html.js'

export const chartNumber = (n: number): string => String(Math.round(n * 100) / 100)

export interface ChartFrameOptions {
  id: string
  className: string
  title: string
  description: string
  width: number
  height: number
  /** Every value the chart will draw (points, lines, target), to fit the value scale. */
  levels: readonly number[]
  /** The dates of the points, in order. */
  dates: readonly string[]
  formatValue: (value: number) => string
  formatDate: (isoDate: string) => string
}

export interface ChartFrame {
  /** The opening SVG, title, description and axes; close with `</svg>`. */
  parts: string[]
  x: (index: number) => number
  y: (value: number) => number
  margin: { top: number; right: number; bottom: number; left: number }
  plotHeight: number
}

export function chartFrame(o: ChartFrameOptions): ChartFrame {
  const margin = { top: 16, right: 16, bottom: 40, left: 64 }
  const plotWidth = o.width - margin.left - margin.right
  const plotHeight = o.height - margin.top - margin.bottom
  const count = o.dates.length
  let low = o.levels.length > 0 ? Math.min(...o.levels) : 0
  let high = o.levels.length > 0 ? Math.max(...o.levels) : 1
  if (low === high) {
    low -= 1
    high += 1
  }
  const pad = (high - low) * 0.05
  low -= pad
  high += pad
  const x = (i: number): number => margin.left + (count <= 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1))
  const y = (v: number): number => margin.top + ((high - v) * plotHeight) / (high - low)
  const num = chartNumber
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" viewBox="0 0 ${o.width} ${o.height}" width="${o.width}" height="${o.height}" class="${o.className}">`
  )
  parts.push(`<title id="${o.id}-title">${escapeHtml(o.title)}</title>`)
  parts.push(`<desc id="${o.id}-desc">${escapeHtml(o.description)}</desc>`)
  // axes: y ticks at five levels, first and last dates on x
  parts.push(`<g class="spc-chart__axes" font-size="12" fill="#4c6272">`)
  parts.push(
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotHeight}" stroke="#d8dde0"/>`
  )
  parts.push(
    `<line x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${margin.left + plotWidth}" y2="${margin.top + plotHeight}" stroke="#d8dde0"/>`
  )
  for (let k = 0; k <= 4; k++) {
    const v = low + ((high - low) * k) / 4
    parts.push(
      `<text x="${margin.left - 6}" y="${num(y(v) + 4)}" text-anchor="end">${escapeHtml(o.formatValue(v))}</text>`
    )
  }
  const first = o.dates[0]
  const last = o.dates[count - 1]
  if (first)
    parts.push(
      `<text x="${num(x(0))}" y="${o.height - 12}" text-anchor="start">${escapeHtml(o.formatDate(first))}</text>`
    )
  if (last && count > 1)
    parts.push(
      `<text x="${num(x(count - 1))}" y="${o.height - 12}" text-anchor="end">${escapeHtml(o.formatDate(last))}</text>`
    )
  parts.push('</g>')
  return { parts, x, y, margin, plotHeight }
}
