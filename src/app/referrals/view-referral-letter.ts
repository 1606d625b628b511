/**
 * The referral letter as a printable document (`/referrals/:id/letter`). It is the letter queued when the
 * referral was made (its stored content, so the print says what the email said, with the partner link);
 * for a referral made before letters kept their content, the letter is made again from the record with the
 * referral's consent, without the partner link (only its sha256 is kept). Viewing is audited: the letter holds
 * patient data.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findService } from '../../db/repositories/directory.js'
import { findOrganisation, listTeams } from '../../db/repositories/organisations.js'
import { findPatient } from '../../db/repositories/patients.js'
import { findReferral, outboxForReferral } from '../../db/repositories/referrals.js'
import { findScreening, storedAnswers } from '../../db/repositories/screenings.js'
import { findStaff } from '../../db/repositories/staff.js'
import { parseJsonColumn } from '../../db/json-column.js'
import type { ConsentScope } from '../../domain/referrals/consent.js'
import { letterContent, storedLetterContent, type LetterContent } from '../../domain/referrals/letter.js'
import type { Level } from '../../domain/referrals/matching.js'
import { parseScreeningAnswers } from '../../domain/screening/answers.js'
import { BARRIERS, type Barrier } from '../../domain/shared/barriers.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'
import { letterInput } from './letter-input.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ReferralLetter {
  referralId: string
  patientId: string
  serviceName: string
  content: LetterContent
  /** 'queued': the letter made with the referral; 'remade': made again from the record (no partner link). */
  source: 'queued' | 'remade'
  channel: 'email' | 'letter' | null
}

/** Throws NotFoundError when the referral (or its patient or service) is not in the actor's organisation. */
export async function viewReferralLetter(db: Db, actor: Actor, input: { referralId: string }): Promise<ReferralLetter> {
  const referral = found(await findReferral(db, actor.orgId, input.referralId), 'referral')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'view',
    entityType: 'referral',
    entityId: referral.id,
    patientId: referral.patient_id,
    detail: { page: 'letter' }
  })
  const service = found(await findService(db, referral.service_id), 'referral')
  const base = { referralId: referral.id, patientId: referral.patient_id, serviceName: service.name }
  const messages = await outboxForReferral(db, actor.orgId, referral.id)
  for (const message of messages) {
    const content = storedLetterContent(message.content === null ? null : parseJsonColumn(message.content))
    if (content) return { ...base, content, source: 'queued', channel: message.channel }
  }

  const patient = found(await findPatient(db, actor.orgId, referral.patient_id), 'referral')
  const screening = referral.screening_id
    ? await findScreening(db, actor.orgId, patient.id, referral.screening_id)
    : undefined
  const barriers: Partial<Record<Barrier, Level>> = screening
    ? Object.fromEntries(BARRIERS.map((b) => [b, screening[`${b}_level`] as Level]))
    : {}
  const referrer = referral.created_by ? await findStaff(db, actor.orgId, referral.created_by) : undefined
  const teams = referral.team_id ? await listTeams(db, actor.orgId) : []
  const content = letterContent(
    letterInput({
      referralId: referral.id,
      date: referral.referred_at ?? referral.created_at,
      patient,
      service,
      organisation: await findOrganisation(db, actor.orgId),
      teamName: teams.find((t) => t.id === referral.team_id)?.name ?? null,
      referrerName: referrer?.display_name ?? '',
      scope: referral.consent_scope as ConsentScope[],
      barriers,
      answers: screening ? parseScreeningAnswers(storedAnswers(screening)).answers : null,
      reasons: parseJsonColumn<string[]>(referral.match_reasons),
      partnerUrl: null,
      partnerLinkExpires: null
    })
  )
  return { ...base, content, source: 'remade', channel: messages[0]?.channel ?? null }
}
