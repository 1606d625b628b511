/**
 * The one CSV writer (RFC 4180 through csv-stringify), used by every download and every command
 * that prints CSV. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) are neutralised with a leading apostrophe, as OWASP
 * advises; numbers, and text that is a plain number such as `-0.5`, are written as they are.
 */
import { stringify } from 'csv-stringify/sync'

export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

/** A cell as written: empty for null, neutralised when it could run as a formula. */
export function csvCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`
  return value
}

/** Rows as CSV text, header first, quoting only where needed; lines end with `\n`. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(csvCell), ...rows.map((r) => r.map(csvCell))])
}
