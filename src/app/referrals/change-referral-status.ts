/**
 * One step of a referral's lifecycle (domain/referrals/status-lifecycle.ts), by a member of staff or
 * by the receiving service through its partner link. The update is optimistic: it applies only
 * while the referral still has the status the step was decided from. When it touched no row,
 * someone else changed the referral first: ConflictError, and no event or audit row is written.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findReferral, insertReferralEvent, updateReferralStatus } from '../../db/repositories/referrals.js'
import {
  STATUS_TIMESTAMP,
  transition,
  type Outcome,
  type Status,
  type Step
} from '../../domain/referrals/status-lifecycle.js'
import { ConflictError, found } from '../errors.js'
import { StepRefusedError } from './errors.js'
import { referralAuditFields, type ReferralActor } from './partner-actor.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ChangeReferralStatusInput {
  referralId: string
  step: Step
  /**
   * The status the person saw when they chose the step (the form's `version`). When given and no
   * longer current, the change is a conflict. Without it, the status read in this transaction is used.
   */
  expectedStatus?: Status | undefined
  now?: Date
}

export interface StatusChanged {
  referralId: string
  patientId: string
  status: Status
  outcome: Outcome | null
}

/**
 * Throws NotFoundError (no such referral in the actor's organisation), StepRefusedError (the
 * lifecycle does not allow the step; nothing written) or ConflictError (a lost update; nothing written).
 */
export async function changeReferralStatus(
  db: Db,
  actor: ReferralActor,
  input: ChangeReferralStatusInput
): Promise<StatusChanged> {
  const referral = found(await findReferral(db, actor.orgId, input.referralId), 'referral')
  const from = input.expectedStatus ?? referral.status
  const result = transition(from, input.step)
  if (!result.ok) throw new StepRefusedError(result.message)
  const now = input.now ?? new Date()
  const updated = await updateReferralStatus(db, actor.orgId, {
    referralId: referral.id,
    fromStatus: from,
    toStatus: result.status,
    outcome: result.outcome,
    stamp: STATUS_TIMESTAMP[result.status],
    now
  })
  if (updated === 0) throw new ConflictError('referral')
  const partner = actor.role === 'partner'
  await insertReferralEvent(db, actor.orgId, {
    referralId: referral.id,
    fromStatus: from,
    toStatus: result.status,
    outcome: result.outcome,
    changedBy: actor.userId,
    changedByPartner: partner,
    occurredAt: now
  })
  await recordAudit(db, {
    ...referralAuditFields(actor),
    action: 'update',
    entityType: 'referral',
    entityId: referral.id,
    patientId: referral.patient_id,
    detail: partner
      ? { status: result.status, outcome: result.outcome, partner: true }
      : { status: result.status, outcome: result.outcome }
  })
  return { referralId: referral.id, patientId: referral.patient_id, status: result.status, outcome: result.outcome }
}
