import type { Command } from 'commander'
import { CliInputError, type CliIo } from '../io.js'
import { numberCell, readCsvTable, toCsv } from '../csv-table.js'
import { computeSpc, isIsoDate, MIN_FIX_AFTER_N_POINTS, SpcInputError } from '../../domain/qi/spc/index.js'
import type { ImprovementDirection, SpcInputPoint, SpcResult } from '../../domain/qi/spc/index.js'

interface SpcFlags {
  input: string
  improvement: string
  target?: string
  rebase: string[]
  fixAfter?: string
  outlierScreening: boolean
  format: string
}

const DIRECTIONS: readonly ImprovementDirection[] = ['increase', 'decrease', 'neutral']
const FORMATS = ['json', 'csv'] as const
type OutputFormat = (typeof FORMATS)[number]

/** The CSV output's columns, in order (docs/spc.md). */
export const SPC_CSV_HEADER = ['date', 'value', 'mean', 'lpl', 'upl', 'pointType'] as const

function parseFlagNumber(flag: string, raw: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(value)) throw new CliInputError(`${flag}: "${raw}" is not a number`)
  return value
}

function parseDirection(raw: string): ImprovementDirection {
  const direction = DIRECTIONS.find((d) => d === raw)
  if (!direction) throw new CliInputError(`--improvement: "${raw}" is not one of ${DIRECTIONS.join(', ')}`)
  return direction
}

function parseFormat(raw: string): OutputFormat {
  const format = FORMATS.find((f) => f === raw)
  if (!format) throw new CliInputError(`--format: "${raw}" is not one of ${FORMATS.join(', ')}`)
  return format
}

function parseRebase(values: readonly string[]): string[] {
  const dates = values
    .flatMap((v) => v.split(','))
    .map((d) => d.trim())
    .filter((d) => d !== '')
  for (const date of dates) {
    if (!isIsoDate(date)) throw new CliInputError(`--rebase: "${date}" is not a date (YYYY-MM-DD)`)
  }
  return dates
}

function parseFixAfter(raw: string | undefined): number | null {
  if (raw === undefined) return null
  const value = parseFlagNumber('--fix-after', raw)
  if (value < MIN_FIX_AFTER_N_POINTS) {
    throw new CliInputError(
      `--fix-after: ${raw} is too small; limits need at least ${MIN_FIX_AFTER_N_POINTS} points (as in NHSRplotthedots)`
    )
  }
  return value
}

/** Reads `date,value` rows; every error names the file, the line and, where it helps, the column. */
export function readSpcPoints(text: string, fileLabel: string): SpcInputPoint[] {
  const table = readCsvTable(text, { required: ['date', 'value'] }, fileLabel)
  if (table.rows.length === 0) throw new CliInputError(`${fileLabel}: no data rows after the header line`)
  const firstLineOfDate = new Map<string, number>()
  return table.rows.map((row) => {
    const date = row.cells['date'] ?? ''
    if (!isIsoDate(date))
      throw new CliInputError(`${fileLabel}: line ${row.line}, column date: "${date}" is not a date (YYYY-MM-DD)`)
    const value = numberCell(row, 'value', fileLabel)
    const first = firstLineOfDate.get(date)
    if (first !== undefined)
      throw new CliInputError(
        `${fileLabel}: line ${row.line}, column date: ${date} appears twice (first on line ${first})`
      )
    firstLineOfDate.set(date, row.line)
    return { date, value }
  })
}

/** The JSON document: the required keys only, numbers at full precision, null where a limit cannot be computed. */
export function spcJson(result: SpcResult): string {
  const document = {
    points: result.points.map((p) => ({
      date: p.date,
      value: p.value,
      mean: p.mean,
      lpl: p.lpl,
      upl: p.upl,
      pointType: p.pointType
    })),
    variation: result.variation,
    assurance: result.assurance
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

export function spcCsv(result: SpcResult): string {
  return toCsv(
    SPC_CSV_HEADER,
    result.points.map((p) => [p.date, p.value, p.mean, p.lpl, p.upl, p.pointType])
  )
}

/**
 * `reach spc --input FILE.csv [--improvement increase|decrease|neutral] [--target N]
 *  [--rebase YYYY-MM-DD[,…]] [--fix-after N] [--no-outlier-screening] [--format json|csv]`:
 * a Making Data Count XmR chart computed as NHSRplotthedots does. Bad input exits 2 naming the line.
 */
export function registerSpcCommand(program: Command, io: CliIo): void {
  program
    .command('spc')
    .description(
      'XmR (individuals) SPC chart as Making Data Count / NHSRplotthedots computes it; reads a date,value CSV'
    )
    .requiredOption('--input <file>', 'CSV file with a header line date,value (dates YYYY-MM-DD)')
    .option('--improvement <direction>', 'which way is better: increase, decrease or neutral', 'increase')
    .option('--target <n>', 'target value, for the assurance icon')
    .option(
      '--rebase <dates>',
      'dates (YYYY-MM-DD, comma-separated; repeatable) where the limits start again',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[]
    )
    .option(
      '--fix-after <n>',
      `compute the limits from the first N points of each segment (N at least ${MIN_FIX_AFTER_N_POINTS})`
    )
    .option(
      '--no-outlier-screening',
      'keep moving ranges of 3.267 × their mean or more in the limits (the Making Data Count Excel tools do)'
    )
    .option('--format <format>', 'json or csv', 'json')
    .action(async (flags: SpcFlags) => {
      const direction = parseDirection(flags.improvement)
      const format = parseFormat(flags.format)
      const target = flags.target === undefined ? null : parseFlagNumber('--target', flags.target)
      const rebase = parseRebase(flags.rebase)
      const fixAfterNPoints = parseFixAfter(flags.fixAfter)
      let text: string
      try {
        text = await io.readFile(flags.input)
      } catch (error) {
        throw new CliInputError(
          `${flags.input}: cannot read the file: ${error instanceof Error ? error.message : String(error)}`
        )
      }
      const points = readSpcPoints(text, flags.input)
      let result: SpcResult
      try {
        result = computeSpc(points, {
          improvementDirection: direction,
          target,
          rebase,
          fixAfterNPoints,
          screenOutliers: flags.outlierScreening
        })
      } catch (error) {
        if (error instanceof SpcInputError) throw new CliInputError(`${flags.input}: ${error.message}`)
        throw error
      }
      io.stdout(format === 'json' ? spcJson(result) : spcCsv(result))
    })
}
