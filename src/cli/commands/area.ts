/**
 * `reach area …`: area-level commands. `areaCommand` creates (or finds) the `area`
 * command group; each subcommand registers itself on it, so more subcommands
 * (for example `area import`) can be added beside `risk-index`.
 */
import { Option, type Command } from 'commander'
import { CliInputError, type CliIo } from '../io.js'
import { numberCell, readCsvTable, toCsv } from '../csv-table.js'
import { progressReporter } from '../progress.js'
import { planAreaImport, type AreaImportPlan, type AreaSourceFile } from '../../domain/area/import/plan.js'
import {
  DEMOGRAPHY_FORMULAS,
  INDICATOR_KEYS,
  RiskIndexError,
  RiskIndexWeightsError,
  computeRiskIndex,
  parseWeightsOverride,
  resolveWeights,
  type DemographyFormula,
  type RiskIndexInputRow,
  type RiskIndexResult,
  type RiskIndexWeights
} from '../../domain/area/risk-index.js'

/** Input columns of `area risk-index`: the LSOA code, then the eleven indicators in method order. */
export const RISK_INDEX_INPUT_COLUMNS: readonly string[] = ['lsoa', ...INDICATOR_KEYS]

/** Output columns of `area risk-index` (CSV header and JSON keys). */
export const RISK_INDEX_OUTPUT_COLUMNS: readonly string[] = [
  'lsoa',
  'demography',
  'deprivation',
  'broadband',
  'deri',
  ...INDICATOR_KEYS.map((k) => `s_${k}`)
]

const OUTPUT_FORMATS = ['csv', 'json'] as const
type OutputFormat = (typeof OUTPUT_FORMATS)[number]

interface RiskIndexCommandOptions {
  indicators: string
  weights?: string
  demographyFormula: DemographyFormula
  format: OutputFormat
}

/** The `area` command group on `program`, created on first use. */
export function areaCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'area')
  if (existing) return existing
  // created with .command() (not addCommand) so it inherits exitOverride and output settings
  return program.command('area').description('Area-level data: the Digital Exclusion Risk Index (DERI) and its inputs')
}

async function readInput(io: CliIo, path: string, what: string): Promise<string> {
  try {
    return await io.readFile(path)
  } catch (error) {
    throw new CliInputError(`cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * Parses the indicators CSV into rows for computeRiskIndex. Every indicator must be a
 * number (an empty cell is an error); LSOA codes must be present and unique.
 * Extra columns are ignored. Errors name the line and column.
 */
export function parseRiskIndexCsv(text: string, fileLabel = 'input'): RiskIndexInputRow[] {
  const table = readCsvTable(text, { required: RISK_INDEX_INPUT_COLUMNS }, fileLabel)
  if (table.rows.length === 0) {
    throw new CliInputError(`${fileLabel}: no data rows after the header; expected one row per LSOA`)
  }
  const firstLine = new Map<string, number>()
  return table.rows.map((row) => {
    const lsoa = row.cells.lsoa ?? ''
    if (lsoa === '') throw new CliInputError(`${fileLabel}: line ${row.line}, column lsoa: the LSOA code is empty`)
    const earlier = firstLine.get(lsoa)
    if (earlier !== undefined) {
      throw new CliInputError(
        `${fileLabel}: line ${row.line}, column lsoa: duplicate LSOA ${lsoa} (first on line ${earlier})`
      )
    }
    firstLine.set(lsoa, row.line)
    const values = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, numberCell(row, key, fileLabel)]))
    return { lsoa, ...values } as RiskIndexInputRow
  })
}

/** Parses and validates a JSON weights file (a partial override of the defaults). */
export function parseRiskIndexWeightsJson(text: string, fileLabel = 'weights'): RiskIndexWeights {
  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new CliInputError(`${fileLabel}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    return resolveWeights(parseWeightsOverride(parsed))
  } catch (error) {
    if (error instanceof RiskIndexWeightsError) throw new CliInputError(`${fileLabel}: ${error.message}`)
    throw error
  }
}

/** One output record, keyed by RISK_INDEX_OUTPUT_COLUMNS. */
export function riskIndexOutputRecord(result: RiskIndexResult): Record<string, string | number | null> {
  const record: Record<string, string | number | null> = {
    lsoa: result.lsoa,
    demography: result.demography,
    deprivation: result.deprivation,
    broadband: result.broadband,
    deri: result.deri
  }
  for (const key of INDICATOR_KEYS) record[`s_${key}`] = result.scores[key]
  return record
}

export function formatRiskIndex(results: readonly RiskIndexResult[], format: OutputFormat): string {
  const records = results.map(riskIndexOutputRecord)
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`
  return toCsv(
    RISK_INDEX_OUTPUT_COLUMNS,
    records.map((r) => RISK_INDEX_OUTPUT_COLUMNS.map((c) => r[c]))
  )
}

/** `reach area risk-index --indicators FILE.csv [--weights FILE.json] [--demography-formula …] [--format csv|json]` */
export function registerRiskIndexCommand(area: Command, io: CliIo): Command {
  return area
    .command('risk-index')
    .description(
      'Digital Exclusion Risk Index (GMCA DERI v1.6) for the LSOAs in a CSV file; the rows of the file are the comparison set. ' +
        'Writes component scores, the DERI and the eleven indicator scores (0 to 10) for each row, in input order.'
    )
    .requiredOption('--indicators <file>', `CSV with columns ${RISK_INDEX_INPUT_COLUMNS.join(',')}`)
    .option(
      '--weights <file>',
      'JSON object overriding any default weight (indicator columns, demography, deprivation, broadband), each 0 to 10'
    )
    .addOption(
      new Option(
        '--demography-formula <formula>',
        'demography component: a true weighted mean, or the formula as printed in GMCA v1.4 notes'
      )
        .choices(DEMOGRAPHY_FORMULAS)
        .default('weighted-mean')
    )
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('csv'))
    .action(async (options: RiskIndexCommandOptions) => {
      const rows = parseRiskIndexCsv(await readInput(io, options.indicators, 'indicators file'), options.indicators)
      const weights =
        options.weights === undefined
          ? undefined
          : parseRiskIndexWeightsJson(await readInput(io, options.weights, 'weights file'), options.weights)
      let results: RiskIndexResult[]
      try {
        results = computeRiskIndex(rows, { weights, demographyFormula: options.demographyFormula })
      } catch (error) {
        if (error instanceof RiskIndexError || error instanceof RiskIndexWeightsError)
          throw new CliInputError(error.message)
        throw error
      }
      io.stdout(formatRiskIndex(results, options.format))
    })
}

/** Reads every file of a folder (not sub-folders) as text, for `area import`. */
async function readFolder(dir: string): Promise<AreaSourceFile[]> {
  const { readdir, readFile } = await import('node:fs/promises')
  const { join } = await import('node:path')
  let names: string[]
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
  } catch (error) {
    throw new CliInputError(`cannot read folder ${dir}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return Promise.all(names.sort().map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })))
}

/** Formats the problems of an import plan, one per line: `file:line: message`. */
export function formatImportProblems(plan: AreaImportPlan): string {
  return plan.problems.map((p) => `${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}\n`).join('')
}

/**
 * `reach area import --from DIR`: recognises each file by its header, checks codes and numbers,
 * and loads everything in one transaction with provenance. Any problem: nothing is imported.
 */
export function registerAreaImportCommand(area: Command, io: CliIo): Command {
  return area
    .command('import')
    .description(
      'Import official area files (IoD, Census 2021, ONS population, LSOA lookups and boundaries, postcode lookup) from a folder, in one transaction'
    )
    .requiredOption(
      '--from <dir>',
      'folder holding the files (MANIFEST.csv, if present, gives publisher, licence and row counts)'
    )
    .option('--by <name>', 'who is importing, recorded with each file', process.env.USER)
    .action(async (options: { from: string; by?: string }) => {
      const plan = planAreaImport(await readFolder(options.from))
      for (const f of plan.files) io.stdout(`recognised ${f.name}: ${f.parsed.description}, ${f.parsed.rows} rows\n`)
      for (const name of plan.skipped) io.stdout(`skipped ${name}: not a recognised area file\n`)
      if (plan.problems.length > 0) {
        io.stderr(formatImportProblems(plan))
        throw new CliInputError(`${plan.problems.length} problems found; nothing was imported`)
      }
      if (plan.files.length === 0)
        throw new CliInputError(`no recognised area files in ${options.from}; nothing was imported`)
      const { loadConfig, ConfigError } = await import('../../config.js')
      const { openDatabase } = await import('../../db/open.js')
      const { importAreaFiles } = await import('../../app/area/import-area-files.js')
      let config
      try {
        config = loadConfig()
      } catch (error) {
        if (error instanceof ConfigError) throw new CliInputError(error.message)
        throw error
      }
      const database = await openDatabase(config)
      try {
        const done = await database.db.transaction().execute((trx) =>
          importAreaFiles(trx, plan, {
            importedBy: options.by ?? null,
            onProgress: progressReporter(io, 'area rows')
          })
        )
        io.stdout(`imported ${done.length} files\n`)
      } finally {
        await database.close()
      }
    })
}

/** Registers `reach area …` and its subcommands. */
export function registerAreaCommands(program: Command, io: CliIo): void {
  const area = areaCommand(program)
  registerRiskIndexCommand(area, io)
  registerAreaImportCommand(area, io)
}
