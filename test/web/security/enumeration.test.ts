// Finding 13: the sign-in page says the same for a locked account as for a wrong password or an
// unknown email (the audit trail still records the lockout), and adding a staff account says the
// same for an email taken in another organisation as for one taken in this one.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { InjectSession, signedIn } from '../../helpers/browser-session.js'
import { fixturePassword } from '../../helpers/fixture.js'

/** The page without what differs between any two renders (the CSRF token and the typed email). */
function normalise(body: string, email: string): string {
  return body
    .replace(/name="_csrf" value="[^"]+"/g, '')
    .replaceAll(email, 'EMAIL')
    .replaceAll(email.toLowerCase(), 'EMAIL')
}

for (const kind of await testDialects()) {
  describe(`no account enumeration (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    test('a locked account gets exactly the page an unknown email gets; the audit trail knows', async () => {
      const email = built.fixture.emailA('board')
      const unknown = 'nobody@org-a.test'
      const session = new InjectSession(built.app)
      await session.get('/sign-in')
      const pages: string[] = []
      for (let i = 0; i < 5; i++)
        pages.push(normalise((await session.post('/sign-in', { email, password: `wrong guess ${i}` })).body, email))
      const right = await session.post('/sign-in', { email, password: fixturePassword })
      assert.equal(right.statusCode, 200, 'the right password does not open a locked account')
      assert.equal(
        String(right.headers['set-cookie'] ?? '').includes('reach_session='),
        false,
        String(right.headers['set-cookie'])
      )
      pages.push(normalise(right.body, email))
      const stranger = normalise((await session.post('/sign-in', { email: unknown, password: 'wrong' })).body, unknown)
      for (const page of pages) {
        assert.equal(page, stranger)
        assert.match(page, /Enter a correct email address and password/)
        assert.doesNotMatch(page, /Your account is locked/)
      }
      const audit = await built.database.db
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('org_id', '=', built.fixture.orgA.id)
        .where('entity_type', '=', 'staff_user')
        .where('action', 'in', ['account_locked', 'sign_in_failed'])
        .orderBy('occurred_at')
        .execute()
      assert.equal(audit.filter((a) => a.action === 'account_locked').length, 1)
      assert.ok(
        audit.some((a) => a.action === 'sign_in_failed' && (a.detail as { reason?: string }).reason === 'locked')
      )
    })

    test('adding staff: an email taken in another organisation gets the answer one taken here gets', async () => {
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      const answer = async (email: string) => {
        await admin.get('/admin/staff/new')
        const res = await admin.post('/admin/staff/new', {
          displayName: 'New Person',
          email,
          role: 'clinician',
          password: 'a long enough passphrase here'
        })
        assert.equal(res.statusCode, 200)
        return normalise(res.body, email)
      }
      const here = await answer(built.fixture.emailA('analyst'))
      const elsewhere = await answer(built.fixture.emailB('clinician'))
      const elsewhereUpper = await answer(built.fixture.emailB('admin').toUpperCase())
      assert.match(here, /This email address cannot be used for a new account/)
      assert.equal(elsewhere, here)
      assert.equal(elsewhereUpper, here)
      for (const page of [here, elsewhere]) assert.doesNotMatch(page, /already exists|another organisation/)
      const count = await built.database.db
        .selectFrom('staff_user')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('display_name', '=', 'New Person')
        .executeTakeFirstOrThrow()
      assert.equal(Number(count.n), 0)
    })
  })
}
