/** The organisation's quality improvement projects, by name (read-only; the measures pages' project lists). */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { listProjects as listProjectRows, type QiProjectRow } from '../../db/repositories/projects.js'
import type { Actor } from '../actor.js'

export async function listProjects(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor
): Promise<QiProjectRow[]> {
  return listProjectRows(db, actor.orgId)
}
