/**
 * Staff confirm what a screening says about the patient's language, interpreter need and Accessible
 * Information Standard needs, and the record is updated to match (domain/screening/record-updates.ts).
 * Only what the screening adds is applied; conflicts stay for staff to resolve on the record form.
 * The differences are worked out again here, from the stored answers and the record as it is now, so a
 * stale page cannot write an old value. One 'update' audit row names the fields changed (not their values).
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, updatePatient } from '../../db/repositories/patients.js'
import { findScreening, storedAssessment } from '../../db/repositories/screenings.js'
import { recordDifferences, type RecordUpdate } from '../../domain/screening/record-updates.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export async function applyScreeningToRecord(
  db: Db,
  actor: Actor,
  input: { patientId: string; screeningId: string }
): Promise<{ applied: RecordUpdate[] }> {
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  const row = found(await findScreening(db, actor.orgId, patient.id, input.screeningId), 'screening')
  const { updates } = recordDifferences(storedAssessment(row).answers, patient)
  if (updates.length === 0) return { applied: [] }
  const changes: {
    main_language?: string
    interpreter_needed?: boolean
    communication_needs?: string[]
    contact_preferences?: string[]
  } = {}
  for (const u of updates) {
    if (u.field === 'mainLanguage') changes.main_language = u.to
    else if (u.field === 'interpreterNeeded') changes.interpreter_needed = u.to
    else if (u.field === 'contactPreferences') changes.contact_preferences = u.to
    else changes.communication_needs = u.to
  }
  await updatePatient(db, actor.orgId, patient.id, changes)
  // Resolving the differences is a review of the screening: it leaves the "arrived" worklist.
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
    entityType: 'patient',
    entityId: patient.id,
    patientId: patient.id,
    detail: { from: 'screening', screeningId: row.id, fields: updates.map((u) => u.field).join(',') }
  })
  return { applied: updates }
}
