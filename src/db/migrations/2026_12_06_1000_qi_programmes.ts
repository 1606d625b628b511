/**
 * QI programmes (issue 14): a programme groups projects of several organisations of one system (City &
 * Hackney, say) around a shared aim, with system-wide measures (derived measures across the system, counts
 * only, suppressed). A programme belongs to its system and is led by one organisation, which alone changes
 * it; every organisation of the system sees it. An organisation shares its own projects with a programme,
 * and chooses which of the project's measures go with it: other organisations see the shared project's
 * title, status, aim and progress score and the chosen measures' charts, nothing else.
 *
 * Row-level security: a programme is visible to the organisations of its system and written by its lead
 * organisation; a share is written by the project's organisation and readable by every organisation that
 * can see the programme. The shared projects' own rows stay organisation-only; the programme page reads
 * them outside row-level security, only for shared projects (app/qi/view-programme.ts).
 */
import { sql, type Kysely } from 'kysely'

const CURRENT_ORG = sql`nullif(current_setting('reach.org_id', true), '')::uuid`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qi_programme')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('system_id', 'uuid', (c) => c.notNull().references('system.id'))
    .addColumn('lead_org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aim', 'text')
    .addColumn('measure_keys', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('qi_programme_system_idx').on('qi_programme').column('system_id').execute()

  await db.schema
    .createTable('qi_programme_project')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('qi_programme.id').onDelete('cascade'))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('measure_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('shared_by', 'uuid')
    .addColumn('shared_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_programme_project_pk', ['org_id', 'project_id', 'programme_id'])
    .addForeignKeyConstraint(
      'qi_programme_project_project_fk',
      ['org_id', 'project_id'],
      'qi_project',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .execute()
  await db.schema
    .createIndex('qi_programme_project_programme_idx')
    .on('qi_programme_project')
    .column('programme_id')
    .execute()

  await sql`alter table qi_programme enable row level security`.execute(db)
  await sql`create policy system_read on qi_programme for select
    using (system_id = (select o.system_id from organisation o where o.id = ${CURRENT_ORG}))`.execute(db)
  await sql`create policy lead_write on qi_programme for all
    using (lead_org_id = ${CURRENT_ORG}) with check (lead_org_id = ${CURRENT_ORG}
      and system_id = (select o.system_id from organisation o where o.id = ${CURRENT_ORG}))`.execute(db)

  await sql`alter table qi_programme_project enable row level security`.execute(db)
  await sql`create policy org_isolation on qi_programme_project
    using (org_id = ${CURRENT_ORG}) with check (org_id = ${CURRENT_ORG})`.execute(db)
  await sql`create policy programme_read on qi_programme_project for select
    using (exists (select 1 from qi_programme p where p.id = programme_id))`.execute(db)

  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert, update, delete on qi_programme, qi_programme_project to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qi_programme_project').ifExists().execute()
  await db.schema.dropTable('qi_programme').ifExists().execute()
}
