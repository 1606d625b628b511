/**
 * Imports services from Open Referral UK JSON (or the shared Reach directory file), by id: new ones
 * are added, known ones replaced. The input is checked whole first; any problem refuses the lot
 * (DirectoryImportError lists every one by record index and field) and nothing is written. The
 * caller owns the transaction, so an import is all or nothing. A dry run checks and writes nothing.
 *
 * The directory is shared by every organisation, and the command line has no organisation to
 * audit under, so an import writes no audit row (as before this use case existed).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordServiceChanges, upsertServices } from '../../db/repositories/directory.js'
import { parseDirectoryImport, type ImportProblem } from '../../domain/directory/oruk.js'
import { MAX_IMPORT_DEPTH, jsonDepthExceeds } from '../../domain/shared/json-depth.js'

type Db = Kysely<Database> | Transaction<Database>

export class DirectoryImportError extends Error {
  readonly statusCode = 400
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} problem(s) in the directory file`)
    this.name = 'DirectoryImportError'
  }
}

export interface DirectoryImported {
  services: number
  added: number
  updated: number
  dryRun: boolean
}

/** `input` is the parsed JSON (an array of ORUK services, or the shared file's object). */
export async function importDirectory(
  db: Db,
  input: unknown,
  options: { dryRun: boolean }
): Promise<DirectoryImported> {
  if (jsonDepthExceeds(input))
    throw new DirectoryImportError([
      {
        index: 0,
        field: '(file)',
        message: `nests deeper than ${MAX_IMPORT_DEPTH} levels; no Open Referral UK file does`
      }
    ])
  const result = parseDirectoryImport(input)
  if (result.problems.length) throw new DirectoryImportError(result.problems)
  if (options.dryRun) return { services: result.services.length, added: 0, updated: 0, dryRun: true }
  const counts = await upsertServices(db, result.services)
  // the command line has no organisation: the services' change history says "imported"
  await recordServiceChanges(
    db,
    result.services.map((s) => ({ serviceId: s.id, orgId: null, change: 'imported' as const }))
  )
  return { services: result.services.length, ...counts, dryRun: false }
}
