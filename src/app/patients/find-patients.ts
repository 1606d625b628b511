/**
 * Finding patients: the search (by NHS number, or by name and date of birth) and the list of
 * patients due for re-screening. Both are audited as searches with what was shown.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { auditShown } from '../audit-shown.js'
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
  await auditShown(db, actor, patients.map(shownPatient), 'search-results')
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
    due.map((d) => shownPatient(d.patient)),
    'rescreen-due'
  )
  return due
}

const shownPatient = (p: Patient) => ({ entityType: 'patient', entityId: p.id, patientId: p.id })
