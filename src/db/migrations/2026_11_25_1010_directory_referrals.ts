/**
 * The support directory (Open Referral UK shaped; shared by every organisation in the
 * deployment, so a Citus reference table) and referrals (organisation data) with their
 * lifecycle history and an outbox for letters and emails. Frozen once merged.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_service')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'retired')`)
    )
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('barriers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('offer_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('eligibility', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('cost', 'text')
    .addColumn('locations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('schedules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('oruk', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('last_verified_on', 'date')
    .addColumn('source', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('referral')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('patient_id', 'uuid', (c) => c.notNull())
    .addColumn('screening_id', 'uuid')
    .addColumn('service_id', 'text', (c) => c.notNull().references('support_service.id'))
    .addColumn('team_id', 'uuid')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('suggested', 'referred', 'accepted', 'attended', 'outcome')`)
    )
    .addColumn('outcome', 'text', (c) =>
      c.check(
        sql`outcome in ('device_provided', 'connectivity_provided', 'skills_gained', 'declined', 'did_not_attend', 'not_eligible')`
      )
    )
    .addColumn('match_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('consent_given', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('consent_scope', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('consent_recorded_by', 'uuid')
    .addColumn('consent_recorded_at', 'timestamptz')
    .addColumn('referred_at', 'timestamptz')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('attended_at', 'timestamptz')
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('follow_up_due_on', 'date')
    .addColumn('partner_token_hash', 'text')
    .addColumn('partner_token_expires_at', 'timestamptz')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('referral_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('referral_patient_fk', ['org_id', 'patient_id'], 'patient', ['org_id', 'id'])
    .addForeignKeyConstraint('referral_screening_fk', ['org_id', 'screening_id'], 'screening', ['org_id', 'id'])
    .addForeignKeyConstraint('referral_team_fk', ['org_id', 'team_id'], 'team', ['org_id', 'id'])
    .execute()
  await db.schema.createIndex('referral_patient_idx').on('referral').columns(['org_id', 'patient_id']).execute()
  await db.schema
    .createIndex('referral_status_idx')
    .on('referral')
    .columns(['org_id', 'status', 'follow_up_due_on'])
    .execute()
  await db.schema
    .createIndex('referral_partner_token_idx')
    .on('referral')
    .column('partner_token_hash')
    .unique()
    .where(sql.ref('partner_token_hash'), 'is not', null)
    .execute()

  await db.schema
    .createTable('referral_event')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('referral_id', 'uuid', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('changed_by', 'uuid')
    .addColumn('changed_by_partner', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('referral_event_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('referral_event_referral_fk', ['org_id', 'referral_id'], 'referral', ['org_id', 'id'])
    .execute()

  await db.schema
    .createTable('outbox_message')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('referral_id', 'uuid')
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'letter')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'sent', 'failed', 'printed')`)
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addPrimaryKeyConstraint('outbox_message_pk', ['org_id', 'id'])
    .execute()

  for (const table of ['referral', 'referral_event', 'outbox_message']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
    await sql`create policy org_isolation on ${sql.table(table)}
      using (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)
      with check (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)`.execute(db)
  }
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert, update on support_service, referral, referral_event, outbox_message to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox_message', 'referral_event', 'referral', 'support_service'])
    await db.schema.dropTable(table).ifExists().execute()
}
