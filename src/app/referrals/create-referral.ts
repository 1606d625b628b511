/**
 * Making a referral: no consent, no referral. The chosen service must be one of the patient's
 * suggestions; the referral starts as `referred` with its first event, a partner link (only the
 * token's sha256 is kept) and a follow-up date, and the letter or email (domain/referrals/letter.ts,
 * only what the patient agreed to share) is queued in the outbox with the content it was written from
 * (the print view shows the same letter). Audited as 'create'.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findOrganisation, listTeams } from '../../db/repositories/organisations.js'
import { findStaff } from '../../db/repositories/staff.js'
import { insertReferral, insertReferralEvent, queueOutboxMessage } from '../../db/repositories/referrals.js'
import type { ConsentScope } from '../../domain/referrals/consent.js'
import { referralLetter } from '../../domain/referrals/letter.js'
import { parseScreeningAnswers } from '../../domain/screening/answers.js'
import { hashToken, newToken } from '../../security/tokens.js'
import { auditFields, type Actor } from '../actor.js'
import { ConsentRequiredError, ServiceNotSuggestedError } from './errors.js'
import { letterInput } from './letter-input.js'
import { suggestServices } from './suggest-services.js'

type Db = Kysely<Database> | Transaction<Database>

/** Days after referral when staff should check for an outcome. */
export const FOLLOW_UP_DAYS = 28
/** Days a partner link works. */
export const PARTNER_LINK_DAYS = 90
const DAY_MS = 86_400_000

export interface CreateReferralInput {
  patientId: string
  serviceId: string
  consentGiven: boolean
  consentScope: readonly ConsentScope[]
  /** Email is used only when the service has an address; otherwise a letter to print. */
  channel: 'email' | 'letter'
}

export interface CreateReferralSettings {
  /** Where partner links start, e.g. `https://reach.example.nhs.uk` (no trailing slash). */
  partnerBaseUrl: string
  now?: Date
}

export interface CreatedReferral {
  referralId: string
  channel: 'email' | 'letter'
}

/**
 * Throws ConsentRequiredError (nothing read or written), NotFoundError when the patient is not in
 * the actor's organisation, ServiceNotSuggestedError when the service is not a suggestion.
 */
export async function createReferral(
  db: Db,
  actor: Actor,
  input: CreateReferralInput,
  settings: CreateReferralSettings
): Promise<CreatedReferral> {
  if (!input.consentGiven || input.consentScope.length === 0) throw new ConsentRequiredError()
  if (!actor.userId) throw new Error('a referral is made by a member of staff')
  const now = settings.now ?? new Date()
  const { patient, screening, forMatching, suggestions } = await suggestServices(db, actor, {
    patientId: input.patientId,
    today: now.toISOString().slice(0, 10)
  })
  const match = suggestions.find((s) => s.serviceId === input.serviceId)
  if (!match) throw new ServiceNotSuggestedError(input.serviceId)

  const token = newToken()
  const partnerTokenExpiresAt = new Date(now.getTime() + PARTNER_LINK_DAYS * DAY_MS)
  const referral = await insertReferral(db, actor.orgId, {
    patientId: patient.id,
    serviceId: match.serviceId,
    screeningId: screening?.id ?? null,
    teamId: patient.teamId,
    matchReasons: match.reasons,
    consentScope: [...input.consentScope],
    by: actor.userId,
    now,
    followUpDueOn: new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS).toISOString().slice(0, 10),
    partnerTokenHash: hashToken(token),
    partnerTokenExpiresAt
  })
  await insertReferralEvent(db, actor.orgId, {
    referralId: referral.id,
    fromStatus: 'suggested',
    toStatus: 'referred',
    outcome: null,
    changedBy: actor.userId,
    changedByPartner: false,
    occurredAt: now
  })

  const organisation = await findOrganisation(db, actor.orgId)
  const referrer = await findStaff(db, actor.orgId, actor.userId)
  const teams = patient.teamId ? await listTeams(db, actor.orgId) : []
  const letter = referralLetter(
    letterInput({
      referralId: referral.id,
      date: now,
      patient,
      service: match.service,
      organisation,
      teamName: teams.find((t) => t.id === patient.teamId)?.name ?? null,
      referrerName: referrer?.display_name ?? '',
      scope: input.consentScope,
      barriers: forMatching.barriers,
      answers: screening ? parseScreeningAnswers(screening.answers).answers : null,
      reasons: match.reasons,
      partnerUrl: `${settings.partnerBaseUrl}/partner/${token}`,
      partnerLinkExpires: partnerTokenExpiresAt
    })
  )
  const email = input.channel === 'email' ? match.service.email : null
  const channel = email ? 'email' : 'letter'
  await queueOutboxMessage(db, actor.orgId, {
    referralId: referral.id,
    channel,
    recipient: email ?? match.service.organisationName,
    subject: letter.subject,
    body: letter.body,
    content: letter.content
  })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'referral',
    entityId: referral.id,
    patientId: patient.id,
    detail: { serviceId: match.serviceId, channel }
  })
  return { referralId: referral.id, channel }
}
