/** One referral with its patient, service, history and queued letter or email. Viewing is audited. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import { findService } from '../../db/repositories/directory.js'
import { findReferral, outboxForReferral, referralEvents, type ReferralRow } from '../../db/repositories/referrals.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ReferralDetails {
  referral: ReferralRow
  patient: Patient | undefined
  service: DirectoryService | undefined
  events: Awaited<ReturnType<typeof referralEvents>>
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
    outbox: await outboxForReferral(db, actor.orgId, referral.id)
  }
}
