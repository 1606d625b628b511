/**
 * The databases the suite runs against: PGlite always, and a PostgreSQL server when one is
 * reachable (TEST_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test).
 * REACH_TEST_DIALECTS=pglite (or postgres) narrows the list. Each test file gets a fresh,
 * migrated database; on PostgreSQL that is a new database created for the file and dropped after.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connectDatabase, detectRlsRole, type DatabaseKind, type ReachDatabase } from '../../src/db/connect.js'
import { migrateToLatest } from '../../src/db/migrate.js'

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let reachable: Promise<boolean> | null = null
function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 })
    try {
      await client.connect()
      await client.query('select 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => {})
    }
  })()
  return reachable
}

export async function testDialects(): Promise<DatabaseKind[]> {
  const wanted = (process.env.REACH_TEST_DIALECTS ?? 'pglite,postgres').split(',').map((s) => s.trim())
  const list: DatabaseKind[] = []
  if (wanted.includes('pglite')) list.push('pglite')
  if (wanted.includes('postgres')) {
    if (await postgresReachable()) list.push('postgres')
    else if (process.env.CI === 'true' && process.env.REACH_TEST_DIALECTS?.includes('postgres'))
      throw new Error(`PostgreSQL is required but not reachable at ${serverUrl}`)
  }
  return list
}

/** A fresh, migrated database of the given kind. Call `close()` when done (drops it on a server). */
export async function freshDatabase(kind: DatabaseKind): Promise<ReachDatabase> {
  if (kind === 'pglite') {
    const database = await connectDatabase({ pgliteDir: 'memory://' })
    await migrateToLatest(database.db)
    database.rlsRole = await detectRlsRole(database.db)
    return database
  }
  const name = `reach_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  // The reach_app role belongs to the whole server. Test files migrate their own databases at the same
  // time, and two first migrations on a new server would race to create it (a unique violation on
  // pg_authid); creating it here first, tolerating the race, leaves the migration nothing to create.
  await admin.query(`do $$ begin create role reach_app nologin;
    exception when duplicate_object or unique_violation then null; end $$`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 4 })
  await migrateToLatest(database.db)
  database.rlsRole = await detectRlsRole(database.db)
  const close = database.close
  database.close = async () => {
    await close()
    const dropper = new pg.Client({ connectionString: serverUrl })
    await dropper.connect()
    await dropper.query(`drop database if exists ${name} with (force)`)
    await dropper.end()
  }
  return database
}
