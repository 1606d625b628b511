/**
 * Reads manual measure values pasted as lines of `YYYY-MM-DD,value` (or a CSV with a
 * `date,value` header). All or nothing: every problem is reported with its line number and
 * nothing is saved until there are none.
 */
import { isIsoDate } from '../spc/index.js'

export interface ImportedValue {
  periodStart: string
  value: number
  line: number
}
export interface ImportProblem {
  line: number
  text: string
}
export type ImportResult = { ok: true; values: ImportedValue[] } | { ok: false; problems: ImportProblem[] }

export const MAX_IMPORT_LINES = 1000

function parseNumber(raw: string): number | null {
  const cleaned = raw.trim().replace(/%$/, '')
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null
  return Number(cleaned)
}

export function parseValueLines(text: string): ImportResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const problems: ImportProblem[] = []
  const values: ImportedValue[] = []
  const firstLine = new Map<string, number>()
  lines.forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '') return
    if (line === 1 && /^"?date"?\s*,\s*"?value"?$/i.test(trimmed)) return
    const cells = trimmed.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'))
    if (cells.length !== 2) {
      problems.push({ line, text: `Line ${line}: enter a date and a value separated by one comma, like 2026-01-01,42` })
      return
    }
    const [date = '', rawValue = ''] = cells
    if (!isIsoDate(date)) {
      problems.push({ line, text: `Line ${line}: "${date}" is not a real date in the form YYYY-MM-DD` })
      return
    }
    const value = parseNumber(rawValue)
    if (value === null) {
      problems.push({ line, text: `Line ${line}: "${rawValue}" is not a number` })
      return
    }
    const first = firstLine.get(date)
    if (first !== undefined) {
      problems.push({ line, text: `Line ${line}: ${date} is already on line ${first}` })
      return
    }
    firstLine.set(date, line)
    values.push({ periodStart: date, value, line })
  })
  if (lines.length > MAX_IMPORT_LINES)
    problems.unshift({ line: MAX_IMPORT_LINES + 1, text: `Enter at most ${MAX_IMPORT_LINES} lines at a time` })
  if (problems.length === 0 && values.length === 0)
    problems.push({ line: 1, text: 'Enter at least one line, like 2026-01-01,42' })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values }
}

/** The first day of the week (Monday) or month that holds an ISO date. */
export function periodStartOf(date: string, frequency: 'weekly' | 'monthly'): string {
  if (frequency === 'monthly') return `${date.slice(0, 7)}-01`
  const d = new Date(`${date}T00:00:00Z`)
  const back = (d.getUTCDay() + 6) % 7
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Imported values moved to the start of their week or month, or a problem for every line that
 * falls in the same period as an earlier one (all or nothing, like `parseValueLines`).
 */
export function valuesByPeriod(values: readonly ImportedValue[], frequency: 'weekly' | 'monthly'): ImportResult {
  const periods = new Map<string, number>()
  const problems: ImportProblem[] = []
  for (const v of values) {
    const start = periodStartOf(v.periodStart, frequency)
    const other = periods.get(start)
    if (other !== undefined)
      problems.push({
        line: v.line,
        text: `Line ${v.line}: falls in the same ${frequency === 'weekly' ? 'week' : 'month'} as line ${other}`
      })
    periods.set(start, v.line)
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, values: values.map((v) => ({ ...v, periodStart: periodStartOf(v.periodStart, frequency) })) }
}
