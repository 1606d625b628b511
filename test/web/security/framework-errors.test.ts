// Finding 4: errors Fastify raises before routing (a malformed web address, a path segment longer
// than maxParamLength) used to escape as raw JSON. They get NHS pages with the security headers.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { signedIn } from '../../helpers/browser-session.js'

for (const kind of await testDialects()) {
  describe(`framework errors get NHS pages (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    const assertPage = (
      res: { statusCode: number; body: string; headers: Record<string, unknown> },
      status: number
    ) => {
      assert.equal(res.statusCode, status)
      assert.match(String(res.headers['content-type']), /^text\/html/)
      assert.match(res.body, /nhsuk-header/)
      assert.doesNotMatch(res.body, /FST_ERR|"statusCode"/)
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/)
      assert.equal(res.headers['x-content-type-options'], 'nosniff')
    }

    test('a malformed percent-encoding: the 400 page', async () => {
      for (const url of ['/s/%FF', '/patients/%E0%A4%A', '/services/%C0']) assertPage(await built.app.inject(url), 400)
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      assertPage(await clinician.get('/patients/%FF'), 400)
    })

    test('a path segment over 100 characters: the 414 page', async () => {
      const res = await built.app.inject(`/patients/${'a'.repeat(150)}`)
      assertPage(res, 414)
      assert.match(res.body, /The web address is too long/)
      assertPage(await built.app.inject(`/s/${'b'.repeat(101)}`), 414)
    })

    test('FHIR clients get an OperationOutcome', async () => {
      const res = await built.app.inject(`/fhir/QuestionnaireResponse/${'c'.repeat(120)}`)
      if (res.statusCode === 404) return // no FHIR route takes a parameter yet: the ordinary 404 applies
      assert.equal(res.statusCode, 414)
      assert.equal(res.json().resourceType, 'OperationOutcome')
    })
  })
}
