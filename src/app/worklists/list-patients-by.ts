/**
 * Patients by barrier, readiness or need (for example everyone needing an interpreter), on screen or as
 * CSV. Both are audited: one 'search' (or 'export') row with the filter and count, and a 'view' row for
 * every patient listed.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { patientRowToPatient, type Patient } from '../../db/repositories/patients.js'
import { listPatientsBy, type PatientListFilter } from '../../db/repositories/worklists.js'
import { auditShown } from '../audit-shown.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ListedPatient {
  patient: Patient
  screeningId: string | null
  screenedAt: Date | null
  readiness: string | null
}

export async function listPatientsByNeed(
  db: Db,
  actor: Actor,
  input: { filter: PatientListFilter; format: 'page' | 'csv' }
): Promise<ListedPatient[]> {
  const rows = await listPatientsBy(db, actor.orgId, input.filter)
  const filter = Object.entries(input.filter)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  await recordAudit(db, {
    ...auditFields(actor),
    action: input.format === 'csv' ? 'export' : 'search',
    entityType: 'patient',
    detail: { list: 'patients-by', filter, results: rows.length, format: input.format }
  })
  await auditShown(
    db,
    actor,
    rows.map((r) => ({ entityType: 'patient', entityId: r.patient.id, patientId: r.patient.id })),
    'patients-by'
  )
  return rows.map((r) => ({ ...r, patient: patientRowToPatient(r.patient) }))
}
