/**
 * Adding a patient and changing their details. The NHS number is unique within an organisation:
 * a clash is a typed result (the form shows it on the NHS number field), not an exception.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, NewPatient } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, findPatientByNhsNumber, insertPatient, updatePatient } from '../../db/repositories/patients.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** The patient's details as the record stores them (everything but the organisation). */
export type PatientDetails = Omit<NewPatient, 'org_id'>

export type SavePatientResult = { ok: true; patientId: string } | { ok: false; problem: 'nhs-number-taken' }

export async function registerPatient(db: Db, actor: Actor, details: PatientDetails): Promise<SavePatientResult> {
  if (await findPatientByNhsNumber(db, actor.orgId, details.nhs_number))
    return { ok: false, problem: 'nhs-number-taken' }
  const patient = await insertPatient(db, { ...details, org_id: actor.orgId })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'patient',
    entityId: patient.id,
    patientId: patient.id
  })
  return { ok: true, patientId: patient.id }
}

export async function changePatientDetails(
  db: Db,
  actor: Actor,
  patientId: string,
  details: PatientDetails
): Promise<SavePatientResult> {
  const existing = found(await findPatient(db, actor.orgId, patientId), 'patient')
  const clash = await findPatientByNhsNumber(db, actor.orgId, details.nhs_number)
  if (clash && clash.id !== existing.id) return { ok: false, problem: 'nhs-number-taken' }
  await updatePatient(db, actor.orgId, existing.id, details)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'patient',
    entityId: existing.id,
    patientId: existing.id
  })
  return { ok: true, patientId: existing.id }
}
