/**
 * Referrals to support services, their lifecycle events, partner links and the outbox.
 * Partner links keep only the sha256 of their random token.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, ReferralTable } from '../schema.js'
import { findPatient } from './patients.js'
import { listServices, textArray } from './directory.js'
import {
  ageOrNull,
  rankServices,
  type Level,
  type PatientForMatching,
  type Suggestion
} from '../../domain/referrals/matching.js'
import {
  STATUS_TIMESTAMP,
  transition,
  type Outcome,
  type Status,
  type Step,
  type TransitionResult
} from '../../domain/referrals/status-lifecycle.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { hashToken, newToken } from '../../security/tokens.js'

type Db = Kysely<Database> | Transaction<Database>
export type ReferralRow = Selectable<ReferralTable>

const BARRIER_COLUMNS = ['access', 'skills', 'motivation', 'trust', 'accessibility', 'language', 'support'] as const

/** Days after referral when staff should check for an outcome. */
export const FOLLOW_UP_DAYS = 28
/** Days a partner link works. */
export const PARTNER_LINK_DAYS = 90

export interface LatestScreening {
  id: string
  screenedAt: Date
  barriers: Record<string, Level>
}

export async function latestScreeningBarriers(
  db: Db,
  orgId: string,
  patientId: string
): Promise<LatestScreening | undefined> {
  const row = await db
    .selectFrom('screening')
    .select([
      'id',
      'screened_at',
      'access_level',
      'skills_level',
      'motivation_level',
      'trust_level',
      'accessibility_level',
      'language_level',
      'support_level'
    ])
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('status', '!=', 'declined')
    .orderBy('screened_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  const barriers: Record<string, Level> = {}
  for (const b of BARRIER_COLUMNS) barriers[b] = row[`${b}_level`] as Level
  return { id: row.id, screenedAt: row.screened_at, barriers }
}

export interface PatientSuggestions {
  screening: LatestScreening | undefined
  patient: PatientForMatching
  suggestions: (Suggestion & { service: DirectoryService })[]
}

/**
 * Suggested services for a patient from their latest screening, best first with reasons.
 * Used by the referral page and the screening handout. Empty when the patient has no screening.
 */
export async function suggestServicesForPatient(
  db: Db,
  orgId: string,
  patientId: string,
  today = new Date().toISOString().slice(0, 10),
  limit = 5
): Promise<PatientSuggestions | undefined> {
  const patient = await findPatient(db, orgId, patientId)
  if (!patient) return undefined
  const screening = await latestScreeningBarriers(db, orgId, patientId)
  const forMatching: PatientForMatching = {
    barriers: screening?.barriers ?? {},
    language: patient.mainLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    age: ageOrNull(patient.dateOfBirth, today),
    postcode: patient.postcode,
    receivesBenefits: null
  }
  const services = await listServices(db)
  const byId = new Map(services.map((s) => [s.id, s]))
  const ranked = rankServices(forMatching, services, limit)
  return {
    screening,
    patient: forMatching,
    suggestions: ranked.map((r) => ({ ...r, service: byId.get(r.serviceId)! }))
  }
}

export interface NewReferral {
  patientId: string
  serviceId: string
  screeningId: string | null
  teamId: string | null
  matchReasons: string[]
  consentScope: string[]
  by: string
  now: Date
}

/** Creates a referral (status referred, consent recorded), its first event and a partner link. Returns the raw token once. */
export async function createReferral(
  db: Db,
  orgId: string,
  input: NewReferral
): Promise<{ referral: ReferralRow; token: string }> {
  const token = newToken()
  const followUp = new Date(input.now.getTime() + FOLLOW_UP_DAYS * 86_400_000).toISOString().slice(0, 10)
  const referral = await db
    .insertInto('referral')
    .values({
      org_id: orgId,
      patient_id: input.patientId,
      screening_id: input.screeningId,
      service_id: input.serviceId,
      team_id: input.teamId,
      status: 'referred',
      outcome: null,
      match_reasons: JSON.stringify(input.matchReasons),
      consent_given: true,
      consent_scope: textArray(input.consentScope),
      consent_recorded_by: input.by,
      consent_recorded_at: input.now,
      referred_at: input.now,
      follow_up_due_on: followUp,
      partner_token_hash: hashToken(token),
      partner_token_expires_at: new Date(input.now.getTime() + PARTNER_LINK_DAYS * 86_400_000),
      created_by: input.by,
      created_at: input.now,
      updated_at: input.now
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await db
    .insertInto('referral_event')
    .values({
      org_id: orgId,
      referral_id: referral.id,
      from_status: 'suggested',
      to_status: 'referred',
      outcome: null,
      changed_by: input.by,
      occurred_at: input.now
    })
    .execute()
  return { referral, token }
}

export async function findReferral(db: Db, orgId: string, referralId: string): Promise<ReferralRow | undefined> {
  if (!isUuid(referralId)) return undefined
  return db
    .selectFrom('referral')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', referralId)
    .executeTakeFirst()
}

export type ReferralListRow = ReferralRow & { service_name: string }

export async function listPatientReferrals(db: Db, orgId: string, patientId: string): Promise<ReferralListRow[]> {
  return db
    .selectFrom('referral')
    .innerJoin('support_service', 'support_service.id', 'referral.service_id')
    .selectAll('referral')
    .select('support_service.name as service_name')
    .where('referral.org_id', '=', orgId)
    .where('referral.patient_id', '=', patientId)
    .orderBy('referral.created_at', 'desc')
    .execute()
}

export async function referralEvents(db: Db, orgId: string, referralId: string) {
  return db
    .selectFrom('referral_event')
    .leftJoin('staff_user', (j) =>
      j
        .onRef('staff_user.org_id', '=', 'referral_event.org_id')
        .onRef('staff_user.id', '=', 'referral_event.changed_by')
    )
    .selectAll('referral_event')
    .select('staff_user.display_name as changed_by_name')
    .where('referral_event.org_id', '=', orgId)
    .where('referral_event.referral_id', '=', referralId)
    .orderBy('referral_event.occurred_at')
    .orderBy('referral_event.id')
    .execute()
}

/** Applies a lifecycle step: refused steps change nothing; allowed ones set the timestamp and add an event. */
export async function changeReferralStatus(
  db: Db,
  orgId: string,
  referral: ReferralRow,
  step: Step,
  who: { userId: string | null; partner: boolean; now: Date }
): Promise<TransitionResult> {
  const result = transition(referral.status as Status, step)
  if (!result.ok) return result
  const stamp = STATUS_TIMESTAMP[result.status]
  await db
    .updateTable('referral')
    .set({
      status: result.status,
      outcome: result.outcome as Outcome | null,
      updated_at: who.now,
      ...(stamp ? { [stamp]: who.now } : {})
    })
    .where('org_id', '=', orgId)
    .where('id', '=', referral.id)
    .where('status', '=', referral.status)
    .execute()
  await db
    .insertInto('referral_event')
    .values({
      org_id: orgId,
      referral_id: referral.id,
      from_status: referral.status,
      to_status: result.status,
      outcome: result.outcome,
      changed_by: who.userId,
      changed_by_partner: who.partner,
      occurred_at: who.now
    })
    .execute()
  return result
}

export type OverdueRow = {
  id: string
  patient_id: string
  status: string
  follow_up_due_on: string | null
  referred_at: Date | null
  service_name: string
  team_name: string | null
  given_name: string
  family_name: string
}

/** Referrals whose follow-up date has passed with no outcome, by team then date. */
export async function overdueFollowUps(db: Db, orgId: string, today: string): Promise<OverdueRow[]> {
  return db
    .selectFrom('referral')
    .innerJoin('support_service', 'support_service.id', 'referral.service_id')
    .innerJoin('patient', (j) =>
      j.onRef('patient.org_id', '=', 'referral.org_id').onRef('patient.id', '=', 'referral.patient_id')
    )
    .leftJoin('team', (j) => j.onRef('team.org_id', '=', 'referral.org_id').onRef('team.id', '=', 'referral.team_id'))
    .select([
      'referral.id',
      'referral.patient_id',
      'referral.status',
      'referral.follow_up_due_on',
      'referral.referred_at',
      'support_service.name as service_name',
      'team.name as team_name',
      'patient.given_name',
      'patient.family_name'
    ])
    .where('referral.org_id', '=', orgId)
    .where('referral.status', 'in', ['referred', 'accepted', 'attended'])
    .where('referral.follow_up_due_on', '<', today)
    .orderBy(sql`team.name nulls last`)
    .orderBy('referral.follow_up_due_on')
    .limit(500)
    .execute()
}

/** A referral by partner token (any organisation), or undefined when unknown or expired. */
export async function findReferralByPartnerToken(
  db: Db,
  token: string,
  now: Date
): Promise<(ReferralRow & { service_name: string }) | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined
  return db
    .selectFrom('referral')
    .innerJoin('support_service', 'support_service.id', 'referral.service_id')
    .selectAll('referral')
    .select('support_service.name as service_name')
    .where('referral.partner_token_hash', '=', hashToken(token))
    .where('referral.partner_token_expires_at', '>', now)
    .executeTakeFirst()
}

export async function queueOutboxMessage(
  db: Db,
  orgId: string,
  message: { referralId: string; channel: 'email' | 'letter'; recipient: string; subject: string; body: string }
): Promise<string> {
  const row = await db
    .insertInto('outbox_message')
    .values({
      org_id: orgId,
      referral_id: message.referralId,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function outboxForReferral(db: Db, orgId: string, referralId: string) {
  return db
    .selectFrom('outbox_message')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .execute()
}

/** A support service as listed on the patient's take-home handout. */
export interface HandoutService {
  name: string
  organisationName: string
  url: string | null
  email: string | null
  referred: boolean
}

/**
 * The services for a patient's handout: the ones they have been referred to (still open or
 * attended) first, then the best-matched suggestions not already referred, up to `limit` in all.
 */
export async function handoutServices(db: Db, orgId: string, patientId: string, limit = 5): Promise<HandoutService[]> {
  const referrals = (await listPatientReferrals(db, orgId, patientId)).filter(
    (r) => r.status !== 'suggested' && r.outcome === null
  )
  const suggestions = (await suggestServicesForPatient(db, orgId, patientId))?.suggestions ?? []
  const referredIds = new Set(referrals.map((r) => r.service_id))
  const services = new Map((await listServices(db)).map((s) => [s.id, s]))
  const listed: HandoutService[] = []
  for (const r of referrals) {
    const s = services.get(r.service_id)
    if (s)
      listed.push({ name: s.name, organisationName: s.organisationName, url: s.url, email: s.email, referred: true })
  }
  for (const suggestion of suggestions) {
    if (referredIds.has(suggestion.serviceId)) continue
    listed.push({
      name: suggestion.service.name,
      organisationName: suggestion.service.organisationName,
      url: suggestion.service.url,
      email: suggestion.service.email,
      referred: false
    })
  }
  return listed.slice(0, limit)
}
