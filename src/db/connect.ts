/**
 * Opens the database: PGlite (Postgres in-process, in a data folder) by default,
 * a PostgreSQL server when a connection string is given. Same SQL, same migrations.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import type { Database } from './schema.js'

export type DatabaseKind = 'pglite' | 'postgres'

export interface ConnectOptions {
  /** postgres:// connection string; when absent, PGlite is used. */
  databaseUrl?: string | undefined
  /** PGlite data folder, or 'memory://' for a throwaway database. */
  pgliteDir?: string | undefined
  /** Pool size for a PostgreSQL server. */
  poolSize?: number
}

export interface ReachDatabase {
  db: Kysely<Database>
  kind: DatabaseKind
  /** True when requests can run as the `reach_app` role, so row-level security applies. */
  rlsRole: boolean
  close: () => Promise<void>
}

export async function connectDatabase(options: ConnectOptions): Promise<ReachDatabase> {
  if (options.databaseUrl) {
    const pg = await import('pg')
    // dates stay 'YYYY-MM-DD' strings (no timezone shifts); bigint ids stay strings
    pg.default.types.setTypeParser(1082, (value: string) => value)
    const pool = new pg.default.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    // An idle connection the server closes (a restart, a dropped database, an administrator) is an 'error'
    // event on the pool; unheard, it would end the process. The pool discards the connection and opens a new
    // one when needed, so it is only reported, by its code (never the message, which may quote SQL).
    pool.on('error', (error: Error & { code?: string }) => {
      process.stderr.write(`reach: an idle database connection was closed (${error.code ?? 'no code'})\n`)
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', rlsRole: false, close: () => db.destroy() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGliteDialect } = await import('kysely-pglite-dialect')
  const dir = options.pgliteDir ?? 'memory://'
  const onDisk = !dir.startsWith('memory://')
  if (onDisk) mkdirSync(dir, { recursive: true, mode: 0o700 })
  const client = new PGlite(dir, {
    parsers: { 1082: (value: string) => value },
    serializers: {}
  })
  await client.waitReady
  if (onDisk) restrictToOwner(dir)
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) })
  return { db, kind: 'pglite', rlsRole: false, close: () => db.destroy() }
}

/**
 * The PGlite folder holds patient data: only the account running Reach may read it. PGlite writes
 * its files with the process umask (often world-readable), so after it has started every folder
 * becomes 0700 and every file 0600. Files it creates later sit inside the 0700 folder.
 */
export function restrictToOwner(path: string): void {
  const stat = lstatSync(path)
  if (stat.isSymbolicLink()) return
  if (stat.isDirectory()) {
    chmodSync(path, 0o700)
    for (const name of readdirSync(path)) restrictToOwner(join(path, name))
  } else if (stat.isFile()) chmodSync(path, 0o600)
}

/** Checks, after migrations, whether this connection may act as `reach_app`. */
export async function detectRlsRole(db: Kysely<Database>): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_roles where rolname = 'reach_app')
       and pg_has_role(current_user, 'reach_app', 'member') as ok`.execute(db)
  return result.rows[0]?.ok === true
}

/**
 * Runs `work` in one transaction scoped to an organisation: `reach.org_id` is set for the
 * transaction and, where possible, it runs as `reach_app` so row-level security enforces
 * the organisation boundary as a second line behind the repositories' own `org_id` filters.
 */
export async function withOrg<T>(
  rdb: ReachDatabase,
  orgId: string,
  work: (trx: Transaction<Database>) => Promise<T>
): Promise<T> {
  return rdb.db.transaction().execute(async (trx) => {
    await sql`select set_config('reach.org_id', ${orgId}, true)`.execute(trx)
    if (rdb.rlsRole) await sql`set local role reach_app`.execute(trx)
    return work(trx)
  })
}
