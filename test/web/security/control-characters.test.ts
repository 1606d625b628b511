// Finding 2: a NUL byte (or another control character) in a web address, a query or a body used to
// reach PostgreSQL and give a 500. The edge refuses it: the NHS 400 page, or a FHIR OperationOutcome.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { InjectSession, signedIn } from '../../helpers/browser-session.js'

function assertNhs400(res: { statusCode: number; body: string; headers: Record<string, unknown> }, what: string) {
  assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`)
  assert.match(String(res.headers['content-type']), /text\/html/, what)
  assert.match(res.body, /nhsuk-header/, what)
  assert.match(res.body, /Sorry, there is a problem with the request/, what)
}

for (const kind of await testDialects()) {
  describe(`control characters are refused at the edge (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    test('GET: in a path segment or a query, signed out and signed in', async () => {
      for (const url of [
        '/services/%00',
        '/services/abc%01def',
        '/services?q=%00',
        '/about?x=%7F',
        '/sign-in?returnUrl=%2F%00'
      ])
        assertNhs400(await built.app.inject(url), url)
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      for (const url of ['/patients/%00', '/directory?q=a%00b', '/patients?nhsNumber=%1B', '/home?x=%09'])
        assertNhs400(await clinician.get(url), url)
    })

    test('POST: sign-in with a NUL in the email', async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      assertNhs400(await session.post('/sign-in', { email: 'a\u0000@x', password: 'whatever it is' }), 'sign-in')
    })

    test('POST: a signed-in form with a control character changes nothing', async () => {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      await clinician.get('/patients/new')
      const count = async () =>
        Number(
          (
            await built.database.db
              .selectFrom('patient')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n
        )
      const before = await count()
      const res = await clinician.post('/patients/new', {
        nhsNumber: '999 000 0034',
        givenName: 'Nul\u0000',
        familyName: 'Byte',
        'dateOfBirth[day]': '1',
        'dateOfBirth[month]': '2',
        'dateOfBirth[year]': '1950'
      })
      assertNhs400(res, 'new patient')
      assert.equal(await count(), before)
    })

    test('tab, line feed and carriage return in a body are ordinary text', async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      const res = await session.post('/sign-in', { email: 'nobody@nowhere.test', password: 'a\tb\r\nc' })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Enter a correct email address and password/)
    })

    test('FHIR: a control character in JSON gets a 400 OperationOutcome', async () => {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const post = (payload: string) =>
        built.app.inject({
          method: 'POST',
          url: '/fhir/QuestionnaireResponse',
          headers: { cookie: clinician.cookieHeader(), 'content-type': 'application/fhir+json' },
          payload
        })
      for (const payload of [
        JSON.stringify({ resourceType: 'QuestionnaireResponse', status: 'completed', language: 'en\u0000' }),
        JSON.stringify({ resourceType: 'QuestionnaireResponse', ['key\u0001']: 'x' }),
        JSON.stringify({
          resourceType: 'QuestionnaireResponse',
          item: [{ linkId: 'a', answer: [{ valueString: '\u001b' }] }]
        })
      ]) {
        const res = await post(payload)
        assert.equal(res.statusCode, 400)
        assert.match(String(res.headers['content-type']), /application\/fhir\+json/)
        assert.equal(res.json().resourceType, 'OperationOutcome')
      }
      assert.equal((await clinician.get('/fhir/QuestionnaireResponse?x=%00')).json().resourceType, 'OperationOutcome')
    })
  })
}

test('containsControlCharacters walks bodies to a bounded depth', async () => {
  const { containsControlCharacters } = await import('../../../src/web/plugins/security.js')
  assert.equal(containsControlCharacters({ a: ['ok', { b: 'line\nbreak\ttab\r' }] }), false)
  assert.equal(containsControlCharacters({ a: ['ok', { b: 'bell\u0007' }] }), true)
  assert.equal(containsControlCharacters({ ['k\u001f']: 'v' }), true)
  assert.equal(containsControlCharacters('del\u007f'), true)
  assert.equal(containsControlCharacters(42), false)
  let deep: unknown = 'x'
  for (let i = 0; i < 100; i++) deep = [deep]
  assert.equal(containsControlCharacters(deep), true)
})
