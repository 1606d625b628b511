/** Runs a planned area import: every file in the caller's one transaction, with provenance. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema.js'
import type { AreaImportPlan } from '../../domain/area/import/plan.js'
import { loadAreaFile, loadSize } from './area.js'

type Db = Kysely<Database> | Transaction<Database>

export interface AreaImportSummary {
  file: string
  kind: string
  rows: number
  importId: string
}

/** Loads every file of a plan that has no problems. Throws if the plan has problems. */
export async function runAreaImport(
  trx: Db,
  plan: AreaImportPlan,
  importedBy: string | null,
  onProgress?: (done: number, total: number) => void,
  isSynthetic = false
): Promise<AreaImportSummary[]> {
  if (plan.problems.length > 0) throw new Error(`the import has ${plan.problems.length} problems; nothing was imported`)
  const total = plan.files.reduce((sum, f) => sum + loadSize(f.parsed), 0)
  let before = 0
  const out: AreaImportSummary[] = []
  for (const f of plan.files) {
    const importId = await loadAreaFile(
      trx,
      f.parsed,
      { fileName: f.name, publisher: f.publisher, licence: f.licence, sha256: f.sha256, importedBy, isSynthetic },
      (done) => onProgress?.(before + done, total)
    )
    before += loadSize(f.parsed)
    onProgress?.(before, total)
    out.push({ file: f.name, kind: f.parsed.kind, rows: f.parsed.rows, importId })
  }
  return out
}
