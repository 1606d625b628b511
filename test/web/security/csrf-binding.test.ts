// Finding 10: a CSRF token works only with the session it was made for. A token from a signed-out
// page (someone else's, or this browser's before sign-in) is refused on a signed-in POST, and
// tokens from before a sign-out are refused after signing in again.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { InjectSession, signedIn } from '../../helpers/browser-session.js'

const newPatient = {
  nhsNumber: '999 000 0034',
  givenName: 'Csrf',
  familyName: 'Target',
  'dateOfBirth[day]': '1',
  'dateOfBirth[month]': '2',
  'dateOfBirth[year]': '1950',
  postcode: 'e8 1dy',
  sex: '2',
  ethnicCategory: 'N',
  mainLanguage: 'en',
  interpreterNeeded: 'no',
  disability: 'no'
}

/** The value of one cookie in a cookie header. */
function cookie(header: string, name: string): string {
  const pair = header.split('; ').find((c) => c.startsWith(`${name}=`))
  assert.ok(pair, `cookie ${name}`)
  return pair
}

for (const kind of await testDialects()) {
  describe(`CSRF tokens are bound to the session (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    const patients = async () =>
      Number(
        (
          await built.database.db
            .selectFrom('patient')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )

    test("an attacker's signed-out token and secret cookie do not work with a victim's session", async () => {
      const victim = await signedIn(built.app, built.fixture.emailA('clinician'))
      const attacker = new InjectSession(built.app)
      await attacker.get('/sign-in')
      const token = attacker.csrfToken()
      assert.ok(token)
      const before = await patients()
      const body = new URLSearchParams({ _csrf: token, ...newPatient }).toString()
      const res = await built.app.inject({
        method: 'POST',
        url: '/patients/new',
        payload: body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${cookie(victim.cookieHeader(), 'reach_session')}; ${cookie(attacker.cookieHeader(), 'reach_csrf')}`
        }
      })
      assert.equal(res.statusCode, 403)
      assert.match(res.body, /Your form could not be sent/)
      assert.equal(await patients(), before)
    })

    test("this browser's token from before sign-in is refused after it", async () => {
      const session = new InjectSession(built.app)
      await session.get('/about')
      const anonymousToken = session.csrfToken()
      await session.signIn(built.fixture.emailA('clinician'))
      const res = await session.post('/patients/new', newPatient, { csrf: anonymousToken })
      assert.equal(res.statusCode, 403)
    })

    test('a token from before sign-out is refused after signing in again', async () => {
      const session = await signedIn(built.app, built.fixture.emailA('clinician'))
      await session.get('/patients/new')
      const oldToken = session.csrfToken()
      await session.get('/sign-out')
      assert.equal((await session.post('/sign-out', {})).statusCode, 303)
      assert.equal((await session.signIn(built.fixture.emailA('clinician'))).statusCode, 303)
      const before = await patients()
      const res = await session.post('/patients/new', newPatient, { csrf: oldToken })
      assert.equal(res.statusCode, 403)
      assert.equal(await patients(), before)
    })

    test("one user's token does not work in another user's session", async () => {
      const a = await signedIn(built.app, built.fixture.emailA('clinician'))
      await a.get('/patients/new')
      const b = await signedIn(built.app, built.fixture.emailA('receptionist'))
      await b.get('/patients/new')
      assert.equal((await b.post('/patients/new', newPatient, { csrf: a.csrfToken() })).statusCode, 403)
    })

    test("the session's own token works, and sign-in rotates the signed-out secret", async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      const before = cookie(session.cookieHeader(), 'reach_csrf')
      await session.post('/sign-in', {
        email: built.fixture.emailA('clinician'),
        password: 'correct horse battery staple'
      })
      assert.ok(!session.cookieHeader().includes(before), 'the signed-out secret is dropped at sign-in')
      await session.get('/patients/new')
      const res = await session.post('/patients/new', newPatient)
      assert.equal(res.statusCode, 303)
    })
  })
}
