/**
 * A note on a referral, at any stage, without changing its status: by a member of staff, or by the receiving
 * service through its partner link. The text is patient data: checked (domain/referrals/notes.ts), stored as a
 * 'note' event, shown only inside the organisation, never logged; the audit row ('create', 'referral_note')
 * says who wrote a note on which referral and how long it is, never what it says.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findReferral, insertReferralEvent } from '../../db/repositories/referrals.js'
import { checkNote } from '../../domain/referrals/notes.js'
import { found } from '../errors.js'
import { NoteRefusedError } from './errors.js'
import { referralAuditFields, type ReferralActor } from './partner-actor.js'

type Db = Kysely<Database> | Transaction<Database>

export interface AddReferralNoteInput {
  referralId: string
  note: string
  now?: Date
}

export interface NoteAdded {
  referralId: string
  patientId: string
  noteId: string
}

/** Throws NoteRefusedError (empty, too long or control characters; nothing written) or NotFoundError. */
export async function addReferralNote(db: Db, actor: ReferralActor, input: AddReferralNoteInput): Promise<NoteAdded> {
  const checked = checkNote(input.note, { required: true })
  if (!checked.ok || checked.note === null) throw new NoteRefusedError(checked.ok ? 'Enter a note' : checked.message)
  const referral = found(await findReferral(db, actor.orgId, input.referralId), 'referral')
  const partner = actor.role === 'partner'
  const noteId = await insertReferralEvent(db, actor.orgId, {
    referralId: referral.id,
    kind: 'note',
    fromStatus: referral.status,
    toStatus: referral.status,
    outcome: null,
    note: checked.note,
    changedBy: actor.userId,
    changedByPartner: partner,
    occurredAt: input.now ?? new Date()
  })
  await recordAudit(db, {
    ...referralAuditFields(actor),
    action: 'create',
    entityType: 'referral_note',
    entityId: noteId,
    patientId: referral.patient_id,
    detail: { referralId: referral.id, length: checked.note.length, ...(partner ? { partner: true } : {}) }
  })
  return { referralId: referral.id, patientId: referral.patient_id, noteId }
}
