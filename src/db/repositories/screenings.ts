/**
 * Screenings and self-completion invitations: data access only. A screening row keeps the answers as
 * given and the assessment computed from them (by the use case, `app/screening/record-screening.ts`),
 * plus denormalised columns for reports. Invitations keep only the sha256 of their one-time token.
 */
import { randomInt } from 'node:crypto'
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, PatientRow, ScreeningInviteTable, ScreeningTable } from '../schema.js'
import type { AnswerInput, ScreeningAssessment } from '../../domain/screening/index.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { hashToken, newToken } from '../../security/tokens.js'
import { parseJsonColumn } from '../json-column.js'

type Db = Kysely<Database> | Transaction<Database>

export type ScreeningMode = ScreeningTable['mode']
export type ScreeningRow = Selectable<ScreeningTable>
export type ScreeningInviteRow = Selectable<ScreeningInviteTable>

export interface NewScreening {
  patientId: string
  mode: ScreeningMode
  language: string
  answers: AnswerInput
  screenedAt: Date
  enteredBy: string | null
  teamId: string | null
}

/** Every column of a new screening row except the organisation. */
export type ScreeningColumns = Omit<Insertable<ScreeningTable>, 'org_id'>

/** Stores a screening whose column values are already computed (see `screeningColumns`). */
export async function insertScreening(db: Db, orgId: string, columns: ScreeningColumns): Promise<ScreeningRow> {
  return db
    .insertInto('screening')
    .values({ ...columns, org_id: orgId })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * The column values of a screening from its answers and their assessment (a mapping, no scoring):
 * shared by the use case, the demo seed and tests that insert rows directly.
 */
export function screeningColumns(input: NewScreening, assessment: ScreeningAssessment): ScreeningColumns {
  const b = assessment.barriers
  return {
    patient_id: input.patientId,
    team_id: input.teamId,
    questionnaire_url: assessment.questionnaire.url,
    questionnaire_version: assessment.questionnaire.version,
    mode: input.mode,
    language: input.language,
    status: assessment.status,
    answers: JSON.stringify(input.answers),
    assessment: JSON.stringify(assessment),
    readiness: assessment.readiness.level,
    access_level: b.access.level,
    skills_level: b.skills.level,
    motivation_level: b.motivation.level,
    trust_level: b.trust.level,
    accessibility_level: b.accessibility.level,
    language_level: b.language.level,
    support_level: b.support.level,
    has_high_barrier: Object.values(b).some((r) => r.level === 'high'),
    has_plan: assessment.status !== 'declined',
    eheals_score: assessment.eheals.status === 'complete' ? assessment.eheals.score : null,
    screened_at: input.screenedAt,
    rescreen_due_on: assessment.rescreen?.dueOn ?? null,
    entered_by: input.enteredBy
  }
}

export async function findScreening(
  db: Db,
  orgId: string,
  patientId: string,
  screeningId: string
): Promise<ScreeningRow | undefined> {
  if (!isUuid(screeningId) || !isUuid(patientId)) return undefined
  return db
    .selectFrom('screening')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', screeningId)
    .executeTakeFirst()
}

export async function listScreenings(db: Db, orgId: string, patientId: string): Promise<ScreeningRow[]> {
  if (!isUuid(patientId)) return []
  return db
    .selectFrom('screening')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .orderBy('screened_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

/** The newest screening of each patient given (patients never screened are absent). */
export async function latestScreenings(
  db: Db,
  orgId: string,
  patientIds: readonly string[]
): Promise<Map<string, ScreeningRow>> {
  const ids = patientIds.filter(isUuid)
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('screening')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', 'in', ids)
    .orderBy('patient_id')
    .orderBy('screened_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
  const out = new Map<string, ScreeningRow>()
  for (const row of rows) if (!out.has(row.patient_id)) out.set(row.patient_id, row)
  return out
}

/** The stored assessment, parsed. */
export function storedAssessment(row: ScreeningRow): ScreeningAssessment {
  return parseJsonColumn<ScreeningAssessment>(row.assessment)
}

export function storedAnswers(row: { answers: unknown }): AnswerInput {
  return parseJsonColumn<AnswerInput>(row.answers)
}

// --- Self-completion invitations ---

/** Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const SHORT_CODE_LENGTH = 8
export const INVITE_DAYS = 28

export function newShortCode(): string {
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

export function normaliseShortCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

export async function createInvite(
  db: Db,
  orgId: string,
  input: { patientId: string; language: string; easyRead: boolean; createdBy: string | null; days?: number }
): Promise<{ token: string; shortCode: string; invite: ScreeningInviteRow }> {
  const token = newToken()
  const shortCode = newShortCode()
  const invite = await db
    .insertInto('screening_invite')
    .values({
      org_id: orgId,
      patient_id: input.patientId,
      token_hash: hashToken(token),
      short_code: shortCode,
      language: input.language,
      easy_read: input.easyRead,
      created_by: input.createdBy,
      expires_at: sql<Date>`now() + make_interval(days => ${input.days ?? INVITE_DAYS})`
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { token, shortCode, invite }
}

/**
 * The invitation for a token or short code, looked up across organisations like a session (the patient
 * arrives with nothing else). Callers must not reveal anything about an unknown key.
 */
export async function findInviteByKey(db: Db, key: string): Promise<ScreeningInviteRow | undefined> {
  if (/^[A-Za-z0-9_-]{43}$/.test(key)) {
    return db.selectFrom('screening_invite').selectAll().where('token_hash', '=', hashToken(key)).executeTakeFirst()
  }
  const code = normaliseShortCode(key)
  if (code.length !== SHORT_CODE_LENGTH) return undefined
  return db.selectFrom('screening_invite').selectAll().where('short_code', '=', code).executeTakeFirst()
}

export function inviteState(invite: ScreeningInviteRow, now: Date): 'open' | 'used' | 'expired' {
  if (invite.used_at) return 'used'
  if (new Date(invite.expires_at).getTime() <= now.getTime()) return 'expired'
  return 'open'
}

export function draftAnswers(invite: ScreeningInviteRow): Record<string, string | string[]> {
  return storedAnswers({ answers: invite.draft_answers }) as Record<string, string | string[]>
}

export async function saveInviteDraft(
  db: Db,
  orgId: string,
  inviteId: string,
  draft: Record<string, string | string[]>,
  language: string
): Promise<void> {
  await db
    .updateTable('screening_invite')
    .set({ draft_answers: sql`${JSON.stringify(draft)}::jsonb`, language })
    .where('org_id', '=', orgId)
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .execute()
}

/** True when the screening was sent from a self-completion link in Easy Read. */
export async function screeningFromEasyReadLink(db: Db, orgId: string, screeningId: string): Promise<boolean> {
  if (!isUuid(screeningId)) return false
  const invite = await db
    .selectFrom('screening_invite')
    .select('easy_read')
    .where('org_id', '=', orgId)
    .where('screening_id', '=', screeningId)
    .executeTakeFirst()
  return invite?.easy_read ?? false
}

/** Marks an invitation used; false if it was already used (a second submit). */
export async function markInviteUsed(db: Db, orgId: string, inviteId: string, screeningId: string): Promise<boolean> {
  const result = await db
    .updateTable('screening_invite')
    .set({ used_at: sql`now()`, screening_id: screeningId })
    .where('org_id', '=', orgId)
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function listInvites(db: Db, orgId: string, patientId: string): Promise<ScreeningInviteRow[]> {
  if (!isUuid(patientId)) return []
  return db
    .selectFrom('screening_invite')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .execute()
}

export async function findInvite(
  db: Db,
  orgId: string,
  patientId: string,
  inviteId: string
): Promise<ScreeningInviteRow | undefined> {
  if (!isUuid(inviteId) || !isUuid(patientId)) return undefined
  return db
    .selectFrom('screening_invite')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('id', '=', inviteId)
    .executeTakeFirst()
}

export async function updateInvitePreferences(
  db: Db,
  orgId: string,
  inviteId: string,
  prefs: { language: string; easyRead: boolean }
): Promise<void> {
  await db
    .updateTable('screening_invite')
    .set({ language: prefs.language, easy_read: prefs.easyRead })
    .where('org_id', '=', orgId)
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .execute()
}

/** A patient row with their latest screening's dates and status (mapped to `Patient` by the use case). */
export type DueForRescreenRow = PatientRow & {
  last_screened_at: Date
  due_on: string | null
  last_status: ScreeningRow['status']
}

/**
 * Patients whose latest screening is due again: its re-screen date has come, or it was left
 * partial. Most overdue first. Never-screened patients are not listed here (see the search).
 */
export async function patientsDueForRescreen(
  db: Db,
  orgId: string,
  today: string,
  limit = 200
): Promise<DueForRescreenRow[]> {
  const latest = db
    .selectFrom('screening')
    .select(['patient_id', 'screened_at', 'rescreen_due_on', 'status'])
    .distinctOn('patient_id')
    .where('org_id', '=', orgId)
    .orderBy('patient_id')
    .orderBy('screened_at', 'desc')
    .orderBy('created_at', 'desc')
    .as('latest')
  return db
    .selectFrom('patient')
    .innerJoin(latest, 'latest.patient_id', 'patient.id')
    .selectAll('patient')
    .select([
      'latest.screened_at as last_screened_at',
      'latest.rescreen_due_on as due_on',
      'latest.status as last_status'
    ])
    .where('patient.org_id', '=', orgId)
    .where((eb) => eb.or([eb('latest.rescreen_due_on', '<=', today), eb('latest.status', '=', 'partial')]))
    .orderBy('latest.rescreen_due_on', 'asc')
    .orderBy('patient.family_name')
    .limit(limit)
    .execute()
}
