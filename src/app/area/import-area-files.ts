/**
 * Imports official area files (reference data shared by every organisation): every file of a
 * plan in the caller's one transaction, with provenance. A plan with any problem imports
 * nothing. Entry points: `reach area import` (and the tests that load the shared open data).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { loadAreaFiles, type AreaImportSummary } from '../../db/repositories/area.js'
import type { AreaImportPlan } from '../../domain/area/import/plan.js'

export type { AreaImportSummary }

export interface AreaImportOptions {
  /** Who imported the files, recorded with each one. */
  importedBy: string | null
  onProgress?: (done: number, total: number) => void
  isSynthetic?: boolean
}

export class AreaImportProblemsError extends Error {
  constructor(readonly problems: number) {
    super(`the import has ${problems} problems; nothing was imported`)
    this.name = 'AreaImportProblemsError'
  }
}

export async function importAreaFiles(
  db: Kysely<Database> | Transaction<Database>,
  plan: AreaImportPlan,
  options: AreaImportOptions
): Promise<AreaImportSummary[]> {
  if (plan.problems.length > 0) throw new AreaImportProblemsError(plan.problems.length)
  return loadAreaFiles(db, plan.files, options.importedBy, options.onProgress, options.isSynthetic ?? false)
}
