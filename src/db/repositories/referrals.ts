/**
 * Referrals to support services, their lifecycle events, partner links and the outbox.
 * Data access only: the use cases in src/app/referrals decide what to write. Partner links keep
 * only the sha256 of their random token.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, ReferralTable } from '../schema.js'
import { textArray } from './directory.js'
import type { Level } from '../../domain/referrals/matching.js'
import { recordedOutcomes, type Outcome, type Status } from '../../domain/referrals/status-lifecycle.js'
import { BARRIERS, type Barrier } from '../../domain/shared/barriers.js'
import { isUuid } from '../../domain/shared/uuid.js'
import type { AnswerInput } from '../../domain/screening/answers.js'
import { parseJsonColumn } from '../json-column.js'

type Db = Kysely<Database> | Transaction<Database>
export type ReferralRow = Selectable<ReferralTable>

export interface LatestScreening {
  id: string
  screenedAt: Date
  barriers: Record<Barrier, Level>
  /** The stored (cleaned) answers. */
  answers: AnswerInput
}

/** The patient's latest screening that was not declined, with its barrier levels. */
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
      'answers',
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
  const barriers = Object.fromEntries(BARRIERS.map((b) => [b, row[`${b}_level`] as Level])) as Record<Barrier, Level>
  return { id: row.id, screenedAt: row.screened_at, barriers, answers: parseJsonColumn<AnswerInput>(row.answers) }
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
  followUpDueOn: string
  partnerTokenHash: string
  partnerTokenExpiresAt: Date
}

/** Inserts a referral with status referred and consent recorded. */
export async function insertReferral(db: Db, orgId: string, input: NewReferral): Promise<ReferralRow> {
  return db
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
      follow_up_due_on: input.followUpDueOn,
      partner_token_hash: input.partnerTokenHash,
      partner_token_expires_at: input.partnerTokenExpiresAt,
      created_by: input.by,
      created_at: input.now,
      updated_at: input.now
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface NewReferralEvent {
  referralId: string
  /** 'status' (the default): a status change; 'outcome': a further outcome; 'note': a note, no change. */
  kind?: 'status' | 'outcome' | 'note'
  fromStatus: Status
  toStatus: Status
  outcome: Outcome | null
  /** Patient data: never logged. */
  note?: string | null
  changedBy: string | null
  changedByPartner: boolean
  occurredAt: Date
}

/** Inserts one event; returns its id. */
export async function insertReferralEvent(db: Db, orgId: string, event: NewReferralEvent): Promise<string> {
  const row = await db
    .insertInto('referral_event')
    .values({
      org_id: orgId,
      referral_id: event.referralId,
      kind: event.kind ?? 'status',
      from_status: event.fromStatus,
      to_status: event.toStatus,
      outcome: event.outcome,
      note: event.note ?? null,
      changed_by: event.changedBy,
      changed_by_partner: event.changedByPartner,
      occurred_at: event.occurredAt
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return String(row.id)
}

/** The outcomes recorded for a referral, in the order they were recorded (the row's own first outcome first). */
export async function referralOutcomeValues(db: Db, orgId: string, referral: ReferralRow): Promise<Outcome[]> {
  const rows = await db
    .selectFrom('referral_event')
    .select('outcome')
    .where('org_id', '=', orgId)
    .where('referral_id', '=', referral.id)
    .where('outcome', 'is not', null)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
  return recordedOutcomes([referral.outcome, ...rows.map((r) => r.outcome)])
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

/** A referral's history, oldest first: status changes, outcomes and notes, with the staff member's name. */
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

/**
 * A referral's history for its partner link: status changes and outcomes, never notes (the partner page is
 * outside the organisation, and a note is patient data) and never staff names.
 */
export async function partnerReferralEvents(db: Db, orgId: string, referralId: string) {
  return db
    .selectFrom('referral_event')
    .select(['id', 'kind', 'to_status', 'outcome', 'changed_by_partner', 'occurred_at'])
    .where('org_id', '=', orgId)
    .where('referral_id', '=', referralId)
    .where('kind', '!=', 'note')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
}

/**
 * Marks a referral changed (for a further outcome or a note, which leave its status as it is), only while
 * its status is still `status`. Returns the number of rows updated (0 when someone changed the status first).
 */
export async function touchReferral(
  db: Db,
  orgId: string,
  update: { referralId: string; status: Status; now: Date }
): Promise<number> {
  const result = await db
    .updateTable('referral')
    .set({ updated_at: update.now })
    .where('org_id', '=', orgId)
    .where('id', '=', update.referralId)
    .where('status', '=', update.status)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface StatusUpdate {
  referralId: string
  /** The status the change was decided from: the update matches only while the row still has it. */
  fromStatus: Status
  toStatus: Status
  outcome: Outcome | null
  /** The timestamp column the new status sets, if any. */
  stamp: 'referred_at' | 'accepted_at' | 'attended_at' | 'outcome_at' | null
  now: Date
}

/**
 * Optimistic update of a referral's status: it changes the row only while its status is still
 * `fromStatus`. Returns the number of rows updated (0 when someone else changed it first).
 */
export async function updateReferralStatus(db: Db, orgId: string, update: StatusUpdate): Promise<number> {
  const result = await db
    .updateTable('referral')
    .set({
      status: update.toStatus,
      outcome: update.outcome,
      updated_at: update.now,
      ...(update.stamp ? { [update.stamp]: update.now } : {})
    })
    .where('org_id', '=', orgId)
    .where('id', '=', update.referralId)
    .where('status', '=', update.fromStatus)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
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

export type PartnerReferralRow = ReferralRow & { service_name: string }

/** A referral by the sha256 of its partner token (any organisation), or undefined when unknown or expired. */
export async function findReferralByPartnerTokenHash(
  db: Db,
  tokenHash: string,
  now: Date
): Promise<PartnerReferralRow | undefined> {
  return db
    .selectFrom('referral')
    .innerJoin('support_service', 'support_service.id', 'referral.service_id')
    .selectAll('referral')
    .select('support_service.name as service_name')
    .where('referral.partner_token_hash', '=', tokenHash)
    .where('referral.partner_token_expires_at', '>', now)
    .executeTakeFirst()
}

export async function queueOutboxMessage(
  db: Db,
  orgId: string,
  message: {
    referralId: string
    channel: 'email' | 'letter'
    recipient: string
    subject: string
    body: string
    /** What the body was written from (the letter's content), kept so the print view shows the same letter. */
    content?: unknown
  }
): Promise<string> {
  const row = await db
    .insertInto('outbox_message')
    .values({
      org_id: orgId,
      referral_id: message.referralId,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      content: message.content === undefined ? null : JSON.stringify(message.content)
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
