/**
 * A chart as a file of its own, for the downloads: the SVG with an XML declaration, the same
 * drawn as a PNG (at twice the size, on white), and a file name from the chart's name.
 */
import { Resvg } from '@resvg/resvg-js'

export function standaloneSvg(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
}

export function chartPng(svg: string): Buffer {
  return new Resvg(standaloneSvg(svg), {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
  })
    .render()
    .asPng()
}

/** "Clinics asking the question" → "clinics-asking-the-question.svg" (at most 60 characters before the extension). */
export function chartFileName(name: string, ext: 'svg' | 'png' | 'csv'): string {
  const stem =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'measure'
  return `${stem}.${ext}`
}
