/**
 * A member of staff has reviewed a screening the patient completed on their own: it leaves the
 * "self-completions arrived" worklist. Audited as an update of the screening.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient } from '../../db/repositories/patients.js'
import { findScreening } from '../../db/repositories/screenings.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export async function markScreeningReviewed(
  db: Db,
  actor: Actor,
  input: { patientId: string; screeningId: string }
): Promise<{ reviewed: boolean }> {
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  const row = found(await findScreening(db, actor.orgId, patient.id, input.screeningId), 'screening')
  if (row.reviewed_at !== null) return { reviewed: false }
  await db
    .updateTable('screening')
    .set({ reviewed_at: sql<Date>`now()`, reviewed_by: actor.userId })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', row.id)
    .where('reviewed_at', 'is', null)
    .execute()
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'screening',
    entityId: row.id,
    patientId: patient.id,
    detail: { change: 'reviewed' }
  })
  return { reviewed: true }
}
