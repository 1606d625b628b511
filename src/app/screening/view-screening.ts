/**
 * Reading screenings, each read audited in the same transaction: the patient behind a screening page
 * (form, paper form), the history list, one screening (result, handout) and the FHIR exports.
 * `NotFoundError` when the patient or screening is not in the actor's organisation.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import {
  findScreening,
  latestScreenings,
  listScreenings,
  storedAnswers,
  type ScreeningRow
} from '../../db/repositories/screenings.js'
import type { AnswerInput } from '../../domain/screening/answers.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** The patient a screening page is about (audited as a view of the patient, with the page). */
export async function viewPatientForScreening(
  db: Db,
  actor: Actor,
  input: { patientId: string; page: string }
): Promise<Patient> {
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'patient',
    entityId: patient.id,
    patientId: patient.id,
    detail: { page: input.page }
  })
  return patient
}

/** The clinician form: the patient (audited as a view) and the answers of their newest screening, to pre-fill. */
export async function openScreeningForm(
  db: Db,
  actor: Actor,
  input: { patientId: string }
): Promise<{ patient: Patient; lastAnswers: AnswerInput | null; lastScreenedAt: Date | null }> {
  const patient = await viewPatientForScreening(db, actor, { patientId: input.patientId, page: 'screening-form' })
  const last = (await latestScreenings(db, actor.orgId, [patient.id])).get(patient.id)
  return { patient, lastAnswers: last ? storedAnswers(last) : null, lastScreenedAt: last?.screened_at ?? null }
}

/** A patient's screenings, newest first. */
export async function viewScreeningHistory(
  db: Db,
  actor: Actor,
  input: { patientId: string }
): Promise<{ patient: Patient; rows: ScreeningRow[] }> {
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'screening',
    patientId: patient.id,
    detail: { page: 'history' }
  })
  return { patient, rows: await listScreenings(db, actor.orgId, patient.id) }
}

async function patientScreening(db: Db, actor: Actor, patientId: string, screeningId: string) {
  const patient = found(await findPatient(db, actor.orgId, patientId), 'patient')
  const row = found(await findScreening(db, actor.orgId, patient.id, screeningId), 'screening')
  return { patient, row }
}

/** One screening of a patient, for a page (`result`, `handout`). */
export async function viewScreening(
  db: Db,
  actor: Actor,
  input: { patientId: string; screeningId: string; page: string }
): Promise<{ patient: Patient; row: ScreeningRow }> {
  const shown = await patientScreening(db, actor, input.patientId, input.screeningId)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'screening',
    entityId: shown.row.id,
    patientId: shown.patient.id,
    detail: { page: input.page }
  })
  return shown
}

/** One screening, exported (FHIR QuestionnaireResponse). */
export async function exportScreening(
  db: Db,
  actor: Actor,
  input: { patientId: string; screeningId: string; format: string }
): Promise<{ patient: Patient; row: ScreeningRow }> {
  const exported = await patientScreening(db, actor, input.patientId, input.screeningId)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'export',
    entityType: 'screening',
    entityId: exported.row.id,
    patientId: exported.patient.id,
    detail: { format: input.format }
  })
  return exported
}

/** Every screening of a patient, exported (FHIR search Bundle). */
export async function exportScreeningHistory(
  db: Db,
  actor: Actor,
  input: { patientId: string; format: string }
): Promise<{ patient: Patient; rows: ScreeningRow[] }> {
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  const rows = await listScreenings(db, actor.orgId, patient.id)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'export',
    entityType: 'screening',
    patientId: patient.id,
    detail: { format: input.format, count: rows.length }
  })
  return { patient, rows }
}
