// The staff use cases on their own: sign-in (failures look alike, the audit trail tells them apart),
// sign out everywhere (scoped to the organisation, audited) and adding an account (one answer for
// a taken email, wherever it is taken).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { fixturePassword, loadFixture, type Fixture } from '../../helpers/fixture.js'
import type { ReachDatabase } from '../../../src/db/connect.js'
import { withOrg } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { signIn } from '../../../src/app/staff/sign-in.js'
import { signOutEverywhere } from '../../../src/app/staff/sign-out-everywhere.js'
import { createStaffAccount, EmailUnavailableError } from '../../../src/app/staff/create-staff-account.js'

const settings = { maxFailures: 3, lockMinutes: 15, lifetime: { idleMinutes: 30, maxHours: 12 } }
const client = { ip: '127.0.0.1', userAgent: 'test' }

for (const kind of await testDialects()) {
  describe(`staff use cases (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
    })
    after(() => database.close())

    const staff = async (email: string) =>
      database.db.selectFrom('staff_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow()
    const actorFor = async (email: string): Promise<Actor> => {
      const row = await staff(email)
      return {
        orgId: row.org_id,
        userId: row.id,
        role: row.role as Actor['role'],
        teamId: null,
        ip: null,
        userAgent: null
      }
    }
    const attempt = (email: string, password: string) =>
      database.db.transaction().execute((trx) => signIn(trx, client, { email, password }, settings))

    test('sign-in: success opens a session; failures say why only to the caller and the audit trail', async () => {
      const email = fixture.emailA('qi_lead')
      const ok = await attempt(email, fixturePassword)
      assert.equal(ok.ok, true)
      assert.deepEqual(await attempt('nobody@nowhere.test', 'x'), {
        ok: false,
        reason: 'unknown_account',
        userId: null,
        lockedNow: false
      })
      assert.equal((await attempt(email, 'wrong 1')).ok, false)
      assert.equal((await attempt(email, 'wrong 2')).ok, false)
      const third = await attempt(email, 'wrong 3')
      assert.ok(!third.ok && third.reason === 'wrong_password' && third.lockedNow)
      const locked = await attempt(email, fixturePassword)
      assert.ok(!locked.ok && locked.reason === 'locked')
      const actions = await database.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity_id', '=', (await staff(email)).id)
        .orderBy('occurred_at')
        .execute()
      assert.deepEqual(
        actions.map((a) => a.action),
        ['sign_in', 'sign_in_failed', 'sign_in_failed', 'account_locked', 'sign_in_failed']
      )
    })

    test('sign out everywhere: ends every session of the user, only in the actor’s organisation', async () => {
      const email = fixture.emailA('champion')
      await attempt(email, fixturePassword)
      await attempt(email, fixturePassword)
      const admin = await actorFor(fixture.emailA('admin'))
      const target = await staff(email)
      const result = await withOrg(database, admin.orgId, (trx) => signOutEverywhere(trx, admin, { userId: target.id }))
      assert.deepEqual(result, { sessionsEnded: 2, displayName: target.display_name })
      const left = await sql<{ n: string }>`select count(*) as n from session where user_id = ${target.id}`.execute(
        database.db
      )
      assert.equal(Number(left.rows[0]?.n), 0)
      const adminB = await actorFor(fixture.emailB('admin'))
      await assert.rejects(
        withOrg(database, adminB.orgId, (trx) => signOutEverywhere(trx, adminB, { userId: target.id })),
        NotFoundError
      )
      const clinician = await actorFor(fixture.emailA('clinician'))
      await assert.rejects(
        withOrg(database, clinician.orgId, (trx) => signOutEverywhere(trx, clinician, { userId: target.id })),
        NotFoundError
      )
    })

    test('adding an account: a taken email is unavailable, here or in another organisation', async () => {
      const admin = await actorFor(fixture.emailA('admin'))
      const add = (email: string) =>
        withOrg(database, admin.orgId, (trx) =>
          createStaffAccount(trx, admin, {
            displayName: 'Someone New',
            email,
            role: 'analyst',
            password: 'a long enough passphrase'
          })
        )
      await assert.rejects(add(fixture.emailA('analyst')), EmailUnavailableError)
      await assert.rejects(add(fixture.emailB('clinician')), EmailUnavailableError)
      const created = await add('someone.new@org-a.test')
      const row = await database.db
        .selectFrom('staff_user')
        .select(['org_id', 'role'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row, { org_id: admin.orgId, role: 'analyst' })
    })
  })
}
