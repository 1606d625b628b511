/** Opening a patient's record (audited as a view); NotFoundError for another organisation's or a missing patient. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import {
  latestScreenings,
  listInvites,
  type ScreeningInviteRow,
  type ScreeningRow
} from '../../db/repositories/screenings.js'
import { listPatientReferrals, type ReferralListRow } from '../../db/repositories/referrals.js'
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

export interface PatientRecordView {
  patient: Patient
  latest: ScreeningRow | undefined
  /** Referrals, newest first. */
  referrals: ReferralListRow[]
  /** Self-completion links not used yet and not expired. */
  pendingInvites: ScreeningInviteRow[]
}

/** The record page: the patient, their newest screening, their referrals and any link waiting to be used. */
export async function viewPatientRecord(
  db: Db,
  actor: Actor,
  patientId: string,
  now: Date = new Date()
): Promise<PatientRecordView> {
  const patient = await openPatient(db, actor, patientId)
  const latest = (await latestScreenings(db, actor.orgId, [patient.id])).get(patient.id)
  const referrals = await listPatientReferrals(db, actor.orgId, patient.id)
  const pendingInvites = (await listInvites(db, actor.orgId, patient.id)).filter(
    (i) => i.used_at === null && i.expires_at > now
  )
  return { patient, latest, referrals, pendingInvites }
}
