/**
 * Inviting a patient to complete the screening themselves: a one-time link (only its sha256 is stored)
 * and a short code for the letter, in the patient's language, optionally Easy Read. Audited.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import { createInvite, type ScreeningInviteRow } from '../../db/repositories/screenings.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export interface CreateInviteInput {
  patientId: string
  /** A supported patient language code (the route resolves what was asked for). */
  language: string
  easyRead: boolean
}

export interface CreatedInvite {
  patient: Patient
  invite: ScreeningInviteRow
  /** Shown once, never stored. */
  token: string
  shortCode: string
}

/** Creates an invitation; `NotFoundError` when the patient is not in the actor's organisation. */
export async function createScreeningInvite(db: Db, actor: Actor, input: CreateInviteInput): Promise<CreatedInvite> {
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  const { invite, token, shortCode } = await createInvite(db, actor.orgId, {
    patientId: patient.id,
    language: input.language,
    easyRead: input.easyRead,
    createdBy: actor.userId
  })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'screening_invite',
    entityId: invite.id,
    patientId: patient.id
  })
  return { patient, invite, token, shortCode }
}
