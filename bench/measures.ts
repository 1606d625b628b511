/**
 * Recomputing every derived measure for one organisation with 1 million screenings (and
 * 200,000 patients and referrals) on the PostgreSQL server, each beside a hand-written SQL
 * query doing the same aggregation, in the same run. Goal: within 1.5× of the hand-written query.
 * Uses a throwaway database, as the tests do; skipped when no server is reachable.
 */
import { sql, type RawBuilder } from 'kysely'
import { derivedMeasureFigures } from '../src/app/measures/measure-figures.js'
import { derivedMeasures, type AvailableDerivedMeasureKey } from '../src/domain/qi/measures/index.js'
import { freshDatabase, testDialects } from '../test/helpers/databases.js'
import { loadFixture } from '../test/helpers/fixture.js'
import { printTable, timeIt } from './report.js'

const SCREENINGS = Number(process.env.BENCH_SCREENINGS ?? 1_000_000)
const PATIENTS = Math.max(1000, Math.round(SCREENINGS / 5))

const month = (column: string) => `date_trunc('month', ${column} at time zone 'Europe/London')::date`

/** The same aggregations written by hand, for comparison. */
function handWritten(key: AvailableDerivedMeasureKey, orgId: string): RawBuilder<unknown> {
  const o = sql.lit(orgId)
  switch (key) {
    case 'screened-at-initial-assessment':
      return sql`select ${sql.raw(month('p.created_at'))} as m, count(*) filter (where exists (select 1 from screening s where s.org_id = p.org_id and s.patient_id = p.id and s.is_initial_assessment and s.status <> 'declined')), count(*) from patient p where p.org_id = ${o} group by 1 order by 1`
    case 'high-barrier':
      return sql`select ${sql.raw(month('screened_at'))} as m, count(*) filter (where has_high_barrier), count(*) from screening where org_id = ${o} and status = 'complete' group by 1 order by 1`
    case 'communication-plan':
      return sql`select ${sql.raw(month('screened_at'))} as m, count(*) filter (where has_plan), count(*) from screening where org_id = ${o} and status = 'complete' and has_high_barrier group by 1 order by 1`
    case 'referrals-made':
      return sql`select ${sql.raw(month('referred_at'))} as m, count(*) from referral where org_id = ${o} and referred_at is not null group by 1 order by 1`
    case 'referral-outcome-recorded':
      return sql`select ${sql.raw(month('referred_at'))} as m, count(*) filter (where outcome is not null), count(*) from referral where org_id = ${o} and referred_at is not null group by 1 order by 1`
    case 'positive-outcome':
      return sql`select ${sql.raw(month('outcome_at'))} as m, count(*) filter (where outcome in ('device_provided', 'connectivity_provided', 'skills_gained')), count(*) from referral where org_id = ${o} and outcome is not null and outcome_at is not null group by 1 order by 1`
    case 'time-to-outcome':
      return sql`select ${sql.raw(month('outcome_at'))} as m, count(*), percentile_cont(0.5) within group (order by extract(epoch from (outcome_at - referred_at)) / 86400) from referral where org_id = ${o} and outcome_at is not null and referred_at is not null group by 1 order by 1`
  }
}

export async function benchMeasures(): Promise<void> {
  if (!(await testDialects()).includes('postgres')) {
    console.log('PostgreSQL not reachable: derived measures bench skipped')
    return
  }
  const database = await freshDatabase('postgres')
  try {
    const db = database.db
    const fixture = await loadFixture(db)
    const orgId = fixture.orgA.id
    const fillStart = Date.now()
    await sql`insert into support_service (id, name, organisation_name, description, updated_at) values ('bench', 'Bench', 'Bench', 'Bench', now())`.execute(
      db
    )
    await sql`
      insert into patient (org_id, nhs_number, given_name, family_name, date_of_birth, sex, interpreter_needed, is_synthetic, created_at, updated_at)
      select ${orgId}::uuid, lpad(g::text, 10, '0'), 'Bench', 'Patient', date '1960-01-01', '2', false, true, now() - make_interval(days => g % 730), now()
      from generate_series(1, ${PATIENTS}::int) g`.execute(db)
    await sql`create table bench_patient as select id, created_at, (row_number() over (order by id))::int as n from patient where org_id = ${orgId}::uuid`.execute(
      db
    )
    await sql`
      insert into screening (org_id, patient_id, questionnaire_url, questionnaire_version, mode, status, answers, assessment, readiness,
        access_level, skills_level, motivation_level, trust_level, accessibility_level, language_level, support_level,
        has_high_barrier, has_plan, is_initial_assessment, screened_at)
      select ${orgId}::uuid, b.id, 'q', '1', 'clinician', case when g % 10 = 0 then 'declined' when g % 10 = 1 then 'partial' else 'complete' end,
        '{}', '{}', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', g % 3 = 0, g % 4 <> 0, g % 5 = 0, b.created_at + make_interval(days => g % 30)
      from generate_series(1, ${SCREENINGS}::int) g join bench_patient b on b.n = 1 + (g % ${PATIENTS}::int)`.execute(
      db
    )
    await sql`
      insert into referral (org_id, patient_id, service_id, status, outcome, referred_at, outcome_at, updated_at)
      select ${orgId}::uuid, b.id, 'bench', case when g % 3 = 0 then 'referred' else 'outcome' end,
        case when g % 3 = 0 then null when g % 3 = 1 then 'skills_gained' else 'declined' end,
        b.created_at + interval '2 days', case when g % 3 = 0 then null else b.created_at + make_interval(days => 2 + g % 40) end, now()
      from bench_patient b, lateral (select b.n as g) x`.execute(db)
    await sql`drop table bench_patient`.execute(db)
    await sql`analyze`.execute(db)
    console.log(
      `Filled ${PATIENTS.toLocaleString('en-GB')} patients, ${SCREENINGS.toLocaleString('en-GB')} screenings and ${PATIENTS.toLocaleString('en-GB')} referrals in ${((Date.now() - fillStart) / 1000).toFixed(1)} s`
    )

    const rows: (string | number)[][] = []
    let totalApp = 0
    let totalHand = 0
    for (const definition of derivedMeasures) {
      if (!definition.available) continue
      const key = definition.key
      const app = await timeIt(
        () => derivedMeasureFigures(db, key, { kind: 'organisation', orgId }, { frequency: 'monthly' }),
        3
      )
      const hand = await timeIt(() => handWritten(key, orgId).execute(db), 3)
      totalApp += app
      totalHand += hand
      rows.push([key, app, hand, app / hand])
    }
    rows.push(['all derived measures', totalApp, totalHand, totalApp / totalHand])
    printTable(['derived measure (monthly, one organisation)', 'Reach ms', 'hand-written SQL ms', 'ratio'], rows)
    console.log('Goal: a ratio within 1.5. Both run on the same server and data, medians of 3 runs.')
  } finally {
    // let the pool's connections finish closing before the database is dropped under them
    await database.db.destroy()
    await new Promise((resolve) => setTimeout(resolve, 500))
    await database.close()
  }
}
