// Finding 6: after sign-in, `returnUrl` is followed only when it is a path on this site. A tab or
// newline after the first slash (browsers drop them: `/\t/evil.test` is `//evil.test`) used to be
// followed, and a newline gave a 500 after the session was created.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { InjectSession } from '../../helpers/browser-session.js'
import { fixturePassword } from '../../helpers/fixture.js'
import { safeReturnUrl } from '../../../src/web/plugins/auth.js'

const unsafe = [
  '/\t/evil.test',
  '/\n/evil.test',
  '/\r\nSet-Cookie: x=y',
  '//evil.test',
  '/\\evil.test',
  '/ /evil.test',
  '/\u00a0/evil.test',
  '/\u2028/evil.test',
  '/patients\u0000',
  '/patients\u0085',
  'https://evil.test/',
  'evil.test',
  '/',
  '',
  'javascript:alert(1)'
]

test('safeReturnUrl: one slash, then neither slash nor backslash, and no control character or space', () => {
  for (const value of unsafe) assert.equal(safeReturnUrl(value), '/home', JSON.stringify(value))
  assert.equal(safeReturnUrl(['/patients']), '/home')
  assert.equal(safeReturnUrl(undefined, ''), '')
  for (const value of ['/patients', '/patients/abc?x=1#top', '/a/b\\c', '/%2F%2Fevil.test'])
    assert.equal(safeReturnUrl(value), value)
})

for (const kind of await testDialects()) {
  describe(`returnUrl after sign-in (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    const sessions = async () =>
      Number(
        (
          await built.database.db
            .selectFrom('session')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )

    for (const payload of [
      '/%09/evil.test',
      '/%0a/evil.test',
      '/%0d%0aSet-Cookie:%20x=y',
      '/%20/evil.test',
      '/%5Cevil.test',
      '/%C2%A0/evil.test'
    ]) {
      test(`returnUrl=${payload} never leaves the site and never fails`, async () => {
        const session = new InjectSession(built.app)
        await session.get('/sign-in')
        const before = await sessions()
        const res = await session.post(`/sign-in?returnUrl=${payload}`, {
          email: built.fixture.emailA('clinician'),
          password: fixturePassword
        })
        assert.ok(res.statusCode < 500, `status ${res.statusCode}`)
        const location = String(res.headers.location ?? '')
        assert.doesNotMatch(location, /evil|Set-Cookie|[\s\\]/)
        if (res.statusCode === 303) assert.equal(location, '/home')
        else assert.equal(await sessions(), before, 'a refused request creates no session')
      })
    }

    test('a local returnUrl is still followed', async () => {
      const session = new InjectSession(built.app)
      await session.get('/sign-in?returnUrl=%2Fpatients%3Fx%3D1')
      assert.match(session.lastHtml, /action="\/sign-in\?returnUrl=%2Fpatients%3Fx%3D1"/)
      const res = await session.post('/sign-in?returnUrl=%2Fpatients%3Fx%3D1', {
        email: built.fixture.emailA('clinician'),
        password: fixturePassword
      })
      assert.equal(res.headers.location, '/patients?x=1')
    })
  })
}
