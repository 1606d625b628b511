/**
 * The driver diagram drawn as SVG, the way the IHI template lays it out: the aim on the left, then primary
 * drivers, secondary drivers and change ideas in columns, each box joined to its parent. Boxes wrap their
 * text; each leaf takes a row and a parent sits level with the middle of its children. The nested list beside
 * it on the page is the text equivalent (the SVG says so in its description). Pure: strings in, SVG out.
 */
import { escapeHtml } from '../escape-html.js'
import type { PrimaryNode } from '../../domain/qi/workspace/driver-tree.js'

const COL_WIDTH = 210
const GAP = 36
const BOX_PAD = 8
const LINE = 15
const FONT = 12
const CHARS = 30
const ROW_GAP = 10
const COLOURS = ['#005eb8', '#41b6e6', '#768692', '#007f3b'] as const
const HEADINGS = ['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas']

/** Words into lines of at most `CHARS` characters (a long word is cut). */
export function wrap(text: string, chars = CHARS): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > chars ? `${word.slice(0, chars - 1)}…` : word
    if (!line) line = w
    else if (line.length + 1 + w.length <= chars) line += ` ${w}`
    else {
      lines.push(line)
      line = w
    }
  }
  if (line) lines.push(line)
  return lines.length ? lines : ['']
}

interface Box {
  col: number
  lines: string[]
  y: number
  height: number
  children: Box[]
}

const boxHeight = (lines: string[]) => lines.length * LINE + BOX_PAD * 2

/** Lays out a subtree from `top`; returns the height it used. */
function place(box: Box, top: number): number {
  if (!box.children.length) {
    box.y = top
    return box.height
  }
  let y = top
  for (const child of box.children) y += place(child, y) + ROW_GAP
  const used = Math.max(y - ROW_GAP - top, box.height)
  const first = box.children[0]
  const last = box.children[box.children.length - 1]
  if (!first || !last) return box.height
  const middle = (first.y + last.y + last.height) / 2
  box.y = Math.max(top, middle - box.height / 2)
  return Math.max(used, box.y + box.height - top)
}

export function driverDiagramSvg(aim: string, tree: readonly PrimaryNode[], id = 'driver-diagram'): string {
  const make = (col: number, text: string, children: Box[] = []): Box => {
    const lines = wrap(text)
    return { col, lines, y: 0, height: boxHeight(lines), children }
  }
  const primaries = tree.map((p) =>
    make(1, `${p.number} ${p.title}`, [
      ...p.secondaries.map((s) =>
        make(
          2,
          `${s.number} ${s.title}`,
          s.changeIdeas.map((c) => make(3, `${c.number} ${c.title}`))
        )
      ),
      // change ideas straight under a primary sit in the change idea column
      ...p.changeIdeas.map((c) => make(3, `${c.number} ${c.title}`))
    ])
  )
  const root = make(0, aim || 'No aim yet', primaries)
  const top = 34
  const height = Math.max(place(root, top), root.height) + top + 10
  const width = 4 * COL_WIDTH + 3 * GAP + 2
  const x = (col: number) => 1 + col * (COL_WIDTH + GAP)
  const parts: string[] = []
  const draw = (box: Box) => {
    for (const child of box.children) {
      const x1 = x(box.col) + COL_WIDTH
      const y1 = box.y + box.height / 2
      const x2 = x(child.col)
      const y2 = child.y + child.height / 2
      const mid = x1 + GAP / 2
      parts.push(`<path d="M${x1} ${y1}H${mid}V${y2}H${x2}" fill="none" stroke="#768692" stroke-width="1.5"/>`)
      draw(child)
    }
    const colour = COLOURS[box.col] ?? COLOURS[0]
    parts.push(
      `<rect x="${x(box.col)}" y="${box.y}" width="${COL_WIDTH}" height="${box.height}" rx="4" fill="#fff" stroke="${colour}" stroke-width="2"/>`
    )
    box.lines.forEach((line, i) =>
      parts.push(
        `<text x="${x(box.col) + BOX_PAD}" y="${box.y + BOX_PAD + (i + 1) * LINE - 3}" font-size="${FONT}">${escapeHtml(line)}</text>`
      )
    )
  }
  draw(root)
  const headings = HEADINGS.map(
    (h, col) => `<text x="${x(col)}" y="18" font-size="14" font-weight="bold" fill="#212b32">${h}</text>`
  ).join('')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Arial, sans-serif" fill="#212b32">`,
    `<title id="${id}-title">Driver diagram</title>`,
    `<desc id="${id}-desc">The aim, its primary and secondary drivers and the change ideas. The same content is in the list that follows.</desc>`,
    headings,
    ...parts,
    '</svg>'
  ].join('')
}

/** The timeline of milestones as SVG: a line from the first to the last date, numbered markers, done in green. */
export function timelineSvg(
  milestones: readonly { title: string; dueOn: string; done: boolean }[],
  today: string,
  id = 'timeline'
): string {
  if (!milestones.length) return ''
  const width = 700
  const left = 30
  const right = width - 30
  const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000
  const dates = [...milestones.map((m) => toDay(m.dueOn)), toDay(today)]
  const min = Math.min(...dates)
  const max = Math.max(...dates, min + 1)
  const at = (iso: string) => left + ((toDay(iso) - min) / (max - min)) * (right - left)
  const marks = milestones
    .map((m, i) => {
      const cx = at(m.dueOn)
      const fill = m.done ? '#007f3b' : '#fff'
      const text = m.done ? '#fff' : '#005eb8'
      return `<circle cx="${cx}" cy="40" r="12" fill="${fill}" stroke="${m.done ? '#007f3b' : '#005eb8'}" stroke-width="2"/><text x="${cx}" y="45" font-size="13" font-weight="bold" text-anchor="middle" fill="${text}">${i + 1}</text><text x="${cx}" y="72" font-size="11" text-anchor="middle">${escapeHtml(m.dueOn.slice(0, 7))}</text>`
    })
    .join('')
  const now = at(today)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} 90" width="100%" font-family="Arial, sans-serif" fill="#212b32">`,
    `<title id="${id}-title">Timeline of milestones, numbered as in the list</title>`,
    `<line x1="${left}" y1="40" x2="${right}" y2="40" stroke="#768692" stroke-width="2"/>`,
    `<line x1="${now}" y1="18" x2="${now}" y2="62" stroke="#d5281b" stroke-width="2" stroke-dasharray="4 3"/><text x="${now}" y="12" font-size="11" text-anchor="middle" fill="#d5281b">Today</text>`,
    marks,
    '</svg>'
  ].join('')
}
