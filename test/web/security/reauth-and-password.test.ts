// ASVS gaps closed (issue 13): a change-password page that ends the other sessions (2.1.5, 2.1.6, 3.3.3);
// the password confirmed again before sensitive actions when it was last proved too long ago (3.7.1),
// with wrong attempts counted towards the lockout; passwords over 128 characters refused (2.1.2); the
// session cookie `__Host-` prefixed over HTTPS (3.4.4).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { InjectSession, signedIn } from '../../helpers/browser-session.js'
import { fixturePassword } from '../../helpers/fixture.js'

const [kind] = await testDialects()

describe(`re-authentication and password change (${kind})`, () => {
  let built: Built
  before(async () => {
    built = await build(kind!, {}, undefined, { records: true })
  })
  after(() => built.close())

  /** The session proved its password an hour ago. */
  const ageSession = (email: string) =>
    sql`update session set authenticated_at = now() - interval '1 hour'
        where user_id = (select id from staff_user where email = ${email})`.execute(built.database.db)

  test('a stale session confirms its password before adding staff, erasing records or exporting the audit trail', async () => {
    const email = built.fixture.emailA('admin')
    const admin = await signedIn(built.app, email)
    assert.equal((await admin.get('/admin/staff/new')).statusCode, 200)
    await ageSession(email)
    const patientId = built.records!.A.patientId
    for (const path of [
      '/admin/staff/new',
      `/patients/${patientId}/records`,
      `/patients/${patientId}/erase`,
      '/audit.csv'
    ]) {
      const res = await admin.get(path)
      assert.equal(res.statusCode, 303, path)
      assert.equal(res.headers.location, `/account/confirm?returnUrl=${encodeURIComponent(path)}`)
    }
    // a POST sent with a stale session does nothing and goes back to its form after the confirmation
    await admin.get('/account/password')
    const before = await built.database.db.selectFrom('staff_user').select('id').execute()
    const post = await admin.post(
      '/admin/staff/new',
      {
        displayName: 'New Person',
        email: 'new.person@org-a.test',
        role: 'clinician',
        password: 'maple lantern orbit'
      },
      {}
    )
    assert.equal(post.statusCode, 303)
    assert.match(String(post.headers.location), /^\/account\/confirm\?returnUrl=/)
    // with a Referer of this site it goes back to that form; another site's Referer is never followed
    const stalePost = (referer: string) =>
      built.app.inject({
        method: 'POST',
        url: '/admin/staff/new',
        headers: { cookie: admin.cookieHeader(), referer, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: admin.csrfToken() }).toString()
      })
    assert.equal(
      (await stalePost('http://localhost/admin/staff/new')).headers.location,
      `/account/confirm?returnUrl=${encodeURIComponent('/admin/staff/new')}`
    )
    assert.equal(
      (await stalePost('https://evil.test/admin/staff/new')).headers.location,
      `/account/confirm?returnUrl=${encodeURIComponent('/home')}`
    )
    assert.equal((await built.database.db.selectFrom('staff_user').select('id').execute()).length, before.length)
    // the confirmation page: empty and wrong passwords are field errors; the right one goes back
    const page = await admin.get('/account/confirm?returnUrl=%2Fadmin%2Fstaff%2Fnew')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Confirm your password/)
    const empty = await admin.post('/account/confirm?returnUrl=%2Fadmin%2Fstaff%2Fnew', { password: '' })
    assert.match(empty.body, /href="#password"/)
    const wrong = await admin.post('/account/confirm?returnUrl=%2Fadmin%2Fstaff%2Fnew', { password: 'not my password' })
    assert.equal(wrong.statusCode, 200)
    assert.match(wrong.body, /The password is not right/)
    const right = await admin.post('/account/confirm?returnUrl=%2Fadmin%2Fstaff%2Fnew', { password: fixturePassword })
    assert.equal(right.statusCode, 303)
    assert.equal(right.headers.location, '/admin/staff/new')
    assert.equal((await admin.get('/admin/staff/new')).statusCode, 200)
    // an off-site returnUrl is never followed
    await ageSession(email)
    await admin.get('/account/confirm?returnUrl=//evil.test')
    const offsite = await admin.post('/account/confirm?returnUrl=%2F%2Fevil.test', { password: fixturePassword })
    assert.equal(offsite.headers.location, '/home')
    const audit = await built.database.db
      .selectFrom('audit_event')
      .select(['action', 'detail'])
      .where(
        'actor_user_id',
        '=',
        (
          await built.database.db
            .selectFrom('staff_user')
            .select('id')
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
        ).id
      )
      .where('action', 'in', ['sign_in', 'sign_in_failed'])
      .orderBy('occurred_at')
      .execute()
    assert.deepEqual(
      audit
        .slice(-3)
        .map((a) => [
          a.action,
          (a.detail as Record<string, unknown> | null)?.scope ?? (a.detail as Record<string, unknown> | null)?.reason
        ]),
      [
        ['sign_in_failed', 'confirm'],
        ['sign_in', 'confirm'],
        ['sign_in', 'confirm']
      ]
    )
  })

  test('guessing at the confirmation locks the account and ends its sessions', async () => {
    const email = built.fixture.emailA('analyst')
    const analyst = await signedIn(built.app, email)
    await ageSession(email)
    let last: Awaited<ReturnType<InjectSession['post']>> | undefined
    for (let i = 0; i < 5; i++) {
      await analyst.get('/account/confirm?returnUrl=%2Fhome')
      last = await analyst.post('/account/confirm?returnUrl=%2Fhome', { password: `guess ${i} guess ${i}` })
    }
    assert.equal(last?.statusCode, 303)
    assert.equal(last?.headers.location, '/sign-in')
    assert.equal((await analyst.get('/home')).statusCode, 303)
    const sessions = await sql<{ n: string }>`select count(*) as n from session
      where user_id = (select id from staff_user where email = ${email})`.execute(built.database.db)
    assert.equal(Number(sessions.rows[0]?.n), 0)
  })

  test('changing the password: errors keep nothing secret, the old password stops working, other sessions end', async () => {
    const email = built.fixture.emailA('clinician')
    const here = await signedIn(built.app, email)
    const elsewhere = await signedIn(built.app, email)
    assert.equal((await here.get('/account')).statusCode, 200)
    const form = await here.get('/account/password')
    assert.match(form.body, /Change your password/)
    const empty = await here.post('/account/password', { currentPassword: '', newPassword: '', confirmPassword: '' })
    assert.match(empty.body, /href="#currentPassword"/)
    assert.match(empty.body, /href="#newPassword"/)
    const mismatch = await here.post('/account/password', {
      currentPassword: fixturePassword,
      newPassword: 'maple lantern orbit',
      confirmPassword: 'maple lantern orbits'
    })
    assert.match(mismatch.body, /The new passwords do not match/)
    const weak = await here.post('/account/password', {
      currentPassword: fixturePassword,
      newPassword: 'password1234',
      confirmPassword: 'password1234'
    })
    assert.match(weak.body, /Password is too common/)
    const tooLong = 'maple lantern orbit '.repeat(7)
    const long = await here.post('/account/password', {
      currentPassword: fixturePassword,
      newPassword: tooLong,
      confirmPassword: tooLong
    })
    assert.match(long.body, /128 characters or fewer/)
    const wrong = await here.post('/account/password', {
      currentPassword: 'not the password',
      newPassword: 'maple lantern orbit',
      confirmPassword: 'maple lantern orbit'
    })
    assert.match(wrong.body, /The password is not right/)
    assert.doesNotMatch(wrong.body, /maple lantern orbit|not the password/)
    const changed = await here.post('/account/password', {
      currentPassword: fixturePassword,
      newPassword: 'maple lantern orbit',
      confirmPassword: 'maple lantern orbit'
    })
    assert.equal(changed.statusCode, 303)
    assert.match((await here.get('/account')).body, /signed out on one other device/)
    assert.equal((await elsewhere.get('/home')).statusCode, 303)
    await assert.rejects(signedIn(built.app, email))
    const again = await signedIn(built.app, email, 'maple lantern orbit')
    assert.equal((await again.get('/home')).statusCode, 200)
  })
})

test('over HTTPS the session cookie is __Host- prefixed: Secure, Path=/, no Domain', async (t) => {
  const built = await build(
    kind!,
    { NODE_ENV: 'production', REACH_PUBLIC_URL: 'https://reach.example.nhs.uk', REACH_SEED_DEMO: 'false' },
    t
  )
  const page = await built.app.inject({ method: 'GET', url: '/sign-in' })
  const cookies = page.cookies as { name: string; value: string }[]
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const res = await built.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    },
    payload: new URLSearchParams({
      _csrf: csrf,
      email: built.fixture.emailA('clinician'),
      password: fixturePassword
    }).toString()
  })
  assert.equal(res.statusCode, 303)
  const header = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('__Host-reach_session='))
  assert.ok(header, 'a __Host- session cookie')
  assert.match(String(header), /; Secure/)
  assert.match(String(header), /; Path=\//)
  assert.doesNotMatch(String(header), /Domain=/i)
})

// ASVS 2.1.7: a password that no longer meets the rules still signs in, then must be changed at once.
test('a password that no longer meets the rules is changed straight after signing in', async (t) => {
  const built = await build(kind!, {}, t)
  const { hashPassword } = await import('../../../src/security/password-hash.js')
  const old = 'maple lantern orbit '.repeat(7)
  await built.database.db
    .updateTable('staff_user')
    .set({ password_hash: await hashPassword(old) })
    .where('email', '=', built.fixture.emailA('analyst'))
    .execute()
  const session = new InjectSession(built.app)
  const res = await session.signIn(built.fixture.emailA('analyst'), old)
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, '/account/password')
  assert.match((await session.get('/account/password')).body, /easy to guess or no longer meets the rules/)
})

// ASVS 13.2.3 and 14.4.2: the one POST without a CSRF token (FHIR JSON) refuses another site's Origin, and
// API answers are attachments.
test('FHIR import refuses a cross-site Origin; JSON answers carry Content-Disposition', async (t) => {
  const built = await build(kind!, {}, t)
  const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
  const res = await built.app.inject({
    method: 'POST',
    url: '/fhir/QuestionnaireResponse',
    headers: { cookie: clinician.cookieHeader(), 'content-type': 'application/fhir+json', origin: 'https://evil.test' },
    payload: '{}'
  })
  assert.equal(res.statusCode, 403)
  assert.match(res.body, /"code":"security"/)
  const same = await built.app.inject({
    method: 'POST',
    url: '/fhir/QuestionnaireResponse',
    headers: {
      cookie: clinician.cookieHeader(),
      'content-type': 'application/fhir+json',
      origin: 'http://localhost:80'
    },
    payload: '{}'
  })
  assert.notEqual(same.statusCode, 403)
  const health = await built.app.inject({ method: 'GET', url: '/healthz' })
  assert.equal(health.headers['content-disposition'], 'attachment; filename="api.json"')
})
