/**
 * Subject access and erasure (UK GDPR articles 15 and 17): everything Reach holds about one patient,
 * as JSON and as a readable page, and its erasure on request. Both are audited. Erasure needs the
 * patient's NHS number typed again, so a slip cannot erase the wrong person; the audit trail keeps
 * its rows (ids only, no personal data), so who saw or changed the record stays answerable.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import {
  deletePatientRecords,
  readPatientRecords,
  type ErasedCounts,
  type PatientRecords
} from '../../db/repositories/patient-records.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export async function readSubjectAccess(
  db: Db,
  actor: Actor,
  patientId: string,
  format: 'page' | 'json'
): Promise<PatientRecords> {
  const records = found(await readPatientRecords(db, actor.orgId, patientId), 'patient')
  await recordAudit(db, {
    ...auditFields(actor),
    action: format === 'json' ? 'export' : 'view',
    entityType: 'patient',
    entityId: patientId,
    patientId,
    detail: { subjectAccess: true, format }
  })
  return records
}

/** Why a record is erased: a fixed list, because the audit trail never holds free text. */
export const ERASURE_REASONS = ['patient-request', 'created-in-error', 'duplicate-record'] as const
export type ErasureReason = (typeof ERASURE_REASONS)[number]

export type EraseResult = { ok: true; erased: ErasedCounts } | { ok: false; problem: 'nhs-number-mismatch' }

export async function erasePatient(
  db: Db,
  actor: Actor,
  patientId: string,
  confirmation: { nhsNumber: string; reason: ErasureReason }
): Promise<EraseResult> {
  const records = found(await readPatientRecords(db, actor.orgId, patientId), 'patient')
  if (confirmation.nhsNumber.replace(/\s/g, '') !== records.patient.nhs_number.trim())
    return { ok: false, problem: 'nhs-number-mismatch' }
  const erased = await deletePatientRecords(db, actor.orgId, patientId)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'erase',
    entityType: 'patient',
    entityId: patientId,
    patientId,
    detail: { reason: confirmation.reason, ...erased }
  })
  return { ok: true, erased }
}
