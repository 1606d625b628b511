/**
 * Equity breakdowns of our own patients: counts per group, computed in SQL (group by).
 * Patients are placed in an LSOA from their postcode through postcode_lsoa, and so in an IMD
 * 2025 quintile and a risk-index band. Every query filters on the organisations given.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export const EQUITY_DIMENSIONS = ['age', 'sex', 'ethnicity', 'disability', 'language', 'imd', 'risk'] as const
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number]

export interface EquityCountsRow {
  group: string
  patients: number
  screened: number
  offline: number
  highBarrier: number
  referred: number
  outcomes: number
}

export interface EquityQuery {
  orgIds: readonly string[]
  teamId?: string | null
  dimension: EquityDimension
  /** Inclusive ISO date. */
  from: string
  /** Inclusive ISO date. */
  to: string
  /** LSOA code to risk band (1 = highest risk fifth), for the 'risk' dimension. */
  riskBands?: ReadonlyMap<string, number>
}

function groupExpression(q: EquityQuery): RawBuilder<string> {
  switch (q.dimension) {
    case 'age':
      return sql<string>`case
      when p.age < 18 then '0 to 17' when p.age < 35 then '18 to 34' when p.age < 50 then '35 to 49'
      when p.age < 65 then '50 to 64' when p.age < 75 then '65 to 74' else '75 and over' end`
    case 'sex':
      return sql<string>`p.sex`
    case 'ethnicity':
      return sql<string>`case
      when p.ethnic_category in ('A','B','C') then 'White' when p.ethnic_category in ('D','E','F','G') then 'Mixed'
      when p.ethnic_category in ('H','J','K','L') then 'Asian' when p.ethnic_category in ('M','N','P') then 'Black'
      when p.ethnic_category in ('R','S') then 'Other' else 'Not stated' end`
    case 'disability':
      return sql<string>`coalesce(p.disability, 'not_known')`
    case 'language':
      return sql<string>`coalesce(p.main_language, 'not recorded')`
    case 'imd':
      return sql<string>`coalesce(cast(cast(ceil(d.value / 2.0) as integer) as text), 'not placed')`
    case 'risk':
      return sql<string>`coalesce(cast(${JSON.stringify(Object.fromEntries(q.riskBands ?? new Map()))}::jsonb ->> pl.lsoa21_code as text), 'not placed')`
  }
}

/**
 * Per group: patients, patients screened (a complete screening in the period), screened
 * patients found offline (readiness 'offline') and with a high barrier, of those the ones referred in the period, and of those the
 * ones with a positive outcome (device, connectivity or skills).
 */
export async function equityCounts(db: Db, q: EquityQuery): Promise<EquityCountsRow[]> {
  return (await counts(db, q, false)).map(({ ageBand: _ageBand, ...row }) => row)
}

/**
 * The same counts split by broad age band as well (0: under 35, 1: 35 to 49, 2: 50 to 64,
 * 3: 65 to 74, 4: 75 and over), for directly standardised rates.
 */
export async function equityCountsByAge(db: Db, q: EquityQuery): Promise<(EquityCountsRow & { ageBand: number })[]> {
  return counts(db, q, true)
}

async function counts(db: Db, q: EquityQuery, byAge: boolean): Promise<(EquityCountsRow & { ageBand: number })[]> {
  if (q.orgIds.length === 0) return []
  const ageBand = byAge
    ? sql`case when p.age < 35 then 0 when p.age < 50 then 1 when p.age < 65 then 2 when p.age < 75 then 3 else 4 end`
    : sql`0`
  const orgs = sql.join(q.orgIds.map((id) => sql`${id}`))
  const team = q.teamId ? sql`and p.team_id = ${q.teamId}` : sql``
  const toExclusive = sql`(cast(${q.to} as date) + 1)`
  const result = await sql<{
    grp: string
    age_band: number
    patients: string
    screened: string
    offline: string
    high_barrier: string
    referred: string
    outcomes: string
  }>`
    with pts as (
      select p0.id, p0.org_id, p0.team_id, p0.sex, p0.ethnic_category, p0.disability, p0.main_language, p0.postcode,
             extract(year from age(cast(${q.to} as date), p0.date_of_birth))::int as age
      from patient p0 where p0.org_id in (${orgs})
    ), scr as (
      select s.org_id, s.patient_id, bool_or(s.has_high_barrier) as hb, bool_or(s.readiness = 'offline') as offline
      from screening s
      where s.org_id in (${orgs}) and s.status = 'complete' and s.screened_at >= cast(${q.from} as date) and s.screened_at < ${toExclusive}
      group by s.org_id, s.patient_id
    ), ref as (
      select r.org_id, r.patient_id, bool_or(r.outcome in ('device_provided', 'connectivity_provided', 'skills_gained')) as good
      from referral r
      where r.org_id in (${orgs}) and r.referred_at >= cast(${q.from} as date) and r.referred_at < ${toExclusive}
      group by r.org_id, r.patient_id
    )
    select ${groupExpression(q)} as grp, ${ageBand} as age_band,
      count(*) as patients,
      count(scr.patient_id) as screened,
      count(*) filter (where scr.offline) as offline,
      count(*) filter (where scr.hb) as high_barrier,
      count(ref.patient_id) filter (where scr.hb) as referred,
      count(*) filter (where scr.hb and ref.good) as outcomes
    from pts p
    left join postcode_lsoa pl on pl.postcode = replace(upper(p.postcode), ' ', '')
    left join lsoa_indicator d on d.lsoa_code = pl.lsoa21_code and d.indicator = 'imd2025_imd_decile'
    left join scr on scr.org_id = p.org_id and scr.patient_id = p.id
    left join ref on ref.org_id = p.org_id and ref.patient_id = p.id
    where true ${team}
    group by 1, 2 order by 1, 2`.execute(db)
  return result.rows.map((r) => ({
    group: r.grp,
    ageBand: Number(r.age_band),
    patients: Number(r.patients),
    screened: Number(r.screened),
    offline: Number(r.offline),
    highBarrier: Number(r.high_barrier),
    referred: Number(r.referred),
    outcomes: Number(r.outcomes)
  }))
}

/** The organisations in the same system as `orgId`. */
export async function systemOrganisations(db: Db, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organisation as o')
    .innerJoin('organisation as mine', 'mine.system_id', 'o.system_id')
    .select(['o.id', 'o.name'])
    .where('mine.id', '=', orgId)
    .orderBy('o.name')
    .execute()
}
