// Migrations, the append-only audit trail and row-level security, on every test database.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { withOrg, type ReachDatabase } from '../../src/db/connect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { recordAudit } from '../../src/db/repositories/audit.js'
import { findPatient, searchPatients } from '../../src/db/repositories/patients.js'
import { freshDatabase, testDialects } from '../helpers/databases.js'
import { loadFixture, type Fixture } from '../helpers/fixture.js'

for (const kind of await testDialects()) {
  describe(`database (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
    })
    after(async () => database.close())

    test('migrations are applied once and re-running is a no-op', async () => {
      assert.deepEqual(await migrateToLatest(database.db), [])
      const tables = await sql<{
        table_name: string
      }>`select table_name from information_schema.tables where table_schema = 'public' order by 1`.execute(database.db)
      for (const t of ['audit_event', 'organisation', 'patient', 'session', 'staff_user', 'system', 'team']) {
        assert.ok(
          tables.rows.some((r) => r.table_name === t),
          `table ${t}`
        )
      }
    })

    test('organisation data leads its primary key with org_id', async () => {
      const rows = await sql<{ table_name: string; column_name: string }>`
        select tc.table_name, kcu.column_name from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.ordinal_position = 1
        where tc.constraint_type = 'PRIMARY KEY' and tc.table_name in ('team', 'staff_user', 'patient', 'audit_event')`.execute(
        database.db
      )
      assert.equal(rows.rows.length, 4)
      for (const r of rows.rows) assert.equal(r.column_name, 'org_id', r.table_name)
    })

    test('the audit trail is append-only', async () => {
      await recordAudit(database.db, {
        orgId: fixture.orgA.id,
        actorUserId: null,
        actorRole: 'test',
        action: 'view',
        entityType: 'patient'
      })
      await assert.rejects(sql`update audit_event set action = 'changed'`.execute(database.db), /append-only/)
      await assert.rejects(sql`delete from audit_event`.execute(database.db), /append-only/)
      await assert.rejects(sql`truncate audit_event`.execute(database.db), /append-only/)
    })

    test("row-level security: inside withOrg, another organisation's rows are invisible even without a filter", async () => {
      assert.equal(database.rlsRole, true)
      const seen = await withOrg(database, fixture.orgA.id, async (trx) => {
        const all = await trx.selectFrom('patient').select(['org_id']).execute()
        return all.map((r) => r.org_id)
      })
      assert.ok(seen.length === 3 && seen.every((id) => id === fixture.orgA.id))
      await assert.rejects(
        withOrg(database, fixture.orgA.id, (trx) =>
          trx
            .insertInto('patient')
            .values({
              org_id: fixture.orgB.id,
              nhs_number: '9990000034',
              given_name: 'X',
              family_name: 'Y',
              date_of_birth: '2000-01-01',
              postcode: null,
              sex: '1',
              ethnic_category: null,
              main_language: null,
              interpreter_needed: false,
              disability: null,
              team_id: null
            })
            .execute()
        )
      )
    })

    test('repositories scope every query by organisation', async () => {
      const bPatient = fixture.orgB.patients[0]!
      assert.equal(await findPatient(database.db, fixture.orgA.id, bPatient.id), undefined)
      assert.ok(await findPatient(database.db, fixture.orgB.id, bPatient.id))
      assert.deepEqual(
        await searchPatients(database.db, fixture.orgA.id, { by: 'nhs-number', nhsNumber: bPatient.nhsNumber }),
        []
      )
      assert.equal(await findPatient(database.db, fixture.orgA.id, 'not-a-uuid'), undefined)
    })
  })
}
