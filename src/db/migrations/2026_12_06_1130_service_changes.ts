/**
 * Who changed a support service, for everyone who uses it (issue 13, finding 18). The directory is shared
 * by every organisation, so an edit by one organisation's staff was audited only in that organisation's
 * trail, and the others could not tell. Each change now also gets a row here, shared like the directory:
 * which organisation (null for an import at the command line), what kind of change and when. The person who
 * made it stays in their own organisation's audit trail; other organisations see the organisation only.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_service_change')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('service_id', 'text', (c) => c.notNull().references('support_service.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('change', 'text', (c) =>
      c.notNull().check(sql`change in ('added', 'changed', 'retired', 'restored', 'checked', 'imported')`)
    )
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('support_service_change_service_idx')
    .on('support_service_change')
    .columns(['service_id', 'changed_at'])
    .execute()
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert on support_service_change to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('support_service_change').ifExists().execute()
}
