/**
 * One step of a referral's lifecycle (domain/referrals/status-lifecycle.ts), by a member of staff or by the
 * receiving service through its partner link: a status change, the first outcome, or a further outcome added
 * to a referral that already has one, each with an optional note. Only the steps the lifecycle offers from the
 * referral's status and recorded outcomes are allowed.
 *
 * The update is optimistic: it applies only while the referral still has the status the step was decided
 * from. When it touched no row, someone else changed the referral first: ConflictError, and no event or audit
 * row is written. The same outcome recorded twice at once is also a ConflictError (a unique index).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import {
  findReferral,
  insertReferralEvent,
  referralOutcomeValues,
  touchReferral,
  updateReferralStatus
} from '../../db/repositories/referrals.js'
import { checkNote } from '../../domain/referrals/notes.js'
import {
  STATUS_TIMESTAMP,
  transition,
  type Outcome,
  type Status,
  type Step
} from '../../domain/referrals/status-lifecycle.js'
import { ConflictError, found } from '../errors.js'
import { NoteRefusedError, StepRefusedError } from './errors.js'
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
  /** An optional note about what happened (patient data; checked by domain/referrals/notes.ts). */
  note?: string | undefined
  now?: Date
}

export interface StatusChanged {
  referralId: string
  patientId: string
  status: Status
  outcome: Outcome | null
  /** The outcome was added to a referral that already had one. */
  added: boolean
}

/** PostgreSQL's unique_violation on the one-outcome-once index. */
function isOutcomeRepeated(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null
  return e?.code === '23505' && (e.constraint === undefined || e.constraint === 'referral_event_outcome_once')
}

/**
 * Throws NotFoundError (no such referral in the actor's organisation), StepRefusedError (the lifecycle does
 * not offer the step; nothing written), NoteRefusedError (the note cannot be saved; nothing written) or
 * ConflictError (a lost update; nothing written).
 */
export async function changeReferralStatus(
  db: Db,
  actor: ReferralActor,
  input: ChangeReferralStatusInput
): Promise<StatusChanged> {
  const note = checkNote(input.note ?? '', { required: false })
  if (!note.ok) throw new NoteRefusedError(note.message)
  const referral = found(await findReferral(db, actor.orgId, input.referralId), 'referral')
  const from = input.expectedStatus ?? referral.status
  const result = transition(from, input.step, await referralOutcomeValues(db, actor.orgId, referral))
  if (!result.ok) throw new StepRefusedError(result.message)
  const now = input.now ?? new Date()
  const updated = result.added
    ? await touchReferral(db, actor.orgId, { referralId: referral.id, status: from, now })
    : await updateReferralStatus(db, actor.orgId, {
        referralId: referral.id,
        fromStatus: from,
        toStatus: result.status,
        outcome: result.outcome,
        stamp: STATUS_TIMESTAMP[result.status],
        now
      })
  if (updated === 0) throw new ConflictError('referral')
  const partner = actor.role === 'partner'
  try {
    await insertReferralEvent(db, actor.orgId, {
      referralId: referral.id,
      kind: result.added ? 'outcome' : 'status',
      fromStatus: from,
      toStatus: result.status,
      outcome: result.outcome,
      note: note.note,
      changedBy: actor.userId,
      changedByPartner: partner,
      occurredAt: now
    })
  } catch (error) {
    if (isOutcomeRepeated(error)) throw new ConflictError('referral')
    throw error
  }
  await recordAudit(db, {
    ...referralAuditFields(actor),
    action: 'update',
    entityType: 'referral',
    entityId: referral.id,
    patientId: referral.patient_id,
    // ids and flags only: the note's text is patient data and never goes into the audit trail
    detail: {
      status: result.status,
      outcome: result.outcome,
      ...(result.added ? { added: true } : {}),
      ...(note.note ? { note: true } : {}),
      ...(partner ? { partner: true } : {})
    }
  })
  return {
    referralId: referral.id,
    patientId: referral.patient_id,
    status: result.status,
    outcome: result.outcome,
    added: result.added
  }
}
