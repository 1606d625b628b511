/**
 * Bulk screening import: CSV text -> one answer map per line, with line-numbered errors.
 *
 * Columns: `nhs_number`, `screened_at` (ISO date `2026-03-02` or date-time), then any question linkIds.
 * Multi-select answers are separated by `;` (`smartphone;landline`). Empty cells are no answer.
 * Each line is checked against the Questionnaire: any validation error (including a required question left
 * empty) is reported with its line number, so the caller can refuse the whole file.
 */
import { parse } from 'csv-parse/sync'
import { validateNhsNumber } from '../shared/nhs-number.js'
import { isoDateFromParts } from '../shared/dates.js'
import { validateAnswers } from './answers.js'
import { screeningQuestionnaire } from './questionnaire.js'
import type { QuestionnaireItem } from '@medplum/fhirtypes'

export interface CsvScreening {
  line: number
  nhsNumber: string
  screenedAt: string
  answers: Record<string, string | string[]>
}
export interface CsvProblem {
  line: number
  column: string
  message: string
}

const items = new Map<string, QuestionnaireItem>()
const walk = (list: readonly QuestionnaireItem[] | undefined) => {
  for (const i of list ?? []) {
    if (i.type !== 'group' && i.type !== 'display') items.set(i.linkId, i)
    walk(i.item)
  }
}
walk(screeningQuestionnaire.item)

/** Parses and checks a screening CSV. `today` (YYYY-MM-DD) rejects screenings dated in the future. */
export function parseScreeningCsv(text: string, today: string): { rows: CsvScreening[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = []
  let parsed: { record: string[]; info: { lines: number } }[]
  try {
    // `info` gives each record's line in the file, so blank lines never shift the reported line numbers
    parsed = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
      info: true
    }) as unknown as {
      record: string[]
      info: { lines: number }
    }[]
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { rows: [], problems: [{ line, column: '', message: `not valid CSV: ${(error as Error).message}` }] }
  }
  const header = parsed[0]?.record
  const body = parsed.slice(1)
  if (!header) return { rows: [], problems: [{ line: 1, column: '', message: 'the file is empty' }] }
  if (header[0] !== 'nhs_number' || header[1] !== 'screened_at')
    problems.push({ line: 1, column: header[0] ?? '', message: 'the first two columns must be nhs_number,screened_at' })
  for (const column of header.slice(2))
    if (!items.has(column)) problems.push({ line: 1, column, message: `${column} is not a question of the screening` })
  if (new Set(header).size !== header.length) problems.push({ line: 1, column: '', message: 'a column appears twice' })
  if (problems.length) return { rows: [], problems }
  const rows: CsvScreening[] = []
  body.forEach(({ record, info }) => {
    const line = info.lines
    const nhs = validateNhsNumber(record[0] ?? '')
    if (!nhs.valid) problems.push({ line, column: 'nhs_number', message: `not a valid NHS number (${nhs.problem})` })
    const when = record[1] ?? ''
    const date =
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(when) &&
      !Number.isNaN(new Date(when).getTime()) &&
      isoDateFromParts(when.slice(8, 10), when.slice(5, 7), when.slice(0, 4)) !== null
        ? when
        : null
    if (!date) problems.push({ line, column: 'screened_at', message: 'must be a real date like 2026-03-02' })
    else if (date.slice(0, 10) > today) problems.push({ line, column: 'screened_at', message: 'is in the future' })
    const answers: Record<string, string | string[]> = {}
    header.slice(2).forEach((column, i) => {
      const cell = record[i + 2] ?? ''
      if (cell === '') return
      answers[column] = items.get(column)?.repeats
        ? cell
            .split(';')
            .map((v) => v.trim())
            .filter((v) => v !== '')
        : cell
    })
    for (const e of validateAnswers(screeningQuestionnaire, answers))
      problems.push({ line, column: e.linkId, message: e.code })
    if (nhs.valid && date) rows.push({ line, nhsNumber: nhs.value, screenedAt: date, answers })
  })
  return { rows, problems }
}
