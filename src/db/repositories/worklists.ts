/**
 * Work to do for a care team: counts for the home page and the patients behind each count, and patient
 * lists by barrier, readiness or need (from each patient's latest screening and their record).
 * Data access only: the use cases in src/app/worklists audit what is shown.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, PatientRow } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export const WORKLISTS = ['invitations', 'self-completed', 'partial', 'open-referrals'] as const
export type Worklist = (typeof WORKLISTS)[number]

/** Days a self-completion not yet reviewed stays on the "arrived" list. */
export const ARRIVED_DAYS = 30

export interface WorkRow {
  patient: PatientRow
  /** What is waiting: the invitation, screening or referral id. */
  entityType: 'screening_invite' | 'screening' | 'referral'
  entityId: string
  /** When it started (invited, completed, referred). */
  on: Date
  /** Invitation expiry or referral status, for the list. */
  detail: string
}

function since(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000)
}

/** The latest screening of each patient in the organisation (a subquery). */
function latestScreenings(db: Db, orgId: string) {
  return db
    .selectFrom('screening')
    .selectAll()
    .distinctOn('patient_id')
    .where('org_id', '=', orgId)
    .orderBy('patient_id')
    .orderBy('screened_at', 'desc')
    .orderBy('created_at', 'desc')
}

export async function countWork(db: Db, orgId: string, now: Date): Promise<Record<Worklist, number>> {
  const count = (rows: { n: string | number | bigint }[]) => Number(rows[0]?.n ?? 0)
  const invitations = await db
    .selectFrom('screening_invite')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute()
  const selfCompleted = await db
    .selectFrom('screening')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('mode', '=', 'self')
    .where('reviewed_at', 'is', null)
    .where('screened_at', '>=', since(now, ARRIVED_DAYS))
    .execute()
  const partial = await db
    .selectFrom(latestScreenings(db, orgId).as('latest'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('latest.status', '=', 'partial')
    .execute()
  const open = await db
    .selectFrom('referral')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', 'in', ['referred', 'accepted', 'attended'])
    .execute()
  return {
    invitations: count(invitations),
    'self-completed': count(selfCompleted),
    partial: count(partial),
    'open-referrals': count(open)
  }
}

export async function listWork(db: Db, orgId: string, list: Worklist, now: Date, limit = 200): Promise<WorkRow[]> {
  const patients = (ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as PatientRow[])
      : db.selectFrom('patient').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
  const withPatients = async <T extends { patient_id: string }>(
    rows: T[],
    shape: (row: T) => Omit<WorkRow, 'patient'>
  ): Promise<WorkRow[]> => {
    const byId = new Map((await patients([...new Set(rows.map((r) => r.patient_id))])).map((p) => [p.id, p]))
    return rows.flatMap((r) => {
      const patient = byId.get(r.patient_id)
      return patient ? [{ patient, ...shape(r) }] : []
    })
  }
  if (list === 'invitations') {
    const rows = await db
      .selectFrom('screening_invite')
      .select(['id', 'patient_id', 'created_at', 'expires_at'])
      .where('org_id', '=', orgId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute()
    return withPatients(rows, (r) => ({
      entityType: 'screening_invite',
      entityId: r.id,
      on: r.created_at,
      detail: `Link works until ${r.expires_at.toISOString().slice(0, 10)}`
    }))
  }
  if (list === 'self-completed') {
    const rows = await db
      .selectFrom('screening')
      .select(['id', 'patient_id', 'screened_at', 'status'])
      .where('org_id', '=', orgId)
      .where('mode', '=', 'self')
      .where('reviewed_at', 'is', null)
      .where('screened_at', '>=', since(now, ARRIVED_DAYS))
      .orderBy('screened_at', 'desc')
      .limit(limit)
      .execute()
    return withPatients(rows, (r) => ({ entityType: 'screening', entityId: r.id, on: r.screened_at, detail: r.status }))
  }
  if (list === 'partial') {
    const rows = await db
      .selectFrom(latestScreenings(db, orgId).as('latest'))
      .select(['latest.id', 'latest.patient_id', 'latest.screened_at'])
      .where('latest.status', '=', 'partial')
      .orderBy('latest.screened_at')
      .limit(limit)
      .execute()
    return withPatients(rows, (r) => ({
      entityType: 'screening',
      entityId: r.id,
      on: r.screened_at,
      detail: 'partial'
    }))
  }
  const rows = await db
    .selectFrom('referral')
    .innerJoin('support_service', 'support_service.id', 'referral.service_id')
    .select([
      'referral.id',
      'referral.patient_id',
      'referral.status',
      'referral.referred_at',
      'referral.created_at',
      'support_service.name as service_name'
    ])
    .where('referral.org_id', '=', orgId)
    .where('referral.status', 'in', ['referred', 'accepted', 'attended'])
    .orderBy(sql`coalesce(referral.referred_at, referral.created_at)`)
    .limit(limit)
    .execute()
  return withPatients(rows, (r) => ({
    entityType: 'referral',
    entityId: r.id,
    on: r.referred_at ?? r.created_at,
    detail: `${r.service_name}: ${r.status}`
  }))
}

/** Patients by what their latest screening or their record says. */
export type PatientListFilter =
  | { by: 'barrier'; barrier: string; level: 'some' | 'high' }
  | { by: 'readiness'; readiness: string }
  | { by: 'need'; need: string }

export interface PatientListRow {
  patient: PatientRow
  screeningId: string | null
  screenedAt: Date | null
  readiness: string | null
}

const LEVEL_COLUMNS = {
  access: 'access_level',
  skills: 'skills_level',
  motivation: 'motivation_level',
  trust: 'trust_level',
  accessibility: 'accessibility_level',
  language: 'language_level',
  support: 'support_level'
} as const

export async function listPatientsBy(
  db: Db,
  orgId: string,
  filter: PatientListFilter,
  limit = 500
): Promise<PatientListRow[]> {
  let q = db
    .selectFrom('patient')
    .leftJoin(latestScreenings(db, orgId).as('latest'), 'latest.patient_id', 'patient.id')
    .selectAll('patient')
    .select(['latest.id as screening_id', 'latest.screened_at as screened_at', 'latest.readiness as readiness'])
    .where('patient.org_id', '=', orgId)
  if (filter.by === 'barrier') {
    const column = LEVEL_COLUMNS[filter.barrier as keyof typeof LEVEL_COLUMNS]
    if (!column) return []
    const levels = filter.level === 'some' ? ['some', 'high'] : ['high']
    q = q.where(`latest.${column}`, 'in', levels)
  } else if (filter.by === 'readiness') {
    q = q.where('latest.readiness', '=', filter.readiness)
  } else if (filter.need === 'interpreter') {
    q = q.where('patient.interpreter_needed', '=', true)
  } else {
    q = q.where(sql<boolean>`${filter.need} = any(patient.communication_needs)`)
  }
  const rows = await q.orderBy('patient.family_name').orderBy('patient.given_name').limit(limit).execute()
  return rows.map(({ screening_id, screened_at, readiness, ...patient }) => ({
    patient: patient as PatientRow,
    screeningId: screening_id,
    screenedAt: screened_at,
    readiness
  }))
}
