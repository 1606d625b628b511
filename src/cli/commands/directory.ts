/**
 * `reach directory import --file F.json [--dry-run]` and `reach directory export [--file F.json]`:
 * the support directory in Open Referral UK JSON. An import is checked whole first; any problem
 * is reported by record index and field, and nothing is written (one transaction, all or nothing).
 */
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { CliInputError, type CliIo } from '../io.js'
import { DirectoryImportError, importDirectory as importServices } from '../../app/directory/import-directory.js'
import { exportDirectory as exportServices } from '../../app/directory/export-directory.js'
import { assertUtf8Text } from '../text-encoding.js'

/** Imports ORUK JSON text; throws CliInputError listing every problem. Returns a one-line summary. */
export async function importDirectory(db: Kysely<Database>, json: string, dryRun: boolean): Promise<string> {
  let input: unknown
  try {
    input = JSON.parse(json)
  } catch (error) {
    throw new CliInputError(`the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    const result = await db.transaction().execute((trx) => importServices(trx, input, { dryRun }))
    if (result.dryRun) return `dry run: ${result.services} services are valid; nothing written`
    return `imported ${result.services} services (${result.added} added, ${result.updated} updated)`
  } catch (error) {
    if (!(error instanceof DirectoryImportError)) throw error
    throw new CliInputError(
      `nothing imported; ${error.problems.length} problem(s):\n${error.problems.map((p) => `  record ${p.index}, ${p.field}: ${p.message}`).join('\n')}`
    )
  }
}

/** Every service (retired ones too) as a JSON array of ORUK service objects. */
export async function exportDirectory(db: Kysely<Database>): Promise<string> {
  return `${JSON.stringify(await exportServices(db), null, 2)}\n`
}

export function registerDirectoryCommands(program: Command, io: CliIo): void {
  const directory = program.command('directory').description('the support directory, in Open Referral UK JSON')
  const open = async () => {
    const { loadConfig } = await import('../../config.js')
    const { openDatabase } = await import('../../db/open.js')
    return openDatabase(loadConfig())
  }
  directory
    .command('import')
    .description('import services from Open Referral UK JSON (or the shared Reach directory file)')
    .requiredOption('--file <path>', 'the JSON file')
    .option('--dry-run', 'check the file and report problems without writing')
    .action(async (options: { file: string; dryRun?: boolean }) => {
      let text: string
      try {
        text = await io.readFile(options.file)
      } catch (error) {
        throw new CliInputError(
          `cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`
        )
      }
      assertUtf8Text(text, options.file)
      const database = await open()
      try {
        io.stdout(`${await importDirectory(database.db, text, Boolean(options.dryRun))}\n`)
      } finally {
        await database.close()
      }
    })
  directory
    .command('export')
    .description('print every service as Open Referral UK JSON')
    .option('--file <path>', 'write to this file instead of standard output')
    .action(async (options: { file?: string }) => {
      const database = await open()
      try {
        const json = await exportDirectory(database.db)
        if (options.file) await writeFile(options.file, json)
        else io.stdout(json)
      } finally {
        await database.close()
      }
    })
}
