/**
 * Work to do for a care team: how many of each kind wait (home page counts, no patient shown, so not
 * audited), and the patients behind one count (each patient shown gets a 'view' audit row).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { patientRowToPatient, type Patient } from '../../db/repositories/patients.js'
import { countWork, listWork, type Worklist } from '../../db/repositories/worklists.js'
import { auditShown } from '../audit-shown.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export async function countWorkToDo(db: Db, actor: Actor, now: Date): Promise<Record<Worklist, number>> {
  return countWork(db, actor.orgId, now)
}

export interface WorkItem {
  patient: Patient
  entityType: string
  entityId: string
  on: Date
  detail: string
}

export async function viewWorklist(db: Db, actor: Actor, list: Worklist, now: Date): Promise<WorkItem[]> {
  const rows = await listWork(db, actor.orgId, list, now)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'search',
    entityType: 'patient',
    detail: { list, results: rows.length }
  })
  await auditShown(
    db,
    actor,
    rows.map((r) => ({ entityType: r.entityType, entityId: r.entityId, patientId: r.patient.id })),
    list
  )
  return rows.map((r) => ({ ...r, patient: patientRowToPatient(r.patient) }))
}
