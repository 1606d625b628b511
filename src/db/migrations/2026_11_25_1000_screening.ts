/**
 * Digital inclusion screening: one row per completed, partial or declined screen, with the
 * answers as given (FHIR QuestionnaireResponse-shaped JSON) and the assessment computed from them.
 * Self-completion invitations carry a one-time token (only its hash is stored) and a draft of
 * answers so nothing a patient enters is lost. Frozen once merged.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('screening')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('patient_id', 'uuid', (c) => c.notNull())
    .addColumn('team_id', 'uuid')
    .addColumn('questionnaire_url', 'text', (c) => c.notNull())
    .addColumn('questionnaire_version', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('clinician', 'self', 'paper', 'import')`))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('complete', 'partial', 'declined')`))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('assessment', 'jsonb', (c) => c.notNull())
    .addColumn('readiness', 'text', (c) => c.notNull())
    .addColumn('access_level', 'text', (c) => c.notNull())
    .addColumn('skills_level', 'text', (c) => c.notNull())
    .addColumn('motivation_level', 'text', (c) => c.notNull())
    .addColumn('trust_level', 'text', (c) => c.notNull())
    .addColumn('accessibility_level', 'text', (c) => c.notNull())
    .addColumn('language_level', 'text', (c) => c.notNull())
    .addColumn('support_level', 'text', (c) => c.notNull())
    .addColumn('has_high_barrier', 'boolean', (c) => c.notNull())
    .addColumn('has_plan', 'boolean', (c) => c.notNull())
    .addColumn('eheals_score', 'integer')
    .addColumn('is_initial_assessment', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('screened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rescreen_due_on', 'date')
    .addColumn('entered_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('screening_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('screening_patient_fk', ['org_id', 'patient_id'], 'patient', ['org_id', 'id'])
    .addForeignKeyConstraint('screening_team_fk', ['org_id', 'team_id'], 'team', ['org_id', 'id'])
    .execute()
  await sql`create index screening_patient_idx on screening (org_id, patient_id, screened_at desc)`.execute(db)
  await db.schema.createIndex('screening_time_idx').on('screening').columns(['org_id', 'screened_at']).execute()

  await db.schema
    .createTable('screening_invite')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('patient_id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('short_code', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('easy_read', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('draft_answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('screening_id', 'uuid')
    .addPrimaryKeyConstraint('screening_invite_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('screening_invite_patient_fk', ['org_id', 'patient_id'], 'patient', ['org_id', 'id'])
    .execute()
  // the patient arrives with only the token: looked up across organisations, like a session
  await db.schema
    .createIndex('screening_invite_token_idx')
    .on('screening_invite')
    .column('token_hash')
    .unique()
    .execute()
  await db.schema
    .createIndex('screening_invite_code_idx')
    .on('screening_invite')
    .column('short_code')
    .unique()
    .execute()

  for (const table of ['screening', 'screening_invite']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
    await sql`create policy org_isolation on ${sql.table(table)}
      using (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)
      with check (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)`.execute(db)
  }
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert, update on screening, screening_invite to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('screening_invite').ifExists().execute()
  await db.schema.dropTable('screening').ifExists().execute()
}
