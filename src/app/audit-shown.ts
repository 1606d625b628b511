/**
 * One 'view' row for every patient a list showed (security finding 18): a patient's audit trail then
 * says who saw them in search results and worklists, not only who opened their record.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import { recordAudits } from '../db/repositories/audit.js'
import { auditFields, type Actor } from './actor.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ShownRecord {
  entityType: string
  entityId: string
  patientId: string
}

export async function auditShown(db: Db, actor: Actor, shown: readonly ShownRecord[], list: string): Promise<void> {
  await recordAudits(
    db,
    shown.map((s) => ({ ...auditFields(actor), action: 'view' as const, ...s, detail: { list } }))
  )
}
