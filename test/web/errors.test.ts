// Bad requests get NHS-style pages and 4xx codes, never a crash or a stack trace.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn } from '../helpers/browser-session.js'

const [kind] = await testDialects()

describe(`error pages (${kind})`, () => {
  let built: Built
  before(async () => {
    built = await build(kind!)
  })
  after(() => built.close())

  test('404 page in NHS style', async () => {
    const res = await built.app.inject('/no-such-page')
    assert.equal(res.statusCode, 404)
    assert.match(res.body, /Page not found/)
    assert.match(res.body, /nhsuk-header/)
  })

  test('oversized body from a signed-in clinician: 413 page, nothing saved', async () => {
    const session = await signedIn(built.app, built.fixture.emailA('clinician'))
    await session.get('/patients/new')
    const patients = async () =>
      Number(
        (
          await built.database.db
            .selectFrom('patient')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )
    const before = await patients()
    const res = await built.app.inject({
      method: 'POST',
      url: '/patients/new',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookieHeader() },
      payload: `_csrf=${encodeURIComponent(session.csrfToken())}&givenName=${'x'.repeat(2 * 1024 * 1024)}`
    })
    assert.equal(res.statusCode, 413)
    assert.match(res.body, /too large/)
    assert.equal(await patients(), before)
  })

  test('unsupported or malformed bodies: 4xx page', async () => {
    const json = await built.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": '
    })
    assert.ok(json.statusCode >= 400 && json.statusCode < 500, String(json.statusCode))
    assert.doesNotMatch(json.body, /at .*\.ts:\d+/)
    const odd = await built.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>'
    })
    assert.equal(odd.statusCode, 415)
    assert.match(odd.body, /nhsuk-header/)
  })

  test('a server error shows no message or stack trace', async () => {
    // a failing route cannot be added to a ready app, so break the database instead
    const session = await signedIn(built.app, built.fixture.emailA('clinician'))
    const original = built.database.db
    // a query against a missing table fails inside the route
    await built.database.db.schema.alterTable('patient').renameTo('patient_moved').execute()
    try {
      const res = await session.get(`/patients/${built.fixture.orgA.patients[0]!.id}`)
      assert.equal(res.statusCode, 500)
      assert.match(res.body, /Sorry, there is a problem with the service/)
      assert.doesNotMatch(res.body, /patient_moved|relation|does not exist|at \//)
    } finally {
      await original.schema.alterTable('patient_moved').renameTo('patient').execute()
    }
  })
})

test('tokens in self-completion and partner links never reach the logs', async () => {
  const { redactUrl } = await import('../../src/web/app.js')
  assert.equal(redactUrl('/s/abcDEF123_-xyz'), '/s/[token]')
  assert.equal(redactUrl('/s/abcDEF123/question/3?lang=ar'), '/s/[token]/question/3?lang=ar')
  assert.equal(redactUrl('/partner/tok3n'), '/partner/[token]')
  assert.equal(redactUrl('/patients/123'), '/patients/123')
  assert.equal(redactUrl('/services/abc'), '/services/abc')
})
