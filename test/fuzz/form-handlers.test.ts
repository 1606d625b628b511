// Fuzzing every form handler (fast-check): for every POST route of the app, hostile form bodies
// (control characters, formula cells, very long and odd Unicode strings, repeated fields) from a
// signed-in admin give a 4xx or a re-rendered page, never a 5xx; and organisation B's rows are
// unchanged by anything sent to A's routes. Routes are read from the router, so new forms are
// fuzzed without editing this test.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { build, type Built } from '../helpers/build.js'
import { fillRouteParams } from '../helpers/route-params.js'
import { signedIn } from '../helpers/browser-session.js'

const RUNS = Number(process.env.REACH_FUZZ_RUNS ?? 12)

/** Strings people and attackers send: control characters, formulas, markup, long and odd Unicode. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[31m',
    '=HYPERLINK("http://evil.test")',
    '+1+1',
    '@SUM(A1)',
    '<script>alert(1)</script>',
    "'; drop table patient; --",
    '../../etc/passwd',
    '\uFEFF\u202E\u200B',
    '2026-02-31',
    '-1',
    '1e309',
    'NaN',
    '9999999999999999999999',
    ' ',
    ''
  ),
  fc.string({ minLength: 5000, maxLength: 20000 })
)

const FIELDS = [
  'nhsNumber',
  'givenName',
  'familyName',
  'dateOfBirth[day]',
  'dateOfBirth[month]',
  'dateOfBirth[year]',
  'postcode',
  'email',
  'password',
  'name',
  'role',
  'status',
  'outcome',
  'consent',
  'serviceId',
  'teamId',
  'projectId',
  'value',
  'lines',
  'label',
  'date',
  'reason',
  'language',
  'answers',
  'participation',
  'devices',
  'returnUrl',
  'url',
  'description',
  'version'
]

const formBody = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })), {
  maxKeys: 8
})

describe('fuzzing every form handler', () => {
  let built: Built
  before(async () => {
    built = await build('pglite', {}, undefined, { records: true })
  })
  after(() => built.close())

  test('hostile form bodies never give a 5xx, and B is untouched', async () => {
    const routes = built.app.reachRoutes.filter(
      (r) =>
        r.method === 'POST' &&
        !r.url.startsWith('/fhir') &&
        !['/sign-in', '/sign-out'].includes(r.url) &&
        !r.url.includes('erase')
    )
    assert.ok(routes.length > 10)
    const countB = async () =>
      Number(
        (
          await built.database.db
            .selectFrom('patient')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('org_id', '=', built.fixture.orgB.id)
            .executeTakeFirstOrThrow()
        ).n
      )
    const before = await countB()
    let session = await signedIn(built.app, built.fixture.emailA('admin'))
    for (const route of routes) {
      // a route that ended the session (sign out everywhere) gets a fresh one for the next route
      if ((await session.get('/home')).statusCode !== 200)
        session = await signedIn(built.app, built.fixture.emailA('admin'))
      const url = fillRouteParams(route.url, built.records)
      await fc.assert(
        fc.asyncProperty(formBody, async (body) => {
          const res = await session.post(url, body)
          assert.ok(res.statusCode < 500, `POST ${url} with ${JSON.stringify(body).slice(0, 300)}: ${res.statusCode}`)
          assert.doesNotMatch(res.body, /at .*\.ts:\d+|Error: .*\n\s+at /, 'no stack trace in the body')
        }),
        { numRuns: RUNS }
      )
    }
    assert.equal(await countB(), before)
  })

  test('a NUL byte in every field of every form is refused with a 4xx, never a 5xx', async () => {
    let session = await signedIn(built.app, built.fixture.emailA('admin'))
    const body = Object.fromEntries(FIELDS.map((f) => [f, 'a\u0000b']))
    for (const route of built.app.reachRoutes.filter(
      (r) => r.method === 'POST' && !['/sign-in', '/sign-out'].includes(r.url)
    )) {
      if ((await session.get('/home')).statusCode !== 200)
        session = await signedIn(built.app, built.fixture.emailA('admin'))
      const url = fillRouteParams(route.url, built.records)
      const res = await session.post(url, body)
      assert.ok(res.statusCode < 500, `POST ${url} with NUL bytes: ${res.statusCode}`)
    }
  })
})
