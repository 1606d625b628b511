/**
 * Referrals whose follow-up date has passed with no outcome, by team. Viewing is audited with the
 * count, and with a 'view' row for every patient the list showed (security finding 18).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { auditShown } from '../audit-shown.js'
import { overdueFollowUps, type OverdueRow } from '../../db/repositories/referrals.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export async function listOverdueFollowUps(
  db: Db,
  actor: Actor,
  input: { today?: string } = {}
): Promise<OverdueRow[]> {
  const rows = await overdueFollowUps(db, actor.orgId, input.today ?? new Date().toISOString().slice(0, 10))
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'referral',
    detail: { page: 'follow-ups', results: rows.length }
  })
  await auditShown(
    db,
    actor,
    rows.map((r) => ({ entityType: 'referral', entityId: r.id, patientId: r.patient_id })),
    'follow-ups'
  )
  return rows
}
