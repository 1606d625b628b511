/** One referral with its patient, service, history (status changes, outcomes, notes), outcomes and queued letter or email. Viewing is audited. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import { findService } from '../../db/repositories/directory.js'
import {
  findReferral,
  outboxForReferral,
  referralEvents,
  referralOutcomeValues,
  type ReferralRow
} from '../../db/repositories/referrals.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import type { Outcome } from '../../domain/referrals/status-lifecycle.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ReferralDetails {
  referral: ReferralRow
  patient: Patient | undefined
  service: DirectoryService | undefined
  /** Status changes, outcomes and notes, oldest first. */
  events: Awaited<ReturnType<typeof referralEvents>>
  /** The outcomes recorded, first first. */
  outcomes: Outcome[]
  outbox: Awaited<ReturnType<typeof outboxForReferral>>
}

/** Throws NotFoundError when the referral is not in the actor's organisation. */
export async function viewReferral(db: Db, actor: Actor, input: { referralId: string }): Promise<ReferralDetails> {
  const referral = found(await findReferral(db, actor.orgId, input.referralId), 'referral')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'referral',
    entityId: referral.id,
    patientId: referral.patient_id
  })
  return {
    referral,
    patient: await findPatient(db, actor.orgId, referral.patient_id),
    service: await findService(db, referral.service_id),
    events: await referralEvents(db, actor.orgId, referral.id),
    outcomes: await referralOutcomeValues(db, actor.orgId, referral),
    outbox: await outboxForReferral(db, actor.orgId, referral.id)
  }
}
