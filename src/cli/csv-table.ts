import { parse } from 'csv-parse/sync'
import { CliInputError } from './io.js'

/** One data row of a CSV file, with its 1-based line number in the file (the header is line 1). */
export interface CsvRow {
  line: number
  cells: Record<string, string>
}

export interface CsvTable {
  columns: string[]
  rows: CsvRow[]
}

export interface CsvSpec {
  /** Columns that must be in the header. */
  required: readonly string[]
  /** Columns that may be in the header. Any other column is an error when `strict` is true. */
  optional?: readonly string[]
  strict?: boolean
}

/**
 * Reads a CSV file with a header row into rows keyed by column name, keeping each row's line number.
 * Errors (empty file, missing columns, ragged rows, bad quoting) become a CliInputError naming the line.
 */
export function readCsvTable(text: string, spec: CsvSpec, fileLabel = 'input'): CsvTable {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '')
    throw new CliInputError(`${fileLabel}: the file is empty; expected a header line: ${spec.required.join(',')}`)
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(body, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as {
      record: string[]
      info: { lines: number }
    }[]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new CliInputError(`${fileLabel}: line ${line ?? '?'}: cannot read CSV: ${(error as Error).message}`)
  }
  const [headerRecord, ...dataRecords] = records
  if (!headerRecord) throw new CliInputError(`${fileLabel}: the file is empty; expected a header line`)
  const columns = headerRecord.record.map((c) => c.toLowerCase())
  const headerLine = headerRecord.info.lines
  const missing = spec.required.filter((c) => !columns.includes(c))
  if (missing.length > 0) {
    throw new CliInputError(
      `${fileLabel}: line ${headerLine}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header (expected ${spec.required.join(',')})`
    )
  }
  if (spec.strict) {
    const allowed = new Set([...spec.required, ...(spec.optional ?? [])])
    const unknown = columns.filter((c) => !allowed.has(c))
    if (unknown.length > 0)
      throw new CliInputError(`${fileLabel}: line ${headerLine}: unknown column ${unknown.join(', ')}`)
  }
  const dup = columns.find((c, i) => columns.indexOf(c) !== i)
  if (dup) throw new CliInputError(`${fileLabel}: line ${headerLine}: column ${dup} appears twice`)
  const rows = dataRecords.map(({ record, info }) => {
    if (record.length !== columns.length) {
      throw new CliInputError(
        `${fileLabel}: line ${info.lines}: expected ${columns.length} fields, found ${record.length}`
      )
    }
    const cells: Record<string, string> = {}
    columns.forEach((c, i) => {
      cells[c] = record[i] ?? ''
    })
    return { line: info.lines, cells }
  })
  return { columns, rows }
}

/** Parses a finite decimal number from a cell, or throws a CliInputError naming line and column. */
export function numberCell(row: CsvRow, column: string, fileLabel = 'input'): number {
  const raw = row.cells[column] ?? ''
  const value = raw === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(value)) {
    throw new CliInputError(`${fileLabel}: line ${row.line}, column ${column}: "${raw}" is not a number`)
  }
  return value
}

/** CSV output goes through the one writer (formula cells neutralised). */
export { toCsv } from '../domain/shared/csv.js'
