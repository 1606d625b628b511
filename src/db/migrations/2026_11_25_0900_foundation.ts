/**
 * Foundation: systems, organisations, teams, staff, sessions, patients, audit trail.
 * Frozen once merged: never edit, add a new migration instead.
 *
 * Organisation data leads every primary and foreign key with org_id so the schema can be
 * distributed by organisation (Citus). Row-level security restricts the `reach_app` role
 * (the role requests run as) to the organisation in `reach.org_id`.
 */
import { sql, type Kysely } from 'kysely'

const orgTables = ['team', 'staff_user', 'patient', 'audit_event'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('system')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('organisation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('system_id', 'uuid', (c) => c.notNull().references('system.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('trust', 'gp_practice', 'council', 'voluntary', 'other')`)
    )
    .addColumn('is_synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('team')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('team_pk', ['org_id', 'id'])
    .addUniqueConstraint('team_name_unique', ['org_id', 'name'])
    .execute()

  await db.schema
    .createTable('staff_user')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'qi_lead', 'clinician', 'receptionist', 'analyst', 'champion', 'board')`)
    )
    .addColumn('team_id', 'uuid')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_login_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('staff_user_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('staff_user_team_fk', ['org_id', 'team_id'], 'team', ['org_id', 'id'])
    .execute()
  // sign-in finds a user by email across organisations; staff_user is small and becomes a
  // Citus reference table, which keeps this global unique index (docs/scaling.md)
  await sql`create unique index staff_user_email_unique on staff_user (lower(email))`.execute(db)

  await db.schema
    .createTable('session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('session_user_fk', ['org_id', 'user_id'], 'staff_user', ['org_id', 'id'], (fk) =>
      fk.onDelete('cascade')
    )
    .execute()
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute()

  await db.schema
    .createTable('patient')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('nhs_number', 'char(10)', (c) => c.notNull().check(sql`nhs_number ~ '^[0-9]{10}$'`))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('ethnic_category', 'text')
    .addColumn('main_language', 'text')
    .addColumn('interpreter_needed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disability', 'text')
    .addColumn('communication_needs', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('team_id', 'uuid')
    .addColumn('is_synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('patient_pk', ['org_id', 'id'])
    .addUniqueConstraint('patient_nhs_number_unique', ['org_id', 'nhs_number'])
    .addForeignKeyConstraint('patient_team_fk', ['org_id', 'team_id'], 'team', ['org_id', 'id'])
    .execute()
  await sql`create index patient_name_dob_idx on patient (org_id, lower(family_name), date_of_birth)`.execute(db)

  await db.schema
    .createTable('audit_event')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('patient_id', 'uuid')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('audit_event_pk', ['org_id', 'id'])
    .execute()
  await db.schema.createIndex('audit_event_time_idx').on('audit_event').columns(['org_id', 'occurred_at']).execute()
  await db.schema.createIndex('audit_event_patient_idx').on('audit_event').columns(['org_id', 'patient_id']).execute()

  // The audit trail is append-only: no update, delete or truncate, whoever asks.
  await sql`
    create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only';
    end
    $$`.execute(db)
  await sql`create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only()`.execute(db)
  await sql`create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only()`.execute(db)

  // The role requests run as. Creating it needs CREATEROLE; where that is not granted the
  // deployment creates it (README, "Row-level security").
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'reach_app') then
        create role reach_app nologin;
      end if;
    exception when insufficient_privilege then
      raise notice 'reach_app role not created: insufficient privilege';
    end
    $$`.execute(db)
  await sql`
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select on system, organisation to reach_app';
        execute 'grant select, insert, update, delete on team, staff_user, patient, session to reach_app';
        execute 'grant select, insert on audit_event to reach_app';
      end if;
    end
    $$`.execute(db)

  for (const table of orgTables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
    await sql`create policy org_isolation on ${sql.table(table)}
      using (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)
      with check (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_event', 'patient', 'session', 'staff_user', 'team', 'organisation', 'system']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await sql`drop function if exists audit_event_append_only()`.execute(db)
}
