// Demo screenings: deterministic, about 60% of patients, spread over 18 months, assessments consistent with the domain.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabase } from '../helpers/databases.js'
import { loadFixture } from '../helpers/fixture.js'
import { demoAnswers, seedDemoScreenings } from '../../src/db/seed/demo-screenings.js'
import { assessScreening } from '../../src/domain/screening/index.js'
import { storedAnswers, storedAssessment } from '../../src/db/repositories/screenings.js'

function seeded(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

test('demo answers always give a complete or declined screening, with a realistic mix', () => {
  const random = seeded(7)
  const statuses = new Map<string, number>()
  const readiness = new Set<string>()
  for (let i = 0; i < 600; i++) {
    const a = assessScreening(
      demoAnswers(random, {
        mainLanguage: i % 3 ? 'en' : 'pl',
        interpreterNeeded: i % 5 === 0,
        disability: i % 4 ? 'no' : 'limited_a_lot'
      })
    )
    statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1)
    readiness.add(a.readiness.level)
  }
  assert.equal(statuses.get('partial'), undefined)
  const declined = statuses.get('declined') ?? 0
  assert.ok(declined > 10 && declined < 60, `declined ${declined}`)
  for (const level of ['confident_online', 'online_with_support', 'offline']) assert.ok(readiness.has(level), level)
})

test('seeding stores screenings whose stored assessment matches the answers', async (t) => {
  const database = await freshDatabase('pglite')
  t.after(() => database.close())
  const fixture = await loadFixture(database.db)
  const many = Array.from({ length: 60 }, () => fixture.orgA.patients).flat()
  await database.db.transaction().execute(async (trx) => {
    await seedDemoScreenings({
      trx,
      random: seeded(3),
      sharedDataDir: '',
      today: '2026-11-25',
      log: () => {},
      organisations: [
        {
          id: fixture.orgA.id,
          code: fixture.orgA.code,
          kind: 'trust',
          teamIds: [],
          staff: [],
          patients: many.map((p) => ({
            id: p.id,
            dateOfBirth: p.dateOfBirth,
            postcode: 'E8 1DY',
            mainLanguage: 'en',
            interpreterNeeded: false,
            disability: 'no',
            teamId: null as unknown as string
          }))
        }
      ]
    })
  })
  const rows = await database.db.selectFrom('screening').selectAll().execute()
  assert.ok(rows.length > 80 && rows.length < 140, `rows ${rows.length}`)
  const oldest = Math.min(...rows.map((r) => new Date(r.screened_at).getTime()))
  assert.ok(oldest < new Date('2025-09-01').getTime(), 'history goes back more than a year')
  for (const r of rows.slice(0, 20)) {
    assert.deepEqual(
      JSON.parse(JSON.stringify(assessScreening(storedAnswers(r), { now: r.screened_at }))),
      storedAssessment(r)
    )
  }
  assert.ok(rows.some((r) => r.mode === 'self') && rows.some((r) => r.mode === 'paper'))
})
