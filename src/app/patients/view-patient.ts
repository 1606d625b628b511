/** Opening a patient's record (audited as a view); NotFoundError for another organisation's or a missing patient. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import { latestScreenings, type ScreeningRow } from '../../db/repositories/screenings.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** The patient, audited as a view of `page` (the record itself when absent). */
export async function openPatient(db: Db, actor: Actor, patientId: string, page?: string): Promise<Patient> {
  const patient = found(await findPatient(db, actor.orgId, patientId), 'patient')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'patient',
    entityId: patient.id,
    patientId: patient.id,
    ...(page ? { detail: { page } } : {})
  })
  return patient
}

/** The record page: the patient and their newest screening. */
export async function viewPatientRecord(
  db: Db,
  actor: Actor,
  patientId: string
): Promise<{ patient: Patient; latest: ScreeningRow | undefined }> {
  const patient = await openPatient(db, actor, patientId)
  const latest = (await latestScreenings(db, actor.orgId, [patient.id])).get(patient.id)
  return { patient, latest }
}
