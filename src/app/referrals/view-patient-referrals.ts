/**
 * The patient's referral page: their suggested services (with reasons) and the referrals made so
 * far. Viewing is audited ('view', page 'referrals').
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { listPatientReferrals, type ReferralListRow } from '../../db/repositories/referrals.js'
import { auditFields, type Actor } from '../actor.js'
import { suggestServices, type PatientSuggestions } from './suggest-services.js'

type Db = Kysely<Database> | Transaction<Database>

export interface PatientReferrals extends PatientSuggestions {
  referrals: ReferralListRow[]
}

/** Throws NotFoundError when the patient is not in the actor's organisation. */
export async function viewPatientReferrals(
  db: Db,
  actor: Actor,
  input: { patientId: string; today?: string }
): Promise<PatientReferrals> {
  const suggested = await suggestServices(db, actor, input)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'referral',
    patientId: suggested.patient.id,
    detail: { page: 'referrals' }
  })
  return { ...suggested, referrals: await listPatientReferrals(db, actor.orgId, suggested.patient.id) }
}
