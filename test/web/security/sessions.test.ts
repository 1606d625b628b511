// Finding 12: a session has an absolute lifetime (REACH_SESSION_MAX_HOURS, default 12) besides its
// idle timeout, and staff can sign out everywhere, themselves or (administrators) for anyone in
// their organisation, audited.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { build, testConfig, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { signedIn } from '../../helpers/browser-session.js'

test('REACH_SESSION_MAX_HOURS: default 12, checked', () => {
  assert.equal(testConfig().sessionMaxHours, 12)
  assert.equal(testConfig({ REACH_SESSION_MAX_HOURS: '4' }).sessionMaxHours, 4)
  assert.throws(() => testConfig({ REACH_SESSION_MAX_HOURS: '0' }), /REACH_SESSION_MAX_HOURS/)
})

for (const kind of await testDialects()) {
  describe(`session lifetime and sign out everywhere (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    const userId = async (email: string) =>
      (
        await built.database.db
          .selectFrom('staff_user')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id
    const liveSessions = async (email: string) =>
      Number(
        (
          await built.database.db
            .selectFrom('session')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('user_id', '=', await userId(email))
            .where('expires_at', '>', sql<Date>`now()`)
            .executeTakeFirstOrThrow()
        ).n
      )
    /** Moves every session of a user back in time, as if signed in `hours` ago and active all along. */
    const age = async (email: string, hours: number) =>
      built.database.db
        .updateTable('session')
        .set({
          created_at: sql`now() - make_interval(mins => ${Math.round(hours * 60)})`,
          expires_at: sql`now() + interval '20 minutes'`
        })
        .where('user_id', '=', await userId(email))
        .execute()

    test('an active session ends 12 hours after sign-in, however busy', async () => {
      const email = built.fixture.emailA('analyst')
      const session = await signedIn(built.app, email)
      await age(email, 11)
      assert.equal((await session.get('/home')).statusCode, 200, 'at 11 hours it still works')
      const row = await built.database.db
        .selectFrom('session')
        .select(sql<boolean>`expires_at <= created_at + interval '12 hours'`.as('capped'))
        .where('user_id', '=', await userId(email))
        .executeTakeFirstOrThrow()
      assert.equal(row.capped, true, 'sliding never passes the absolute lifetime')
      await age(email, 12.5)
      const res = await session.get('/home')
      assert.equal(res.statusCode, 303)
      assert.match(String(res.headers.location), /^\/sign-in/)
    })

    test('a user signs out everywhere from the sign-out page: every session ends, audited', async () => {
      const email = built.fixture.emailA('receptionist')
      const laptop = await signedIn(built.app, email)
      const phone = await signedIn(built.app, email)
      assert.equal(await liveSessions(email), 2)
      assert.match((await laptop.get('/sign-out')).body, /href="\/sign-out\/everywhere"/)
      const page = await laptop.get('/sign-out/everywhere')
      assert.match(page.body, /action="\/sign-out\/everywhere"/)
      const res = await laptop.post('/sign-out/everywhere', {})
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/sign-in')
      assert.equal((await phone.get('/home')).statusCode, 303, 'the other device is signed out')
      assert.equal((await laptop.get('/home')).statusCode, 303, 'and this one')
      assert.equal(await liveSessions(email), 0)
      const audit = await built.database.db
        .selectFrom('audit_event')
        .select(['action', 'actor_user_id', 'entity_id', 'detail'])
        .where('action', '=', 'sign_out')
        .where('entity_id', '=', await userId(email))
        .execute()
      assert.equal(audit.length, 1)
      assert.equal(audit[0]?.actor_user_id, await userId(email))
      assert.deepEqual(audit[0]?.detail, { scope: 'everywhere', sessionsEnded: 2 })
    })

    test('an administrator signs a member of staff out everywhere from /admin/staff, audited', async () => {
      const email = built.fixture.emailA('champion')
      const target = await signedIn(built.app, email)
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      const list = await admin.get('/admin/staff')
      const action = `/admin/staff/${await userId(email)}/sign-out-everywhere`
      assert.ok(list.body.includes(`action="${action}"`), 'the staff list has the button')
      const res = await admin.post(action, {})
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/staff')
      assert.equal((await target.get('/home')).statusCode, 303, 'the member of staff is signed out')
      assert.equal((await admin.get('/admin/staff')).statusCode, 200, 'the administrator is not')
      assert.match(admin.lastHtml, /champion of ORG-A is signed out on every device/)
      const audit = await built.database.db
        .selectFrom('audit_event')
        .select(['actor_user_id', 'actor_role', 'detail'])
        .where('action', '=', 'sign_out')
        .where('entity_id', '=', await userId(email))
        .executeTakeFirstOrThrow()
      assert.equal(audit.actor_user_id, await userId(built.fixture.emailA('admin')))
      assert.equal(audit.actor_role, 'admin')
      assert.deepEqual(audit.detail, { scope: 'everywhere', sessionsEnded: 1 })
    })

    test("an administrator cannot sign out another organisation's staff, nor can a non-administrator", async () => {
      const emailB = built.fixture.emailB('clinician')
      const other = await signedIn(built.app, emailB)
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      await admin.get('/admin/staff')
      const res = await admin.post(`/admin/staff/${await userId(emailB)}/sign-out-everywhere`, {})
      assert.equal(res.statusCode, 404)
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      await clinician.get('/home')
      const denied = await clinician.post(
        `/admin/staff/${await userId(built.fixture.emailA('qi_lead'))}/sign-out-everywhere`,
        {}
      )
      assert.equal(denied.statusCode, 403)
      assert.equal((await other.get('/home')).statusCode, 200)
    })
  })
}
