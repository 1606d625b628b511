/**
 * Logical backup and restore that work the same on PGlite and on a PostgreSQL server, and between
 * them: every table of the public schema (but the migration bookkeeping and sessions), in
 * foreign-key order, as JSON Lines. A restore goes into an empty database migrated to the same
 * version, in one transaction: either everything is restored or nothing is.
 *
 * Line 1: `{ "reachBackup": 1, "createdAt", "migrations": [names], "tables": [{ name, rows }] }`;
 * then, per table, a line `{ "table": name, "rows": [...] }` for every chunk of up to 1,000 rows.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema.js'

export const BACKUP_FORMAT = 1
const CHUNK = 1000
/**
 * Not backed up: Kysely's migration bookkeeping (the target has its own), sessions (everyone signs in
 * again) and rate-limit windows (transient, and they hold clients' IP addresses).
 */
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock', 'session', 'rate_limit'])

export interface BackupHeader {
  reachBackup: number
  createdAt: string
  migrations: string[]
  tables: { name: string; rows: number }[]
}

type AnyDb = Kysely<Database> | Transaction<Database>

/** Tables of the public schema, each after the tables it references. */
export async function tablesInDependencyOrder(db: AnyDb): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
  const edges = await sql<{ child: string; parent: string }>`
    select distinct c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(db)
  const names = tables.rows.map((t) => t.name).filter((n) => !SKIPPED.has(n))
  const parents = new Map(names.map((n) => [n, new Set<string>()]))
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent)
  const ordered: string[] = []
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return
    path.add(name)
    for (const p of parents.get(name) ?? []) if (parents.has(p)) visit(p, path)
    path.delete(name)
    ordered.push(name)
  }
  for (const n of names) visit(n, new Set())
  return ordered
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  return rows.rows.map((r) => r.name)
}

/** Writes a backup, line by line, through `write` (which may compress or send it anywhere). */
export async function writeBackup(db: Kysely<Database>, write: (line: string) => Promise<void>): Promise<BackupHeader> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = await tablesInDependencyOrder(trx)
      const counts: { name: string; rows: number }[] = []
      for (const name of tables) {
        const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(trx)
        counts.push({ name, rows: Number(r.rows[0]?.n ?? 0) })
      }
      const header: BackupHeader = {
        reachBackup: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables: counts
      }
      await write(JSON.stringify(header))
      for (const { name, rows } of counts) {
        for (let offset = 0; offset < rows; offset += CHUNK) {
          const chunk = await sql<{ row: unknown }>`
            select row_to_json(t) as row from ${sql.table(name)} t order by t.ctid limit ${CHUNK} offset ${offset}`.execute(
            trx
          )
          await write(JSON.stringify({ table: name, rows: chunk.rows.map((r) => r.row) }))
        }
      }
      return header
    })
}

export class BackupError extends Error {}

/**
 * Restores a backup into this database, which must be migrated to the same version and hold no
 * rows in the backed-up tables. One transaction: on any problem nothing is restored.
 */
export async function restoreBackup(db: Kysely<Database>, lines: AsyncIterable<string>): Promise<BackupHeader> {
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done) throw new BackupError('the backup file is empty')
  let header: BackupHeader
  try {
    header = JSON.parse(first.value) as BackupHeader
  } catch {
    throw new BackupError('line 1 is not a Reach backup header')
  }
  if (header.reachBackup !== BACKUP_FORMAT)
    throw new BackupError('this is not a Reach backup, or not one this version reads')
  return db.transaction().execute(async (trx) => {
    const migrations = await appliedMigrations(trx)
    if (migrations.join('\n') !== header.migrations.join('\n'))
      throw new BackupError(
        'the backup and this database are at different migration versions: run `reach migrate` on a database of the same Reach version'
      )
    const known = new Set(await tablesInDependencyOrder(trx))
    for (const { name } of header.tables) {
      if (!known.has(name)) throw new BackupError(`the backup has a table this database does not: ${name}`)
      const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(trx)
      if (Number(r.rows[0]?.n ?? 0) > 0)
        throw new BackupError(`restore needs an empty database, but ${name} has rows (nothing was restored)`)
    }
    const identity = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = 'public' and is_identity = 'YES' and identity_generation = 'ALWAYS'`.execute(trx)
    const alwaysIdentity = new Set(identity.rows.map((r) => r.table_name))
    const restored = new Map<string, number>()
    let lineNumber = 1
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNumber++
      if (next.value.trim() === '') continue
      let chunk: { table?: unknown; rows?: unknown }
      try {
        chunk = JSON.parse(next.value) as typeof chunk
      } catch {
        throw new BackupError(`line ${lineNumber} is not valid JSON (the file may be cut short)`)
      }
      const table = String(chunk.table)
      if (!header.tables.some((t) => t.name === table) || !Array.isArray(chunk.rows))
        throw new BackupError(`line ${lineNumber} names a table that is not in the header`)
      const overriding = alwaysIdentity.has(table) ? sql`overriding system value` : sql``
      await sql`insert into ${sql.table(table)} ${overriding}
        select * from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(chunk.rows)}::json)`.execute(
        trx
      )
      restored.set(table, (restored.get(table) ?? 0) + chunk.rows.length)
    }
    for (const { name, rows } of header.tables)
      if ((restored.get(name) ?? 0) !== rows)
        throw new BackupError(
          `${name}: the backup promised ${rows} rows but held ${restored.get(name) ?? 0} (nothing was restored)`
        )
    // identity sequences continue after the restored ids
    for (const table of alwaysIdentity) {
      if (!restored.get(table)) continue
      const cols = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_identity = 'YES'`.execute(trx)
      for (const c of cols.rows)
        await sql`select setval(pg_get_serial_sequence(${table}, ${c.column_name}),
          (select max(${sql.ref(c.column_name)}) from ${sql.table(table)}))`.execute(trx)
    }
    return header
  })
}
