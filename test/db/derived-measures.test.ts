/**
 * Derived measures in SQL against a small hand-computed fixture, on PGlite and PostgreSQL:
 * periods in London time, weekly periods, the team filter, the system view with small-number
 * suppression, and tenant isolation. Expected figures are worked out by hand in the comments.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import type { ReachDatabase } from '../../src/db/connect.js'
import { derivedMeasureFigures, type DerivedScope } from '../../src/app/measures/measure-figures.js'
import { freshDatabase, testDialects } from '../helpers/databases.js'
import { loadFixture, type Fixture } from '../helpers/fixture.js'
import { testRangeNhsNumber } from '../../src/domain/shared/nhs-number.js'
import type { AvailableDerivedMeasureKey } from '../../src/domain/qi/measures/index.js'

let nhsSeq = 500000

async function addPatient(
  db: Kysely<Database>,
  orgId: string,
  createdAt: string,
  teamId: string | null
): Promise<string> {
  const nhs = testRangeNhsNumber(nhsSeq)
  nhsSeq = Number(nhs.slice(3, 9)) + 1
  const row = await db
    .insertInto('patient')
    .values({
      org_id: orgId,
      nhs_number: nhs,
      given_name: 'Test',
      family_name: 'Patient',
      date_of_birth: '1950-01-01',
      postcode: null,
      sex: '2',
      ethnic_category: null,
      main_language: 'en',
      interpreter_needed: false,
      disability: null,
      team_id: teamId,
      is_synthetic: true,
      created_at: createdAt
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function addScreening(
  db: Kysely<Database>,
  orgId: string,
  patientId: string,
  teamId: string | null,
  s: { at: string; status: 'complete' | 'partial' | 'declined'; initial: boolean; high: boolean; plan: boolean }
): Promise<void> {
  await db
    .insertInto('screening')
    .values({
      org_id: orgId,
      patient_id: patientId,
      team_id: teamId,
      questionnaire_url: 'https://example.org/q',
      questionnaire_version: '1',
      mode: 'clinician',
      status: s.status,
      answers: '{}',
      assessment: '{}',
      readiness: 'x',
      access_level: 'x',
      skills_level: 'x',
      motivation_level: 'x',
      trust_level: 'x',
      accessibility_level: 'x',
      language_level: 'x',
      support_level: 'x',
      has_high_barrier: s.high,
      has_plan: s.plan,
      eheals_score: null,
      is_initial_assessment: s.initial,
      screened_at: s.at,
      rescreen_due_on: null,
      entered_by: null
    })
    .execute()
}

async function addReferral(
  db: Kysely<Database>,
  orgId: string,
  patientId: string,
  r: {
    referred: string | null
    outcome?: 'device_provided' | 'declined' | 'skills_gained'
    outcomeAt?: string
    teamId?: string | null
  }
): Promise<void> {
  await db
    .insertInto('referral')
    .values({
      org_id: orgId,
      patient_id: patientId,
      service_id: 'svc-test',
      team_id: r.teamId ?? null,
      status: r.outcome ? 'outcome' : r.referred ? 'referred' : 'suggested',
      outcome: r.outcome ?? null,
      referred_at: r.referred,
      outcome_at: r.outcomeAt ?? null,
      updated_at: new Date()
    })
    .execute()
}

interface Seeded {
  fixture: Fixture
  teamOne: string
  teamTwo: string
  systemId: string
}

async function seed(db: Kysely<Database>): Promise<Seeded> {
  const fixture = await loadFixture(db)
  const a = fixture.orgA.id
  const b = fixture.orgB.id
  // the fixture's own patients are created "now" (November 2026): outside every period checked here
  const [teamOne, teamTwo] = (await Promise.all(
    ['Team one', 'Team two'].map(
      async (name) =>
        (await db.insertInto('team').values({ org_id: a, name }).returning('id').executeTakeFirstOrThrow()).id
    )
  )) as [string, string]
  await db
    .insertInto('support_service')
    .values({
      id: 'svc-test',
      name: 'Test service',
      organisation_name: 'Test',
      description: 'Test',
      url: null,
      email: null,
      cost: null,
      last_verified_on: null,
      source: null,
      updated_at: new Date()
    })
    .execute()

  // organisation A: patients and their screenings
  const p1 = await addPatient(db, a, '2026-01-10T09:00:00Z', teamOne)
  await addScreening(db, a, p1, teamOne, {
    at: '2026-01-10T10:00:00Z',
    status: 'complete',
    initial: true,
    high: true,
    plan: true
  })
  const p2 = await addPatient(db, a, '2026-01-15T09:00:00Z', teamOne)
  await addScreening(db, a, p2, teamOne, {
    at: '2026-01-15T10:00:00Z',
    status: 'declined',
    initial: true,
    high: false,
    plan: false
  })
  const p3 = await addPatient(db, a, '2026-01-20T09:00:00Z', teamTwo)
  await addScreening(db, a, p3, teamTwo, {
    at: '2026-01-20T10:00:00Z',
    status: 'partial',
    initial: true,
    high: false,
    plan: false
  })
  await addPatient(db, a, '2026-02-03T09:00:00Z', teamOne)
  // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (BST began on 29 March)
  const p5 = await addPatient(db, a, '2026-03-31T23:30:00Z', teamTwo)
  await addScreening(db, a, p5, teamTwo, {
    at: '2026-03-31T23:45:00Z',
    status: 'complete',
    initial: true,
    high: false,
    plan: false
  })
  const p6 = await addPatient(db, a, '2026-02-10T09:00:00Z', teamOne)
  await addScreening(db, a, p6, teamOne, {
    at: '2026-02-11T10:00:00Z',
    status: 'complete',
    initial: false,
    high: true,
    plan: false
  })

  // organisation A: referrals (10, 20 and 4 days to outcome)
  await addReferral(db, a, p1, {
    referred: '2026-01-05T09:00:00Z',
    outcome: 'device_provided',
    outcomeAt: '2026-01-15T09:00:00Z',
    teamId: teamOne
  })
  await addReferral(db, a, p1, {
    referred: '2026-01-20T09:00:00Z',
    outcome: 'declined',
    outcomeAt: '2026-02-09T09:00:00Z',
    teamId: teamTwo
  })
  await addReferral(db, a, p1, { referred: '2026-02-01T09:00:00Z' })
  await addReferral(db, a, p1, { referred: null })
  await addReferral(db, a, p1, {
    referred: '2026-02-10T09:00:00Z',
    outcome: 'skills_gained',
    outcomeAt: '2026-02-14T09:00:00Z'
  })

  // organisation B: five new patients in January 2026, all screened at initial assessment, none with a high barrier
  for (let i = 0; i < 5; i++) {
    const p = await addPatient(db, b, `2026-01-0${i + 2}T09:00:00Z`, null)
    await addScreening(db, b, p, null, {
      at: `2026-01-0${i + 2}T10:00:00Z`,
      status: 'complete',
      initial: true,
      high: false,
      plan: false
    })
  }
  const system = await db.selectFrom('organisation').select('system_id').where('id', '=', a).executeTakeFirstOrThrow()
  return { fixture, teamOne, teamTwo, systemId: system.system_id }
}

const early = <T extends { periodStart: string }>(rows: T[]): T[] => rows.filter((r) => r.periodStart < '2026-06-01')
const brief = (
  rows: {
    periodStart: string
    numerator: number | null
    denominator: number | null
    value: number | null
    suppressed: boolean
  }[]
) =>
  early(rows).map((r) => [
    r.periodStart,
    r.numerator,
    r.denominator,
    r.value === null ? null : Math.round(r.value * 100) / 100,
    r.suppressed
  ])

for (const kind of await testDialects()) {
  describe(`derived measures in SQL (${kind})`, () => {
    let database: ReachDatabase
    let s: Seeded
    before(async () => {
      database = await freshDatabase(kind)
      s = await seed(database.db)
    })
    after(() => database.close())
    const org = (teamId?: string): DerivedScope => ({
      kind: 'organisation',
      orgId: s.fixture.orgA.id,
      teamId: teamId ?? null
    })
    const monthly = (key: AvailableDerivedMeasureKey, scope: DerivedScope) =>
      derivedMeasureFigures(database.db, key, scope, { frequency: 'monthly' }).then(brief)

    test('new patients screened at initial assessment: declined does not count; periods in London time', async () => {
      // January: p1 (complete) and p3 (partial) of p1, p2, p3; February: p4 and p6, neither initially screened; April: p5
      assert.deepEqual(await monthly('screened-at-initial-assessment', org()), [
        ['2026-01-01', 2, 3, 66.67, false],
        ['2026-02-01', 0, 2, 0, false],
        ['2026-04-01', 1, 1, 100, false]
      ])
    })

    test("team filter counts only that team's records", async () => {
      assert.deepEqual(await monthly('screened-at-initial-assessment', org(s.teamOne)), [
        ['2026-01-01', 1, 2, 50, false],
        ['2026-02-01', 0, 2, 0, false]
      ])
      assert.deepEqual(await monthly('referrals-made', org(s.teamTwo)), [['2026-01-01', 1, null, 1, false]])
    })

    test('high barrier and communication plan use complete screenings only', async () => {
      assert.deepEqual(await monthly('high-barrier', org()), [
        ['2026-01-01', 1, 1, 100, false],
        ['2026-02-01', 1, 1, 100, false],
        ['2026-04-01', 0, 1, 0, false]
      ])
      assert.deepEqual(await monthly('communication-plan', org()), [
        ['2026-01-01', 1, 1, 100, false],
        ['2026-02-01', 0, 1, 0, false]
      ])
    })

    test('referral measures: made, outcome recorded, positive outcome, median days to outcome', async () => {
      assert.deepEqual(await monthly('referrals-made', org()), [
        ['2026-01-01', 2, null, 2, false],
        ['2026-02-01', 2, null, 2, false]
      ])
      // a count: the months after February with no referral are zero up to the current period, not gaps
      assert.deepEqual(
        brief(
          await derivedMeasureFigures(database.db, 'referrals-made', org(), {
            frequency: 'monthly',
            before: '2026-05-01'
          })
        ),
        [
          ['2026-01-01', 2, null, 2, false],
          ['2026-02-01', 2, null, 2, false],
          ['2026-03-01', 0, null, 0, false],
          ['2026-04-01', 0, null, 0, false]
        ]
      )
      assert.deepEqual(await monthly('referral-outcome-recorded', org()), [
        ['2026-01-01', 2, 2, 100, false],
        ['2026-02-01', 1, 2, 50, false]
      ])
      assert.deepEqual(await monthly('positive-outcome', org()), [
        ['2026-01-01', 1, 1, 100, false],
        ['2026-02-01', 1, 2, 50, false]
      ])
      // January: one outcome after 10 days; February: 20 and 4 days, median 12
      assert.deepEqual(await monthly('time-to-outcome', org()), [
        ['2026-01-01', null, 1, 10, false],
        ['2026-02-01', null, 2, 12, false]
      ])
    })

    test('weekly periods start on Monday', async () => {
      // Saturday 10 January 2026 is in the week of Monday 5 January; Wednesday 11 February in the week of Monday 9 February
      const rows = await derivedMeasureFigures(database.db, 'high-barrier', org(), { frequency: 'weekly' })
      assert.deepEqual(
        early(rows).map((r) => r.periodStart),
        ['2026-01-05', '2026-02-09', '2026-03-30']
      )
    })

    test('"from" leaves out earlier periods; "before" leaves out later records (the incomplete current period)', async () => {
      const rows = await derivedMeasureFigures(database.db, 'high-barrier', org(), {
        frequency: 'monthly',
        from: '2026-02-01'
      })
      assert.deepEqual(
        early(rows).map((r) => r.periodStart),
        ['2026-02-01', '2026-04-01']
      )
      // p5's screening at 23:45 UTC on 31 March is 00:45 on 1 April in London: after "before 1 April"
      const before = await derivedMeasureFigures(database.db, 'high-barrier', org(), {
        frequency: 'monthly',
        before: '2026-04-01'
      })
      assert.deepEqual(
        before.map((r) => r.periodStart),
        ['2026-01-01', '2026-02-01']
      )
    })

    test('system view adds every organisation of the system and suppresses counts of 1 to 4', async () => {
      // January: A 2 of 3, B 5 of 5 = 7 of 8; February (0 of 2) and April (1 of 1) are small numbers
      assert.deepEqual(await monthly('screened-at-initial-assessment', { kind: 'system', systemId: s.systemId }), [
        ['2026-01-01', 7, 8, 87.5, false],
        ['2026-02-01', null, null, null, true],
        ['2026-04-01', null, null, null, true]
      ])
      // high barrier in January: A 1 of 1, B 0 of 5 = 1 of 6: the numerator is small
      const high = await monthly('high-barrier', { kind: 'system', systemId: s.systemId })
      assert.deepEqual(high[0], ['2026-01-01', null, null, null, true])
    })

    test('tenant isolation: organisation B sees only its own records', async () => {
      const b: DerivedScope = { kind: 'organisation', orgId: s.fixture.orgB.id }
      assert.deepEqual(await monthly('screened-at-initial-assessment', b), [['2026-01-01', 5, 5, 100, false]])
      assert.deepEqual(await monthly('referrals-made', b), [])
      assert.deepEqual(await monthly('high-barrier', b), [['2026-01-01', 0, 5, 0, false]])
    })
  })
}
