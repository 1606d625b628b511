// Crash safety: kill -9 during an import (a large screening CSV, and a restore) leaves the database
// as it was before, and able to start: tested by spawning the CLI on PGlite and on PostgreSQL.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connectDatabase, type ReachDatabase } from '../../src/db/connect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { loadFixture, type Fixture } from '../helpers/fixture.js'
import { addRecords } from '../helpers/records.js'
import { testDialects } from '../helpers/databases.js'
import { writeBackup } from '../../src/db/backup.js'

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const header =
  'nhs_number,screened_at,participation,devices,motivation,worries,difficulties,main-language,interpreter,helpers,communication-needs'

interface Target {
  env: Record<string, string>
  open: () => Promise<ReachDatabase>
  drop: () => Promise<void>
}

async function target(kind: 'pglite' | 'postgres', dir: string): Promise<Target> {
  const base = {
    NODE_ENV: 'test',
    REACH_SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    REACH_LOG_LEVEL: 'silent',
    REACH_DATA_DIR: dir
  }
  if (kind === 'pglite')
    return { env: base, open: () => connectDatabase({ pgliteDir: join(dir, 'pglite') }), drop: async () => {} }
  const name = `reach_crash_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    env: { ...base, DATABASE_URL: url.toString() },
    open: () => connectDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
}

/**
 * Runs `reach ARGS` as a child process and kills it with SIGKILL: `afterMs` after it prints
 * `startedWhen` (if given), otherwise `afterMs` after it starts.
 */
function runAndKill(
  args: string[],
  env: Record<string, string>,
  afterMs: number,
  startedWhen?: RegExp
): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/reach.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let exited = false
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      exited = true
      resolve({ killed: signal === 'SIGKILL' })
    })
    const kill = () =>
      setTimeout(() => {
        if (!exited) child.kill('SIGKILL')
      }, afterMs)
    if (!startedWhen) kill()
    else {
      let out = ''
      let armed = false
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (!armed && startedWhen.test(out)) {
          armed = true
          kill()
        }
      })
    }
  })
}

async function count(db: ReachDatabase, table: 'screening' | 'patient' | 'audit_event'): Promise<number> {
  const row = await db.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const kinds = await testDialects()

describe('crash safety: kill -9 during an import', () => {
  for (const kind of kinds) {
    test(`${kind}: a killed screening import stores nothing and the database starts again`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'reach-crash-'))
      const t = await target(kind, dir)
      try {
        let fixture: Fixture
        {
          const db = await t.open()
          await migrateToLatest(db.db)
          fixture = await loadFixture(db.db)
          await db.close()
        }
        const patients = fixture.orgA.patients
        const lines = [header]
        for (let i = 0; i < 20000; i++) {
          const p = patients[i % patients.length]
          // a distinct time on every line: an import skips screenings it has stored already
          const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()
          lines.push(`${p?.nhsNumber},${at},agreed,landline,happy,none,none,en,no,none,none`)
        }
        const file = join(dir, 'big.csv')
        await writeFile(file, `${lines.join('\n')}\n`)
        const run = await runAndKill(['screening', 'import', '--org', fixture.orgA.code, '--file', file], t.env, 10000)
        assert.ok(run.killed, 'the import was still running when it was killed (make the file larger if not)')
        const db = await t.open()
        try {
          await migrateToLatest(db.db)
          assert.equal(await count(db, 'screening'), 0, 'nothing of the killed import is stored')
          assert.equal(await count(db, 'patient'), 5)
        } finally {
          await db.close()
        }
      } finally {
        await t.drop()
        await rm(dir, { recursive: true, force: true })
      }
    })

    test(`${kind}: a killed restore restores nothing and the database starts again`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'reach-crash-'))
      const t = await target(kind, dir)
      try {
        // a backup with many audit rows, so the restore takes a while
        const source = await connectDatabase({ pgliteDir: 'memory://' })
        await migrateToLatest(source.db)
        const fixture = await loadFixture(source.db)
        await addRecords(source.db, fixture)
        const rows = Array.from({ length: 30_000 }, (_, i) => ({
          org_id: fixture.orgA.id,
          actor_user_id: null,
          actor_role: 'test',
          action: 'view',
          entity_type: 'patient',
          entity_id: String(i)
        }))
        for (let i = 0; i < rows.length; i += 5000)
          await source.db
            .insertInto('audit_event')
            .values(rows.slice(i, i + 5000))
            .execute()
        const lines: string[] = []
        await writeBackup(source.db, async (line) => {
          lines.push(line)
        })
        await source.close()
        const file = join(dir, 'reach.backup')
        await writeFile(file, `${lines.join('\n')}\n`)
        {
          const db = await t.open()
          await migrateToLatest(db.db)
          await db.close()
        }
        const run = await runAndKill(['restore', '--from', file], t.env, 200, /restoring from/)
        assert.ok(run.killed, 'the restore was still running when it was killed')
        const db = await t.open()
        try {
          await migrateToLatest(db.db)
          assert.equal(await count(db, 'patient'), 0)
          assert.equal(await count(db, 'audit_event'), 0)
        } finally {
          await db.close()
        }
      } finally {
        await t.drop()
        await rm(dir, { recursive: true, force: true })
      }
    })
  }
})
