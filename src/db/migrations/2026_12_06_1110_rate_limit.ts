/**
 * Rate-limit counts in the database (ASVS 2.2.1, 11.1.4), so that every process of a deployment shares
 * them and a restart does not reset them: one row per limited route and client, a count and the start of
 * its window. Not organisation data (the client is not signed in yet); rows are reused when their window
 * ends and swept an hour after.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('window_ms', 'integer', (c) => c.notNull())
    .execute()
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert, update, delete on rate_limit to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').ifExists().execute()
}
