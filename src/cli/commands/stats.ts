/**
 * `reach stats …`: public-health statistics as OHID Fingertips and PHEindicatormethods define
 * them, for analysts. CSV in, CSV (or JSON for `sii`) out on stdout; bad input is a message on
 * stderr naming the line and column, with exit code 2. See docs/statistics.md.
 *
 *   reach stats proportion-ci --input FILE.csv     numerator,denominator[,confidence]
 *   reach stats rate-ci --input FILE.csv           count,denominator[,multiplier,confidence]
 *   reach stats dsr --input FILE.csv [--multiplier N]               group,ageband,count,population,stdpop
 *   reach stats sii --input FILE.csv [--multiplier N] [--transform none|log|logit]   quantile,population,value
 *
 * A numerator or count that is empty or NA is missing, as in R: proportion-ci and rate-ci print
 * empty value and limits for that row, and dsr counts it as 0 (the package's na.zero).
 */
import { Option, type Command } from 'commander'
import { CliInputError, type CliIo } from '../io.js'
import { numberCell, readCsvTable, toCsv, type CsvRow, type CsvSpec, type CsvTable } from '../csv-table.js'
import { isFingertipsConfidence } from '../../domain/area/inequalities/confidence.js'
import { proportionWithWilsonInterval } from '../../domain/area/inequalities/wilson.js'
import { rateWithInterval } from '../../domain/area/inequalities/byar.js'
import { directlyStandardisedRate, type DsrBand } from '../../domain/area/inequalities/dsr.js'
import {
  SII_MAX_QUANTILES,
  SII_MIN_QUANTILES,
  slopeIndexOfInequality,
  type SiiQuantile,
  type SiiTransform
} from '../../domain/area/inequalities/sii.js'

type Cell = string | number | null

const DSR_COLUMNS = [
  'group',
  'total_count',
  'total_pop',
  'value',
  'lower95',
  'upper95',
  'lower99_8',
  'upper99_8'
] as const

async function readTable(io: CliIo, path: string, spec: CsvSpec): Promise<CsvTable> {
  let text: string
  try {
    text = await io.readFile(path)
  } catch (error) {
    throw new CliInputError(`${path}: cannot read the file: ${error instanceof Error ? error.message : String(error)}`)
  }
  return readCsvTable(text, spec, path)
}

function cellError(label: string, row: CsvRow, column: string, message: string): CliInputError {
  return new CliInputError(`${label}: line ${row.line}, column ${column}: ${message}`)
}

/** True when the cell is empty or R's NA. */
function isMissing(row: CsvRow, column: string): boolean {
  const raw = row.cells[column] ?? ''
  return raw === '' || raw === 'NA'
}

/** A number that must be at least zero (or above zero when `strictlyPositive`). */
function nonNegativeCell(label: string, row: CsvRow, column: string, strictlyPositive = false): number {
  const value = numberCell(row, column, label)
  if (strictlyPositive ? value <= 0 : value < 0) {
    throw cellError(
      label,
      row,
      column,
      `"${row.cells[column] ?? ''}" must be ${strictlyPositive ? 'greater than zero' : 'zero or more'}`
    )
  }
  return value
}

/** The optional confidence column: 0.95 (the default, also for an empty cell) or 0.998. */
function confidenceCell(label: string, row: CsvRow): number {
  if (isMissing(row, 'confidence')) return 0.95
  const value = numberCell(row, 'confidence', label)
  if (!isFingertipsConfidence(value))
    throw cellError(label, row, 'confidence', `"${row.cells['confidence'] ?? ''}" must be 0.95 or 0.998`)
  return value
}

/** The output columns must not repeat an input column. */
function assertNoClash(label: string, columns: readonly string[], added: readonly string[]): void {
  const clash = added.find((c) => columns.includes(c))
  if (clash) throw new CliInputError(`${label}: line 1: column ${clash} is an output column; rename or remove it`)
}

/** A positive multiplier from an option. */
function positiveOption(name: string, raw: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(value) || value <= 0)
    throw new CliInputError(`--${name}: "${raw}" must be a number greater than zero`)
  return value
}

function proportionRows(label: string, table: CsvTable): Cell[][] {
  return table.rows.map((row) => {
    const given: Cell[] = table.columns.map((c) => row.cells[c] ?? '')
    const confidence = table.columns.includes('confidence') ? confidenceCell(label, row) : 0.95
    if (isMissing(row, 'numerator') || isMissing(row, 'denominator')) {
      // R: a missing numerator or denominator gives NA for the value and both limits
      if (!isMissing(row, 'numerator')) nonNegativeCell(label, row, 'numerator')
      if (!isMissing(row, 'denominator')) nonNegativeCell(label, row, 'denominator', true)
      return [...given, null, null, null]
    }
    const numerator = nonNegativeCell(label, row, 'numerator')
    const denominator = nonNegativeCell(label, row, 'denominator', true)
    if (numerator > denominator) {
      throw cellError(label, row, 'numerator', `${numerator} is greater than the denominator ${denominator}`)
    }
    const result = proportionWithWilsonInterval(numerator, denominator, { confidence })
    return [...given, result.value, result.lower, result.upper]
  })
}

function rateRows(label: string, table: CsvTable): Cell[][] {
  return table.rows.map((row) => {
    const given: Cell[] = table.columns.map((c) => row.cells[c] ?? '')
    const confidence = table.columns.includes('confidence') ? confidenceCell(label, row) : 0.95
    const multiplier =
      table.columns.includes('multiplier') && !isMissing(row, 'multiplier')
        ? nonNegativeCell(label, row, 'multiplier', true)
        : 100000
    if (isMissing(row, 'count') || isMissing(row, 'denominator')) {
      if (!isMissing(row, 'count')) nonNegativeCell(label, row, 'count')
      if (!isMissing(row, 'denominator')) nonNegativeCell(label, row, 'denominator', true)
      return [...given, null, null, null]
    }
    const count = nonNegativeCell(label, row, 'count')
    const denominator = nonNegativeCell(label, row, 'denominator', true)
    const result = rateWithInterval(count, denominator, { multiplier, confidence })
    return [...given, result.value, result.lower, result.upper]
  })
}

function dsrRows(label: string, table: CsvTable, multiplier: number): Cell[][] {
  const groups = new Map<string, { bands: DsrBand[]; seen: Map<string, number> }>()
  for (const row of table.rows) {
    const name = row.cells['group'] ?? ''
    const ageband = row.cells['ageband'] ?? ''
    const group = groups.get(name) ?? { bands: [], seen: new Map<string, number>() }
    groups.set(name, group)
    const firstLine = group.seen.get(ageband)
    if (firstLine !== undefined) {
      throw cellError(
        label,
        row,
        'ageband',
        `age band "${ageband}" appears twice for group "${name}" (first on line ${firstLine})`
      )
    }
    group.seen.set(ageband, row.line)
    group.bands.push({
      count: isMissing(row, 'count') ? null : nonNegativeCell(label, row, 'count'),
      population: nonNegativeCell(label, row, 'population', true),
      standardPopulation: nonNegativeCell(label, row, 'stdpop')
    })
  }
  const out: Cell[][] = []
  for (const [name, group] of groups) {
    let result
    try {
      result = directlyStandardisedRate(group.bands, { multiplier })
    } catch (error) {
      throw new CliInputError(`${label}: group "${name}": ${error instanceof Error ? error.message : String(error)}`)
    }
    out.push([
      name,
      result.totalCount,
      result.totalPopulation,
      result.value,
      result.lower95,
      result.upper95,
      result.lower99_8,
      result.upper99_8
    ])
  }
  return out
}

function siiQuantiles(label: string, table: CsvTable, transform: SiiTransform): SiiQuantile[] {
  const firstLine = new Map<number, number>()
  const quantiles = table.rows.map((row) => {
    const quantile = numberCell(row, 'quantile', label)
    const earlier = firstLine.get(quantile)
    if (earlier !== undefined)
      throw cellError(label, row, 'quantile', `quantile ${quantile} appears twice (first on line ${earlier})`)
    firstLine.set(quantile, row.line)
    const population = nonNegativeCell(label, row, 'population', true)
    const value = numberCell(row, 'value', label)
    if (transform === 'log' && value <= 0)
      throw cellError(
        label,
        row,
        'value',
        `"${row.cells['value'] ?? ''}" must be greater than zero for --transform log`
      )
    if (transform === 'logit' && (value <= 0 || value >= 1)) {
      throw cellError(
        label,
        row,
        'value',
        `"${row.cells['value'] ?? ''}" must be a proportion strictly between 0 and 1 for --transform logit`
      )
    }
    return { quantile, population, value }
  })
  if (quantiles.length < SII_MIN_QUANTILES || quantiles.length > SII_MAX_QUANTILES) {
    throw new CliInputError(
      `${label}: expected ${SII_MIN_QUANTILES} to ${SII_MAX_QUANTILES} quantiles (one per line), found ${quantiles.length}`
    )
  }
  return quantiles
}

export function registerStatsCommands(program: Command, io: CliIo): void {
  const stats = program
    .command('stats')
    .description(
      'public-health statistics as OHID Fingertips / PHEindicatormethods define them (see docs/statistics.md)'
    )

  stats
    .command('proportion-ci')
    .description(
      'proportions with Wilson score intervals (phe_proportion); CSV numerator,denominator[,confidence] -> adds value,lower,upper (0-1 scale)'
    )
    .requiredOption(
      '--input <file>',
      'CSV file with numerator,denominator[,confidence] (confidence 0.95 or 0.998; default 0.95)'
    )
    .action(async (options: { input: string }) => {
      const table = await readTable(io, options.input, {
        required: ['numerator', 'denominator'],
        optional: ['confidence']
      })
      const added = ['value', 'lower', 'upper']
      assertNoClash(options.input, table.columns, added)
      io.stdout(toCsv([...table.columns, ...added], proportionRows(options.input, table)))
    })

  stats
    .command('rate-ci')
    .description(
      "crude rates with exact (count < 10) or Byar's intervals (phe_rate); CSV count,denominator[,multiplier,confidence] -> adds value,lower,upper"
    )
    .requiredOption(
      '--input <file>',
      'CSV file with count,denominator[,multiplier,confidence] (default multiplier 100000, confidence 0.95)'
    )
    .action(async (options: { input: string }) => {
      const table = await readTable(io, options.input, {
        required: ['count', 'denominator'],
        optional: ['multiplier', 'confidence']
      })
      const added = ['value', 'lower', 'upper']
      assertNoClash(options.input, table.columns, added)
      io.stdout(toCsv([...table.columns, ...added], rateRows(options.input, table)))
    })

  stats
    .command('dsr')
    .description(
      'directly standardised rates with Dobson limits (phe_dsr / calculate_dsr); one row per group, suppressed when the total count < 10'
    )
    .requiredOption('--input <file>', 'CSV file with group,ageband,count,population,stdpop')
    .option('--multiplier <n>', 'rate per N', '100000')
    .action(async (options: { input: string; multiplier: string }) => {
      const multiplier = positiveOption('multiplier', options.multiplier)
      const table = await readTable(io, options.input, {
        required: ['group', 'ageband', 'count', 'population', 'stdpop']
      })
      io.stdout(toCsv(DSR_COLUMNS, dsrRows(options.input, table, multiplier)))
    })

  stats
    .command('sii')
    .description(
      'slope and relative index of inequality (phe_sii point values); quantile 1 = most deprived; prints JSON {"sii","rii","intercept"}'
    )
    .requiredOption('--input <file>', 'CSV file with quantile,population,value (5 to 100 quantiles)')
    .option(
      '--multiplier <n>',
      'scales the SII (and, with a transform, the intercept); a negative multiplier inverts the RII',
      '1'
    )
    .addOption(
      new Option('--transform <t>', 'fit on log (rates) or logit (proportions, 0-1) values and back-transform')
        .choices(['none', 'log', 'logit'])
        .default('none')
    )
    .action(async (options: { input: string; multiplier: string; transform: SiiTransform }) => {
      const multiplier = options.multiplier.trim() === '' ? Number.NaN : Number(options.multiplier)
      if (!Number.isFinite(multiplier)) throw new CliInputError(`--multiplier: "${options.multiplier}" is not a number`)
      const table = await readTable(io, options.input, { required: ['quantile', 'population', 'value'] })
      const quantiles = siiQuantiles(options.input, table, options.transform)
      let result
      try {
        result = slopeIndexOfInequality(quantiles, { multiplier, transform: options.transform })
      } catch (error) {
        throw new CliInputError(`${options.input}: ${error instanceof Error ? error.message : String(error)}`)
      }
      io.stdout(`${JSON.stringify({ sii: result.sii, rii: result.rii, intercept: result.intercept })}\n`)
    })
}
