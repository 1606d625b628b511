// Two-step sign-in (issue 13, ASVS 2.2.2 and 2.8): staff set it up from their account or, when their role
// must use it (REACH_TWO_STEP_ROLES; `admin` in production by default), at their first sign-in; then the
// right password alone opens no session; a wrong code counts towards the lockout and a code works once;
// an administrator resets it for someone who lost their phone.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, testConfig, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { InjectSession, signedIn } from '../../helpers/browser-session.js'
import { fixturePassword } from '../../helpers/fixture.js'
import { totpCode } from '../../../src/security/totp.js'

const [kind] = await testDialects()

/** The key shown beside the QR code, without its spaces. */
const keyOn = (html: string) =>
  (/<code class="reach-secret">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1] ?? '').replace(/ /g, '')

test('REACH_TWO_STEP_ROLES: admin in production by default, none otherwise, and only real roles', () => {
  assert.deepEqual(testConfig().twoStepRoles, [])
  assert.deepEqual(testConfig({ REACH_TWO_STEP_ROLES: 'admin, qi_lead' }).twoStepRoles, ['admin', 'qi_lead'])
  assert.deepEqual(
    testConfig({ NODE_ENV: 'production', REACH_PUBLIC_URL: 'https://reach.example.nhs.uk' }).twoStepRoles,
    ['admin']
  )
  assert.throws(() => testConfig({ REACH_TWO_STEP_ROLES: 'admin,superuser' }), /must list roles/)
})

describe(`two-step sign-in (${kind})`, () => {
  let built: Built
  before(async () => {
    built = await build(kind!, { REACH_TWO_STEP_ROLES: 'admin' })
  })
  after(() => built.close())
  const userRow = (email: string) =>
    built.database.db.selectFrom('staff_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow()

  test('set up from the account; then the password alone opens no session, the code does, once', async () => {
    const email = built.fixture.emailA('clinician')
    const clinician = await signedIn(built.app, email)
    const setUp = await clinician.get('/account/two-step')
    assert.equal(setUp.statusCode, 200)
    assert.match(setUp.body, /<svg role="img" aria-label="QR code for your authenticator app"/)
    const secret = keyOn(setUp.body)
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.equal(keyOn((await clinician.get('/account/two-step')).body), secret, 'a reload keeps the same key')
    const wrong = await clinician.post('/account/two-step', { code: '000000' })
    assert.match(wrong.body, /The code is not right/)
    const on = await clinician.post('/account/two-step', { code: totpCode(secret) })
    assert.equal(on.statusCode, 303)
    assert.ok((await userRow(email)).totp_enrolled_at)

    // signing in again: the password leads to the code page, without a session
    const next = new InjectSession(built.app)
    const password = await next.signIn(email)
    assert.equal(password.statusCode, 303)
    assert.equal(password.headers.location, '/sign-in/code')
    assert.ok(!String(password.headers['set-cookie'] ?? '').includes('reach_session='))
    assert.equal((await next.get('/home')).statusCode, 303)
    await next.get('/sign-in/code')
    const bad = await next.post('/sign-in/code', { code: '123456' })
    assert.equal(bad.statusCode, 200)
    assert.match(bad.body, /The code is not right/)
    // the code of the step used to set up is refused (never twice); the next step's code opens the session
    const lastStep = Number((await userRow(email)).totp_last_step)
    const used = await next.post('/sign-in/code', { code: totpCode(secret, lastStep * 30_000) })
    assert.match(used.body, /The code is not right/)
    const ok = await next.post('/sign-in/code', { code: totpCode(secret, (lastStep + 1) * 30_000) })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/home')
    assert.equal((await next.get('/home')).statusCode, 200)
  })

  test('a role that must use it sets it up at the first sign-in', async () => {
    const email = built.fixture.emailA('admin')
    const admin = new InjectSession(built.app)
    const res = await admin.signIn(email)
    assert.equal(res.headers.location, '/sign-in/set-up')
    const page = await admin.get('/sign-in/set-up')
    assert.match(page.body, /Set up two-step sign-in/)
    const secret = keyOn(page.body)
    const done = await admin.post('/sign-in/code', { code: totpCode(secret) })
    assert.equal(done.statusCode, 303)
    assert.equal((await admin.get('/admin/staff')).statusCode, 200)
    // it cannot be turned off by someone whose role needs it
    const account = await admin.get('/account/two-step')
    assert.match(account.body, /Your role needs it/)
    assert.doesNotMatch(account.body, /Turn off/)
  })

  test('no proof of the password, a forged one or an expired one: back to sign in', async () => {
    const anonymous = new InjectSession(built.app)
    const res = await anonymous.get('/sign-in/code')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/sign-in')
    const clinician = await built.database.db
      .selectFrom('staff_user')
      .select(['id', 'org_id'])
      .where('email', '=', built.fixture.emailA('clinician'))
      .executeTakeFirstOrThrow()
    const forged = JSON.stringify({ orgId: clinician.org_id, userId: clinician.id, expires: Date.now() + 60_000 })
    const attempt = await built.app.inject({
      method: 'GET',
      url: '/sign-in/code',
      headers: { cookie: `reach_two_step=${encodeURIComponent(forged)}` }
    })
    assert.equal(attempt.statusCode, 303)
  })

  test('wrong codes lock the account like wrong passwords; an administrator resets a lost phone', async () => {
    const email = built.fixture.emailA('clinician')
    const next = new InjectSession(built.app)
    await next.signIn(email)
    let last = await next.get('/sign-in/code')
    for (let i = 0; i < 5; i++) {
      await next.get('/sign-in/code')
      last = await next.post('/sign-in/code', { code: String(100000 + i) })
    }
    assert.equal(last.statusCode, 303)
    assert.equal(last.headers.location, '/sign-in')
    assert.ok((await userRow(email)).locked_until)
    await built.database.db
      .updateTable('staff_user')
      .set({ locked_until: null, failed_login_count: 0 })
      .where('email', '=', email)
      .execute()

    // the administrator (signed in with their own two steps) resets the clinician's
    const adminRow = await userRow(built.fixture.emailA('admin'))
    const admin = new InjectSession(built.app)
    await admin.signIn(built.fixture.emailA('admin'))
    await admin.get('/sign-in/code')
    const code = totpCode(adminRow.totp_secret ?? '', (Number(adminRow.totp_last_step) + 1) * 30_000)
    assert.equal((await admin.post('/sign-in/code', { code })).statusCode, 303)
    const list = await admin.get('/admin/staff')
    assert.match(list.body, /Reset two-step sign-in<span class="nhsuk-u-visually-hidden">: clinician of ORG-A/)
    const clinician = await userRow(email)
    const reset = await admin.post(`/admin/staff/${clinician.id}/reset-two-step`, {})
    assert.equal(reset.statusCode, 303)
    const after = await userRow(email)
    assert.equal(after.totp_secret, null)
    assert.equal(after.totp_enrolled_at, null)
    const again = new InjectSession(built.app)
    assert.equal((await again.signIn(email, fixturePassword)).headers.location, '/home')
    const audit = await built.database.db
      .selectFrom('audit_event')
      .select('detail')
      .where('entity_id', '=', clinician.id)
      .where('action', '=', 'update')
      .execute()
    assert.ok(audit.some((a) => (a.detail as Record<string, unknown> | null)?.change === 'two-step reset'))
  })
})
