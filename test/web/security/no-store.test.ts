// Finding 11: nothing a signed-in user is sent may be cached (HTML, CSV, JSON, SVG, PNG), nor any
// page behind a patient link (/s/…, /partner/…). Static assets keep their caching.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { signedIn } from '../../helpers/browser-session.js'

for (const kind of await testDialects()) {
  describe(`Cache-Control: no-store on patient data (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    const patientId = () => built.fixture.orgA.patients[0]?.id ?? ''

    test('a patient page', async () => {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const res = await clinician.get(`/patients/${patientId()}`)
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['cache-control'], 'no-store')
    })

    test('a CSV export', async () => {
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      const res = await admin.get('/audit.csv')
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /text\/csv/)
      assert.equal(res.headers['cache-control'], 'no-store')
    })

    test('a FHIR export', async () => {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const res = await clinician.get(`/fhir/QuestionnaireResponse?patient=${patientId()}&_format=json`)
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /application\/fhir\+json/)
      assert.equal(res.headers['cache-control'], 'no-store')
    })

    test('every page of a signed-in user, even one that is public or an error', async () => {
      const board = await signedIn(built.app, built.fixture.emailA('board'))
      for (const url of ['/home', '/about', '/services', '/no-such-page', '/patients'])
        assert.equal((await board.get(url)).headers['cache-control'], 'no-store', url)
    })

    test('patient links, signed out', async () => {
      for (const url of ['/s/not-a-real-token', '/partner/not-a-real-token', '/s'])
        assert.equal((await built.app.inject(url)).headers['cache-control'], 'no-store', url)
    })

    test('static assets keep their caching; signed-out public pages are not forced', async () => {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const css = await clinician.get('/static/reach.css')
      assert.equal(css.statusCode, 200)
      assert.notEqual(css.headers['cache-control'], 'no-store')
      assert.notEqual((await built.app.inject('/services')).headers['cache-control'], 'no-store')
    })
  })
}
