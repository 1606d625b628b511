/**
 * Derived measures computed in SQL: one query per measure, grouped by week or month in London
 * time, returning numerator, denominator and (for counts and medians) value per period. Only
 * the per-period totals leave the database. Scope: one organisation (optionally one team), or
 * a whole system (every organisation of the system). Percentages and small-number suppression
 * are worked out from these counts by `derivedFigures` (domain/qi/measures/derived-figures.ts),
 * through the `derivedMeasureFigures` use case (app/measures/measure-figures.ts).
 * Definitions (words, units, directions): src/domain/qi/measures/derived-measures.ts.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../schema.js'
import type { AvailableDerivedMeasureKey, DerivedPeriodCounts } from '../../domain/qi/measures/index.js'

type Db = Kysely<Database> | Transaction<Database>

export type DerivedScope =
  { kind: 'organisation'; orgId: string; teamId?: string | null } | { kind: 'system'; systemId: string }

export interface DerivedQuery {
  frequency: 'weekly' | 'monthly'
  /** Only periods starting on or after this ISO date. */
  from?: string
  /** Only records before this ISO date (London midnight): pass the start of the current period to leave out the incomplete one. */
  before?: string
}

/** The period a timestamp falls in, in London time, as a date. */
function period(column: RawBuilder<unknown>, frequency: DerivedQuery['frequency']): RawBuilder<string> {
  const unit = frequency === 'weekly' ? 'week' : 'month'
  return sql<string>`(date_trunc(${sql.lit(unit)}, ${column} at time zone 'Europe/London'))::date`
}

/** `alias.org_id` within the scope, and `alias.team_id` when a team is chosen. */
function inScope(alias: string, scope: DerivedScope): RawBuilder<boolean> {
  const org = sql.ref(`${alias}.org_id`)
  if (scope.kind === 'system')
    return sql<boolean>`${org} in (select o.id from organisation o where o.system_id = ${scope.systemId})`
  if (scope.teamId) return sql<boolean>`${org} = ${scope.orgId} and ${sql.ref(`${alias}.team_id`)} = ${scope.teamId}`
  return sql<boolean>`${org} = ${scope.orgId}`
}

function since(column: RawBuilder<unknown>, query: DerivedQuery): RawBuilder<boolean> {
  const from = query.from
    ? sql<boolean>`${column} >= (${query.from}::timestamp at time zone 'Europe/London')`
    : sql<boolean>`true`
  return query.before
    ? sql<boolean>`${from} and ${column} < (${query.before}::timestamp at time zone 'Europe/London')`
    : from
}

/** The SQL of one derived measure: rows of (period_start, numerator, denominator, value). */
export function derivedMeasureSql(
  key: AvailableDerivedMeasureKey,
  scope: DerivedScope,
  query: DerivedQuery
): RawBuilder<RawRow> {
  const f = query.frequency
  switch (key) {
    case 'screened-at-initial-assessment': {
      const p = period(sql.ref('p.created_at'), f)
      return sql<RawRow>`
        select ${p} as period_start,
          count(*) filter (where exists (
            select 1 from screening s
            where s.org_id = p.org_id and s.patient_id = p.id and s.is_initial_assessment and s.status <> 'declined'))::int as numerator,
          count(*)::int as denominator
        from patient p
        where ${inScope('p', scope)} and ${since(sql.ref('p.created_at'), query)}
        group by 1 order by 1`
    }
    case 'high-barrier': {
      const p = period(sql.ref('s.screened_at'), f)
      return sql<RawRow>`
        select ${p} as period_start, count(*) filter (where s.has_high_barrier)::int as numerator, count(*)::int as denominator
        from screening s
        where ${inScope('s', scope)} and s.status = 'complete' and ${since(sql.ref('s.screened_at'), query)}
        group by 1 order by 1`
    }
    case 'communication-plan': {
      const p = period(sql.ref('s.screened_at'), f)
      return sql<RawRow>`
        select ${p} as period_start, count(*) filter (where s.has_plan)::int as numerator, count(*)::int as denominator
        from screening s
        where ${inScope('s', scope)} and s.status = 'complete' and s.has_high_barrier and ${since(sql.ref('s.screened_at'), query)}
        group by 1 order by 1`
    }
    case 'referrals-made': {
      const p = period(sql.ref('r.referred_at'), f)
      return sql<RawRow>`
        select ${p} as period_start, count(*)::int as numerator, null::int as denominator, count(*)::float8 as value
        from referral r
        where ${inScope('r', scope)} and r.referred_at is not null and ${since(sql.ref('r.referred_at'), query)}
        group by 1 order by 1`
    }
    case 'referral-outcome-recorded': {
      const p = period(sql.ref('r.referred_at'), f)
      return sql<RawRow>`
        select ${p} as period_start, count(*) filter (where r.outcome is not null)::int as numerator, count(*)::int as denominator
        from referral r
        where ${inScope('r', scope)} and r.referred_at is not null and ${since(sql.ref('r.referred_at'), query)}
        group by 1 order by 1`
    }
    case 'positive-outcome': {
      const p = period(sql.ref('r.outcome_at'), f)
      return sql<RawRow>`
        select ${p} as period_start,
          count(*) filter (where r.outcome in ('device_provided', 'connectivity_provided', 'skills_gained'))::int as numerator,
          count(*)::int as denominator
        from referral r
        where ${inScope('r', scope)} and r.outcome is not null and r.outcome_at is not null and ${since(sql.ref('r.outcome_at'), query)}
        group by 1 order by 1`
    }
    case 'time-to-outcome': {
      const p = period(sql.ref('r.outcome_at'), f)
      return sql<RawRow>`
        select ${p} as period_start, null::int as numerator, count(*)::int as denominator,
          (percentile_cont(0.5) within group (order by extract(epoch from (r.outcome_at - r.referred_at)) / 86400))::float8 as value
        from referral r
        where ${inScope('r', scope)} and r.outcome_at is not null and r.referred_at is not null and ${since(sql.ref('r.outcome_at'), query)}
        group by 1 order by 1`
    }
  }
}

interface RawRow {
  period_start: string | Date
  numerator: number | null
  denominator: number | null
  value?: number | null
}

function isoDate(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10)
}

/** The counts of one derived measure by period, oldest first (`value` only where the SQL computes it). */
export async function derivedMeasureCounts(
  db: Db,
  key: AvailableDerivedMeasureKey,
  scope: DerivedScope,
  query: DerivedQuery
): Promise<DerivedPeriodCounts[]> {
  const { rows } = await derivedMeasureSql(key, scope, query).execute(db)
  return rows.map((row) => ({
    periodStart: isoDate(row.period_start),
    numerator: row.numerator === null ? null : Number(row.numerator),
    denominator: row.denominator === null ? null : Number(row.denominator),
    ...(row.value !== undefined ? { value: row.value === null ? null : Number(row.value) } : {})
  }))
}
