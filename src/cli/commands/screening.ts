/**
 * `reach screening import --org CODE --file FILE.csv [--dry-run]`: bulk import of screenings (mode 'import').
 * All or nothing: every line is checked first; any problem is printed with its line number and nothing is
 * stored. The import runs in one transaction scoped to the organisation; each screening is stored by the
 * same use case as every other entry point (`recordScreening`, audited as the operator), with the
 * configured re-screen interval.
 */
import type { Command } from 'commander'
import type { Kysely } from 'kysely'
import { CliInputError, type CliIo } from '../io.js'
import type { Database } from '../../db/schema.js'
import type { ReachDatabase } from '../../db/connect.js'
import type { ScreeningSettings } from '../../app/screening/record-screening.js'
import { parseScreeningCsv } from '../../domain/screening/csv-import.js'
import { assertUtf8Text } from '../text-encoding.js'

export interface ImportResult {
  imported: number
  /** Lines whose screening (same patient, same time, imported) is already stored: skipped, so a re-run adds nothing. */
  alreadyImported: number
  problems: { line: number; column: string; message: string }[]
}

/** Checks and (unless dry run) stores the screenings of a CSV for one organisation. */
export async function importScreeningCsv(
  database: ReachDatabase,
  orgCode: string,
  text: string,
  options: { dryRun: boolean; today?: string },
  settings: ScreeningSettings
): Promise<ImportResult> {
  const { withOrg } = await import('../../db/connect.js')
  const { recordScreening } = await import('../../app/screening/record-screening.js')
  const { operatorActor } = await import('../../app/actor.js')
  const { found } = await import('../../app/errors.js')
  const db: Kysely<Database> = database.db
  const org = await db.selectFrom('organisation').select(['id']).where('code', '=', orgCode).executeTakeFirst()
  if (!org) throw new CliInputError(`no organisation with code ${orgCode}`)
  const { rows, problems } = parseScreeningCsv(text, options.today ?? new Date().toISOString().slice(0, 10))
  const patients = new Map<string, string>()
  if (rows.length) {
    const found = await db
      .selectFrom('patient')
      .select(['id', 'nhs_number'])
      .where('org_id', '=', org.id)
      .where('nhs_number', 'in', [...new Set(rows.map((r) => r.nhsNumber))])
      .execute()
    for (const p of found) patients.set(p.nhs_number.trim(), p.id)
  }
  for (const r of rows)
    if (!patients.has(r.nhsNumber))
      problems.push({ line: r.line, column: 'nhs_number', message: `no patient with this NHS number in ${orgCode}` })
  problems.sort((a, b) => a.line - b.line)
  if (problems.length || options.dryRun) return { imported: 0, alreadyImported: 0, problems }
  const actor = operatorActor(org.id)
  const screenedAt = (r: { screenedAt: string }) =>
    new Date(r.screenedAt.length === 10 ? `${r.screenedAt}T12:00:00Z` : r.screenedAt)
  let alreadyImported = 0
  await withOrg(database, org.id, async (trx) => {
    const existing = await trx
      .selectFrom('screening')
      .select(['patient_id', 'screened_at'])
      .where('org_id', '=', org.id)
      .where('mode', '=', 'import')
      .where('patient_id', 'in', [...new Set(patients.values())])
      .execute()
    const seen = new Set(existing.map((e) => `${e.patient_id} ${new Date(e.screened_at).toISOString()}`))
    for (const r of rows) {
      const key = `${patients.get(r.nhsNumber)} ${screenedAt(r).toISOString()}`
      if (seen.has(key)) {
        alreadyImported++
        continue
      }
      seen.add(key)
      const result = await recordScreening(
        trx,
        actor,
        {
          patient: { id: found(patients.get(r.nhsNumber), 'patient') },
          mode: 'import',
          language: 'en',
          answers: r.answers,
          screenedAt: screenedAt(r),
          source: { format: 'csv' }
        },
        settings
      )
      // parseScreeningCsv has checked every line against the Questionnaire already
      if (!result.ok) throw new Error(`line ${r.line}: answers do not fit the questionnaire`)
    }
  })
  return { imported: rows.length - alreadyImported, alreadyImported, problems: [] }
}

export function registerScreeningCommands(program: Command, io: CliIo): void {
  const screening = program.command('screening').description('digital inclusion screenings')
  screening
    .command('import')
    .description(
      'import screenings from CSV: columns nhs_number,screened_at,<linkId>...; multi-select answers separated by ";"'
    )
    .requiredOption('--org <code>', 'organisation code')
    .requiredOption('--file <path>', 'CSV file')
    .option('--dry-run', 'check every line and report, store nothing')
    .action(async (options: { org: string; file: string; dryRun?: boolean }) => {
      const text = await io.readFile(options.file)
      assertUtf8Text(text, options.file)
      const { loadConfig } = await import('../../config.js')
      const { openDatabase } = await import('../../db/open.js')
      const config = loadConfig()
      const database = await openDatabase(config)
      try {
        const result = await importScreeningCsv(
          database,
          options.org,
          text,
          { dryRun: options.dryRun ?? false },
          config
        )
        if (result.problems.length) {
          for (const p of result.problems)
            io.stderr(`line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}\n`)
          throw new CliInputError(`${result.problems.length} problem(s): nothing imported`, 1)
        }
        io.stdout(
          options.dryRun
            ? 'dry run: every line is valid, nothing stored\n'
            : `imported ${result.imported} screenings${result.alreadyImported ? ` (${result.alreadyImported} already imported, skipped)` : ''}\n`
        )
      } finally {
        await database.close()
      }
    })
}
