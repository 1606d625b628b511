/** Reading the audit trail (admins): a page of it, and the CSV export, which is itself audited. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { listAudit, recordAudit, type AuditListRow, type AuditQuery } from '../../db/repositories/audit.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export type AuditFilter = Pick<AuditQuery, 'from' | 'to' | 'action'>

export const AUDIT_EXPORT_LIMIT = 100_000

export async function readAuditPage(
  db: Db,
  actor: Actor,
  filter: AuditFilter,
  page: { limit: number; offset: number }
): Promise<AuditListRow[]> {
  return listAudit(db, actor.orgId, { ...filter, ...page })
}

export async function exportAuditTrail(db: Db, actor: Actor, filter: AuditFilter): Promise<AuditListRow[]> {
  const rows = await listAudit(db, actor.orgId, { ...filter, limit: AUDIT_EXPORT_LIMIT })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'export',
    entityType: 'audit_event',
    detail: { rows: rows.length }
  })
  return rows
}
