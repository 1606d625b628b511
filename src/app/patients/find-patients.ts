/**
 * Finding patients: the search (by NHS number, or by name and date of birth) and the list of
 * patients due for re-screening. Both are audited as searches with what was shown.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit, recordAudits } from '../../db/repositories/audit.js'
import {
  patientRowToPatient,
  searchPatients,
  type Patient,
  type PatientSearch
} from '../../db/repositories/patients.js'
import { latestScreenings, patientsDueForRescreen, type ScreeningRow } from '../../db/repositories/screenings.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export interface FoundPatients {
  patients: Patient[]
  /** The newest screening of each patient found (absent when never screened). */
  latest: Map<string, ScreeningRow>
}

export async function findPatients(db: Db, actor: Actor, search: PatientSearch): Promise<FoundPatients> {
  const patients = await searchPatients(db, actor.orgId, search)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'search',
    entityType: 'patient',
    detail: { by: search.by, results: patients.length }
  })
  await auditShown(db, actor, patients, 'search-results')
  const latest = await latestScreenings(
    db,
    actor.orgId,
    patients.map((p) => p.id)
  )
  return { patients, latest }
}

export interface DueForScreening {
  patient: Patient
  lastScreenedAt: Date
  dueOn: string | null
  status: string
}

/** Patients whose latest screening is due again (or was left partial), most overdue first. */
export async function listDueForRescreen(db: Db, actor: Actor, today: string): Promise<DueForScreening[]> {
  const due = (await patientsDueForRescreen(db, actor.orgId, today)).map((r) => ({
    patient: patientRowToPatient(r),
    lastScreenedAt: r.last_screened_at,
    dueOn: r.due_on,
    status: r.last_status
  }))
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'search',
    entityType: 'patient',
    detail: { list: 'rescreen-due', results: due.length }
  })
  await auditShown(
    db,
    actor,
    due.map((d) => d.patient),
    'rescreen-due'
  )
  return due
}

/**
 * One 'view' row for every patient a list showed (security finding 18): a patient's audit trail then
 * says who saw them in search results and worklists, not only who opened their record.
 */
async function auditShown(db: Db, actor: Actor, patients: readonly Patient[], list: string): Promise<void> {
  await recordAudits(
    db,
    patients.map((p) => ({
      ...auditFields(actor),
      action: 'view' as const,
      entityType: 'patient',
      entityId: p.id,
      patientId: p.id,
      detail: { list }
    }))
  )
}
