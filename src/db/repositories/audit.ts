import { sql, type Kysely, type Transaction } from 'kysely'
import type { AuditEventRow, Database } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export type AuditAction =
  | 'view'
  | 'search'
  | 'create'
  | 'update'
  | 'export'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'account_locked'
  | 'erase'
  | 'delete'

export interface AuditEntry {
  orgId: string
  actorUserId: string | null
  actorRole: string | null
  action: AuditAction
  entityType: string
  entityId?: string | null
  patientId?: string | null
  ip?: string | null
  userAgent?: string | null
  /** Ids and counts only: never names, NHS numbers, dates of birth or free text. */
  detail?: Record<string, string | number | boolean | null>
}

/** Appends one row to the audit trail. Call it inside the transaction of the work it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry])
}

/** Appends several rows at once (one per patient shown in a list, say), in the caller's transaction. */
export async function recordAudits(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db
    .insertInto('audit_event')
    .values(
      entries.map((entry) => ({
        org_id: entry.orgId,
        actor_user_id: entry.actorUserId,
        actor_role: entry.actorRole,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId ?? null,
        patient_id: entry.patientId ?? null,
        ip: entry.ip ?? null,
        user_agent: entry.userAgent?.slice(0, 300) ?? null,
        detail: entry.detail ?? {}
      }))
    )
    .execute()
}

export interface AuditQuery {
  from?: string | undefined
  to?: string | undefined
  patientId?: string | undefined
  action?: string | undefined
  limit?: number
  offset?: number
}

export type AuditListRow = AuditEventRow & { actor_name: string | null }

export async function listAudit(db: Db, orgId: string, query: AuditQuery): Promise<AuditListRow[]> {
  let q = db
    .selectFrom('audit_event')
    .leftJoin('staff_user', (join) =>
      join
        .onRef('staff_user.org_id', '=', 'audit_event.org_id')
        .onRef('staff_user.id', '=', 'audit_event.actor_user_id')
    )
    .selectAll('audit_event')
    .select('staff_user.display_name as actor_name')
    .where('audit_event.org_id', '=', orgId)
  if (query.from) q = q.where('audit_event.occurred_at', '>=', sql<Date>`${query.from}::date`)
  if (query.to) q = q.where('audit_event.occurred_at', '<', sql<Date>`${query.to}::date + 1`)
  if (query.patientId) q = q.where('audit_event.patient_id', '=', query.patientId)
  if (query.action) q = q.where('audit_event.action', '=', query.action)
  return q
    .orderBy('audit_event.occurred_at', 'desc')
    .orderBy('audit_event.id', 'desc')
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .execute()
}
