// Tenant isolation, generated from the router: for every route with an organisation-scoped id,
// every role of organisation A tries organisation B's real ids (test/helpers/records.ts) and gets a
// 404 (or the 403 its role gets anyway) with none of B's data in the body; POSTs change nothing of
// B's. A new route is covered without editing this test; a new route parameter must be named in
// test/helpers/route-params.ts.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { fillRouteParams } from '../helpers/route-params.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn } from '../helpers/browser-session.js'
import { roles } from '../../src/domain/staff/roles.js'

const [kind] = await testDialects()

/** Parameters that name something shared by every organisation (the directory, LSOAs) or a question. */
// Parameters that name something shared or fixed (a worklist's name), not a row of one organisation.
// A programme is shared by the organisations of its system (both fixture organisations): its isolation
// from other systems is tested in test/web/qi-programmes.test.ts.
const SHARED_PARAMS = new Set(['serviceId', 'code', 'linkId', 'list', 'programmeId'])

/** Rows of organisation B, counted before and after the POSTs. */
const B_TABLES = [
  'patient',
  'screening',
  'screening_invite',
  'referral',
  'referral_event',
  'measure',
  'measure_value',
  'measure_annotation',
  'qi_project',
  'qi_pdsa',
  'qi_pdsa_measure'
] as const

describe(`tenant isolation, generated from the router (${kind})`, () => {
  let built: Built
  before(async () => {
    built = await build(kind!, {}, undefined, { records: true })
  })
  after(() => built.close())

  const scopedRoutes = () =>
    built.app.reachRoutes.filter((r) => {
      if (r.access === 'public') return false
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '')
      return params.some((p) => !SHARED_PARAMS.has(p))
    })

  /** Strings that appear only in organisation B's data. */
  const bMarkers = () => {
    const records = built.records
    assert.ok(records)
    return [
      ...built.fixture.orgB.patients.flatMap((p) => [p.familyName, p.nhsNumber, p.id]),
      records.B.screeningId,
      records.B.referralId,
      records.B.measureId,
      records.B.projectId,
      'Team of B',
      'Digital inclusion (B)',
      'Patients helped (B)',
      'PDSA 1 (B)',
      'Cycle of B',
      records.B.pdsaId
    ]
  }

  async function countB(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {}
    for (const table of B_TABLES) {
      const row = await built.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', built.fixture.orgB.id)
        .executeTakeFirstOrThrow()
      counts[table] = Number(row.n)
    }
    return counts
  }

  test('covers the routes that take an organisation-scoped id', () => {
    const urls = scopedRoutes().map((r) => r.url)
    for (const expected of [
      '/patients/:id',
      '/patients/:id/screening/:screeningId',
      '/referrals/:referralId',
      '/measures/:measureId'
    ])
      assert.ok(urls.includes(expected), `${expected} is covered`)
  })

  for (const role of roles) {
    test(`${role} of A gets 404 or 403 for every GET with B's ids, and sees none of B's data`, async () => {
      const session = await signedIn(built.app, built.fixture.emailA(role))
      const markers = bMarkers()
      for (const r of scopedRoutes().filter((r) => r.method === 'GET')) {
        const url = fillRouteParams(r.url, built.records, 'B')
        const res = await session.get(url)
        assert.ok(res.statusCode === 404 || res.statusCode === 403, `${role} GET ${url}: ${res.statusCode}`)
        for (const m of markers) assert.ok(!res.body.includes(m), `${role} GET ${url} shows B's ${m}`)
      }
    })

    test(`${role} of A changes nothing of B's with a POST to B's ids`, async () => {
      const session = await signedIn(built.app, built.fixture.emailA(role))
      await session.get('/home')
      const before = await countB()
      const markers = bMarkers()
      for (const r of scopedRoutes().filter((r) => r.method === 'POST')) {
        const url = fillRouteParams(r.url, built.records, 'B')
        const res = await session.post(url, { givenName: 'Changed', status: 'accepted', value: '1', label: 'x' })
        assert.ok(res.statusCode === 404 || res.statusCode === 403, `${role} POST ${url}: ${res.statusCode}`)
        for (const m of markers) assert.ok(!res.body.includes(m), `${role} POST ${url} shows B's ${m}`)
      }
      assert.deepEqual(await countB(), before)
      const patient = await built.database.db
        .selectFrom('patient')
        .select('given_name')
        .where('id', '=', built.fixture.orgB.patients[0]?.id ?? '')
        .executeTakeFirstOrThrow()
      assert.equal(patient.given_name, 'Mary')
    })
  }
})
