// Sign-in, lockout, CSRF, sessions and sign-out.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { InjectSession, signedIn } from '../helpers/browser-session.js'

for (const kind of await testDialects()) {
  describe(`sign-in and sessions (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    test('the start page explains the service and offers sign-in', async () => {
      const res = await built.app.inject('/')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Make sure digital health reaches everyone/)
      assert.match(res.body, /href="\/sign-in"/)
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/)
      assert.doesNotMatch(res.body, /<script>(?!<\/script>)/)
    })

    test('a signed-out user is sent to sign in, and back afterwards', async () => {
      const res = await built.app.inject('/patients')
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/sign-in?returnUrl=%2Fpatients')
      const session = new InjectSession(built.app)
      await session.get('/sign-in?returnUrl=%2Fpatients')
      const signIn = await session.post('/sign-in?returnUrl=%2Fpatients', {
        email: built.fixture.emailA('clinician'),
        password: 'correct horse battery staple'
      })
      assert.equal(signIn.statusCode, 303)
      assert.equal(signIn.headers.location, '/patients')
    })

    test('returnUrl to another site is ignored', async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      const res = await session.post('/sign-in?returnUrl=%2F%2Fevil.example', {
        email: built.fixture.emailA('clinician'),
        password: 'correct horse battery staple'
      })
      assert.equal(res.headers.location, '/home')
    })

    test('empty sign-in form: error summary and field messages, status 200, email kept', async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      const res = await session.post('/sign-in', { email: 'someone@org-a.test', password: '' })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<title>Error: Sign in/)
      assert.match(res.body, /nhsuk-error-summary/)
      assert.match(res.body, /<a href="#password">\s*Enter your password\s*<\/a>/)
      assert.match(res.body, /value="someone@org-a.test"/)
    })

    test('wrong password and unknown email give the same message', async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      const wrong = await session.post('/sign-in', {
        email: built.fixture.emailA('analyst'),
        password: 'not the right one'
      })
      const unknown = await session.post('/sign-in', { email: 'nobody@nowhere.test', password: 'not the right one' })
      for (const res of [wrong, unknown]) {
        assert.equal(res.statusCode, 200)
        assert.match(res.body, /Enter a correct email address and password/)
      }
    })

    // A locked account says what a wrong password says (finding 13, test/web/security/enumeration.test.ts):
    // the page no longer announces "Your account is locked"; the audit trail records the lock.
    test('five failures lock the account, even for the right password, and the lock is audited', async () => {
      const email = built.fixture.emailA('board')
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      for (let i = 0; i < 4; i++)
        assert.match(
          (await session.post('/sign-in', { email, password: `wrong guess ${i}` })).body,
          /Enter a correct email/
        )
      assert.match((await session.post('/sign-in', { email, password: 'wrong guess 5' })).body, /Enter a correct email/)
      const right = await session.post('/sign-in', { email, password: 'correct horse battery staple' })
      assert.equal(right.statusCode, 200)
      assert.match(right.body, /Enter a correct email/)
      assert.match(right.body, /an account is locked for 15 minutes/)
      const events = await built.database.db
        .selectFrom('audit_event')
        .select('action')
        .where('org_id', '=', built.fixture.orgA.id)
        .where('action', '=', 'account_locked')
        .execute()
      assert.equal(events.length, 1)
    })

    test('a POST without a valid CSRF token is refused and changes nothing', async () => {
      const session = await signedIn(built.app, built.fixture.emailA('clinician'))
      await session.get('/patients/new')
      const before = await built.database.db
        .selectFrom('patient')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      for (const csrf of [null, 'forged-token']) {
        const res = await session.post(
          '/patients/new',
          { nhsNumber: '999 000 0034', givenName: 'A', familyName: 'B' },
          { csrf }
        )
        assert.equal(res.statusCode, 403)
        assert.match(res.body, /Your form could not be sent/)
      }
      const afterCount = await built.database.db
        .selectFrom('patient')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      assert.equal(afterCount.n, before.n)
    })

    test('signing out ends the session', async () => {
      const session = await signedIn(built.app, built.fixture.emailA('receptionist'))
      assert.equal((await session.get('/home')).statusCode, 200)
      await session.get('/sign-out')
      const out = await session.post('/sign-out', {})
      assert.equal(out.statusCode, 303)
      assert.equal((await session.get('/home')).statusCode, 303)
    })

    test('healthz reports the process and the database', async () => {
      const res = await built.app.inject('/healthz')
      assert.equal(res.statusCode, 200)
      assert.equal(res.json().status, 'ok')
      assert.equal(res.json().database, kind)
    })
  })
}
