// reach retention purge: prints what it will delete per organisation first; --dry-run deletes
// nothing; a purge deletes only what is older than the periods (screenings and audit rows, even
// though the audit trail is otherwise append-only) and records itself in the audit trail.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { runReach } from '../helpers/run-cli.js'
import { loadFixture } from '../helpers/fixture.js'
import { addRecords } from '../helpers/records.js'
import { connectDatabase } from '../../src/db/connect.js'

test('retention purge: dry run, then purge of what is older than the periods only', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'reach-retention-'))
  const saved = { ...process.env }
  try {
    delete process.env.DATABASE_URL
    Object.assign(process.env, {
      NODE_ENV: 'test',
      REACH_SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      REACH_LOG_LEVEL: 'silent',
      REACH_DATA_DIR: dir
    })
    assert.equal((await runReach(['migrate'])).code, 0)
    const database = await connectDatabase({ pgliteDir: join(dir, 'pglite') })
    const fixture = await loadFixture(database.db)
    const records = await addRecords(database.db, fixture)
    const old = new Date('2010-01-15T10:00:00Z')
    await database.db
      .updateTable('screening')
      .set({ screened_at: old })
      .where('id', '=', records.A.screeningId)
      .execute()
    await database.db
      .insertInto('audit_event')
      .values({
        org_id: fixture.orgA.id,
        actor_user_id: null,
        actor_role: null,
        action: 'view',
        entity_type: 'patient',
        occurred_at: old
      })
      .execute()
    await database.db
      .insertInto('audit_event')
      .values({
        org_id: fixture.orgA.id,
        actor_user_id: null,
        actor_role: null,
        action: 'view',
        entity_type: 'patient'
      })
      .execute()
    await database.close()

    const dry = await runReach(['retention', 'purge', '--dry-run'])
    assert.equal(dry.code, 0, dry.stderr)
    assert.match(dry.stdout, /ORG-A\t1\t1\n/)
    assert.match(dry.stdout, /dry run: nothing was deleted/)

    const purge = await runReach(['retention', 'purge'])
    assert.equal(purge.code, 0, purge.stderr)
    assert.match(purge.stdout, /deleted 2 rows/)

    const after = await connectDatabase({ pgliteDir: join(dir, 'pglite') })
    try {
      const screenings = await after.db.selectFrom('screening').select(['id']).execute()
      assert.deepEqual(
        screenings.map((s) => s.id),
        [records.B.screeningId]
      )
      const referral = await after.db
        .selectFrom('referral')
        .select('screening_id')
        .where('id', '=', records.A.referralId)
        .executeTakeFirstOrThrow()
      assert.equal(referral.screening_id, null, 'the referral stays, without its purged screening')
      const oldAudit = await after.db
        .selectFrom('audit_event')
        .select('id')
        .where('occurred_at', '<', new Date('2011-01-01'))
        .execute()
      assert.equal(oldAudit.length, 0)
      const purgeRow = await after.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'retention')
        .execute()
      assert.equal(purgeRow.length, 1)
      // outside the purge the audit trail is still append-only
      await assert.rejects(sql`delete from audit_event`.execute(after.db), /append-only/)
    } finally {
      await after.close()
    }
    const bad = await runReach(['retention', 'purge', '--audit-months', '0'])
    assert.equal(bad.code, 2)
  } finally {
    process.env = saved
    await rm(dir, { recursive: true, force: true })
  }
})
