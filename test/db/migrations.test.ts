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

    test('row-level security of programmes: seen by the organisations of their system, written by the lead; shares by their own organisation', async () => {
      const systemA = (
        await database.db
          .selectFrom('organisation')
          .select('system_id')
          .where('id', '=', fixture.orgA.id)
          .executeTakeFirstOrThrow()
      ).system_id
      const other = await database.db
        .insertInto('system')
        .values({ code: 'RLS-OTHER', name: 'Other', is_synthetic: true })
        .returning('id')
        .executeTakeFirstOrThrow()
      const orgC = await database.db
        .insertInto('organisation')
        .values({ system_id: other.id, code: 'RLS-C', name: 'C', kind: 'trust', is_synthetic: true })
        .returning('id')
        .executeTakeFirstOrThrow()
      const programme = await withOrg(database, fixture.orgA.id, (trx) =>
        trx
          .insertInto('qi_programme')
          .values({ system_id: systemA, lead_org_id: fixture.orgA.id, name: 'P', aim: null, created_by: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      )
      const project = await withOrg(database, fixture.orgA.id, (trx) =>
        trx
          .insertInto('qi_project')
          .values({ org_id: fixture.orgA.id, name: 'Shared', aim: null, team_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      )
      await withOrg(database, fixture.orgA.id, (trx) =>
        trx
          .insertInto('qi_programme_project')
          .values({ org_id: fixture.orgA.id, programme_id: programme.id, project_id: project.id, shared_by: null })
          .execute()
      )
      const seenBy = (orgId: string) =>
        withOrg(database, orgId, async (trx) => ({
          programmes: (await trx.selectFrom('qi_programme').select('id').execute()).length,
          shares: (await trx.selectFrom('qi_programme_project').select('project_id').execute()).length,
          projects: (await trx.selectFrom('qi_project').select('id').where('id', '=', project.id).execute()).length
        }))
      // B (same system) sees the programme and the share row, not the project's own row; C sees nothing
      assert.deepEqual(await seenBy(fixture.orgB.id), { programmes: 1, shares: 1, projects: 0 })
      assert.deepEqual(await seenBy(orgC.id), { programmes: 0, shares: 0, projects: 0 })
      // B cannot change A's programme, nor share A's project, nor add a programme to another system
      const renamed = await withOrg(database, fixture.orgB.id, (trx) =>
        trx.updateTable('qi_programme').set({ name: 'Taken' }).where('id', '=', programme.id).executeTakeFirst()
      )
      assert.equal(Number(renamed.numUpdatedRows), 0)
      await assert.rejects(
        withOrg(database, fixture.orgB.id, (trx) =>
          trx
            .insertInto('qi_programme_project')
            .values({ org_id: fixture.orgA.id, programme_id: programme.id, project_id: project.id, shared_by: null })
            .execute()
        )
      )
      await assert.rejects(
        withOrg(database, fixture.orgB.id, (trx) =>
          trx
            .insertInto('qi_programme')
            .values({ system_id: other.id, lead_org_id: fixture.orgB.id, name: 'Q', aim: null, created_by: null })
            .execute()
        )
      )
      const removed = await withOrg(database, fixture.orgB.id, (trx) =>
        trx.deleteFrom('qi_programme_project').where('programme_id', '=', programme.id).executeTakeFirst()
      )
      assert.equal(Number(removed.numDeletedRows), 0)
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
