// Backup and restore: a round trip gives back every row of every table, between PGlite and
// PostgreSQL in both directions; restore refuses a non-empty database, a different migration
// version and a damaged file, and then restores nothing. The CLI writes and reads gzipped files.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { sql, type Kysely } from 'kysely'
import { freshDatabase, testDialects } from '../helpers/databases.js'
import { loadFixture } from '../helpers/fixture.js'
import { addRecords } from '../helpers/records.js'
import { runReach } from '../helpers/run-cli.js'
import { BackupError, restoreBackup, tablesInDependencyOrder, writeBackup } from '../../src/db/backup.js'
import type { Database } from '../../src/db/schema.js'

async function* linesOf(lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line
}

async function backupLines(db: Kysely<Database>): Promise<string[]> {
  const lines: string[] = []
  await writeBackup(db, async (line) => {
    lines.push(line)
  })
  return lines
}

/** Every row of every backed-up table, as sorted JSON in UTC, for comparing two databases. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx)
    const out: Record<string, string[]> = {}
    for (const table of await tablesInDependencyOrder(trx)) {
      const rows = await sql<{ row: unknown }>`select row_to_json(t) as row from ${sql.table(table)} t`.execute(trx)
      out[table] = rows.rows.map((r) => JSON.stringify(r.row)).sort()
    }
    return out
  })
}

const kinds = await testDialects()

describe('backup and restore', () => {
  for (const from of kinds) {
    for (const to of kinds) {
      test(`${from} → ${to}: every row comes back`, async () => {
        const source = await freshDatabase(from)
        const target = await freshDatabase(to)
        try {
          await addRecords(source.db, await loadFixture(source.db))
          const lines = await backupLines(source.db)
          const header = await restoreBackup(target.db, linesOf(lines))
          assert.ok(header.tables.some((t) => t.name === 'audit_event'))
          assert.deepEqual(await snapshot(target.db), await snapshot(source.db))
          // the audit trail's identity continues after the restored ids
          const next = await target.db
            .insertInto('audit_event')
            .values({
              org_id: (await target.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id,
              actor_user_id: null,
              actor_role: null,
              action: 'view',
              entity_type: 'test'
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          const max = await source.db
            .selectFrom('audit_event')
            .select((eb) => eb.fn.max('id').as('m'))
            .executeTakeFirst()
          assert.ok(Number(next.id) > Number(max?.m ?? 0))
        } finally {
          await source.close()
          await target.close()
        }
      })
    }
  }

  test('restore refuses a database that has rows, and restores nothing', async () => {
    const source = await freshDatabase('pglite')
    const target = await freshDatabase('pglite')
    try {
      await addRecords(source.db, await loadFixture(source.db))
      await target.db.insertInto('system').values({ code: 'X', name: 'Existing', is_synthetic: true }).execute()
      await assert.rejects(restoreBackup(target.db, linesOf(await backupLines(source.db))), /needs an empty database/)
      const n = await target.db
        .selectFrom('patient')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      assert.equal(Number(n.n), 0)
    } finally {
      await source.close()
      await target.close()
    }
  })

  test('a cut-short backup restores nothing', async () => {
    const source = await freshDatabase('pglite')
    const target = await freshDatabase('pglite')
    try {
      await addRecords(source.db, await loadFixture(source.db))
      const lines = await backupLines(source.db)
      await assert.rejects(restoreBackup(target.db, linesOf(lines.slice(0, -2))), BackupError)
      const truncated = [...lines.slice(0, -1), (lines.at(-1) ?? '').slice(0, 20)]
      await assert.rejects(restoreBackup(target.db, linesOf(truncated)), /not valid JSON/)
      for (const table of ['system', 'patient', 'audit_event'] as const) {
        const n = await target.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
        assert.equal(Number(n.n), 0, `${table} is empty`)
      }
    } finally {
      await source.close()
      await target.close()
    }
  })

  test('a different migration version is refused', async () => {
    const source = await freshDatabase('pglite')
    const target = await freshDatabase('pglite')
    try {
      const [head, ...rest] = await backupLines(source.db)
      const header = JSON.parse(head ?? '{}') as { migrations: string[] }
      header.migrations = header.migrations.slice(0, -1)
      await assert.rejects(
        restoreBackup(target.db, linesOf([JSON.stringify(header), ...rest])),
        /different migration versions/
      )
    } finally {
      await source.close()
      await target.close()
    }
  })

  test('reach backup and reach restore on PGlite data folders (gzipped file, exit codes)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reach-backup-'))
    const saved = { ...process.env }
    try {
      delete process.env.DATABASE_URL
      process.env.NODE_ENV = 'test'
      process.env.REACH_SESSION_SECRET = 'test-secret-test-secret-test-secret-0123456789'
      process.env.REACH_LOG_LEVEL = 'silent'
      process.env.REACH_DATA_DIR = join(dir, 'one')
      const seeded = await runReach(['migrate'])
      assert.equal(seeded.code, 0, seeded.stderr)
      const file = join(dir, 'reach.backup.gz')
      const backup = await runReach(['backup', '--to', file])
      assert.equal(backup.code, 0, backup.stderr)
      assert.match(backup.stdout, /^backed up \d+ tables, \d+ rows, to /)
      const first =
        gunzipSync(await readFile(file))
          .toString('utf8')
          .split('\n')[0] ?? ''
      assert.equal(JSON.parse(first).reachBackup, 1)

      process.env.REACH_DATA_DIR = join(dir, 'two')
      const restored = await runReach(['restore', '--from', file])
      assert.equal(restored.code, 0, restored.stderr)
      assert.match(restored.stdout, /\nrestored \d+ tables/)
      const again = await runReach(['restore', '--from', file])
      assert.equal(again.code, 0, 'an empty backup restores into a database that is still empty')

      await writeFile(join(dir, 'bad.gz'), (await readFile(file)).subarray(0, 20))
      const bad = await runReach(['restore', '--from', join(dir, 'bad.gz')])
      assert.equal(bad.code, 2)
      assert.match(bad.stderr, /damaged or cut short|not a Reach backup|empty/)
    } finally {
      process.env = saved
      await rm(dir, { recursive: true, force: true })
    }
  })
})
