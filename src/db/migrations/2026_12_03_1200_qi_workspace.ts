/**
 * The QI workspace (issue 14): a project answers the Model for Improvement's three questions. Its aim is
 * kept in parts (what, for whom, how much, by when) beside the sentence; its driver diagram is a tree of
 * drivers (primary when `parent_id` is null, secondary under a primary) with change ideas under drivers;
 * PDSA cycles (the IHI worksheet's fields) test change ideas and chain as ramps (`previous_id`), and are
 * linked to the measures whose charts show them; milestones make the timeline; progress scores (IHI 0.5-5)
 * are recorded with a reason; members may add observations. Organisation data like the rest of QI:
 * org_id first in every key, row-level security on every table.
 */
import { sql, type Kysely } from 'kysely'

const TABLES = [
  'qi_project_member',
  'qi_driver',
  'qi_driver_measure',
  'qi_change_idea',
  'qi_pdsa',
  'qi_pdsa_measure',
  'qi_milestone',
  'qi_progress'
] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('qi_project')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('planning', 'active', 'sustaining', 'closed')`)
    )
    .addColumn('owner_id', 'uuid')
    .addColumn('start_on', 'date')
    .addColumn('end_on', 'date')
    .addColumn('aim_what', 'text')
    .addColumn('aim_who', 'text')
    .addColumn('aim_how_much', 'text')
    .addColumn('aim_by_when', 'date')
    .addColumn('template', 'text')
    .execute()

  await db.schema
    .createTable('qi_project_member')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_project_member_pk', ['org_id', 'project_id', 'user_id'])
    .addForeignKeyConstraint(
      'qi_project_member_project_fk',
      ['org_id', 'project_id'],
      'qi_project',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .execute()

  await db.schema
    .createTable('qi_driver')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('parent_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_driver_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('qi_driver_project_fk', ['org_id', 'project_id'], 'qi_project', ['org_id', 'id'], (fk) =>
      fk.onDelete('cascade')
    )
    .addForeignKeyConstraint('qi_driver_parent_fk', ['org_id', 'parent_id'], 'qi_driver', ['org_id', 'id'])
    .execute()

  await db.schema
    .createTable('qi_driver_measure')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('driver_id', 'uuid', (c) => c.notNull())
    .addColumn('measure_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('qi_driver_measure_pk', ['org_id', 'driver_id', 'measure_id'])
    .addForeignKeyConstraint(
      'qi_driver_measure_driver_fk',
      ['org_id', 'driver_id'],
      'qi_driver',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .addForeignKeyConstraint(
      'qi_driver_measure_measure_fk',
      ['org_id', 'measure_id'],
      'measure',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .execute()

  await db.schema
    .createTable('qi_change_idea')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('driver_id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_change_idea_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'qi_change_idea_project_fk',
      ['org_id', 'project_id'],
      'qi_project',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .addForeignKeyConstraint('qi_change_idea_driver_fk', ['org_id', 'driver_id'], 'qi_driver', ['org_id', 'id'])
    .execute()

  await db.schema
    .createTable('qi_pdsa')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('change_idea_id', 'uuid', (c) => c.notNull())
    .addColumn('previous_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('collect', 'develop', 'test', 'implement')`))
    .addColumn('objective', 'text', (c) => c.notNull())
    /** [{ question, prediction }] */
    .addColumn('questions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** [{ what, who, where, when }] */
    .addColumn('tasks', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('data_plan', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .defaultTo('plan')
        .check(sql`stage in ('plan', 'do', 'study', 'act', 'done')`)
    )
    .addColumn('as_planned', 'boolean')
    .addColumn('observations', 'text')
    .addColumn('problems', 'text')
    .addColumn('results', 'text')
    .addColumn('learned', 'text')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('adopt', 'adapt', 'abandon')`))
    .addColumn('next_steps', 'text')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_pdsa_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('qi_pdsa_project_fk', ['org_id', 'project_id'], 'qi_project', ['org_id', 'id'], (fk) =>
      fk.onDelete('cascade')
    )
    .addForeignKeyConstraint('qi_pdsa_change_idea_fk', ['org_id', 'change_idea_id'], 'qi_change_idea', ['org_id', 'id'])
    .addForeignKeyConstraint('qi_pdsa_previous_fk', ['org_id', 'previous_id'], 'qi_pdsa', ['org_id', 'id'])
    .execute()

  await db.schema
    .createTable('qi_pdsa_measure')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('pdsa_id', 'uuid', (c) => c.notNull())
    .addColumn('measure_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('qi_pdsa_measure_pk', ['org_id', 'pdsa_id', 'measure_id'])
    .addForeignKeyConstraint('qi_pdsa_measure_pdsa_fk', ['org_id', 'pdsa_id'], 'qi_pdsa', ['org_id', 'id'], (fk) =>
      fk.onDelete('cascade')
    )
    .addForeignKeyConstraint(
      'qi_pdsa_measure_measure_fk',
      ['org_id', 'measure_id'],
      'measure',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .execute()

  await db.schema
    .createTable('qi_milestone')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('done_on', 'date')
    .addPrimaryKeyConstraint('qi_milestone_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'qi_milestone_project_fk',
      ['org_id', 'project_id'],
      'qi_project',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .execute()

  await db.schema
    .createTable('qi_progress')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('score', 'numeric(2, 1)', (c) => c.notNull().check(sql`score >= 0.5 and score <= 5.0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_on', 'date', (c) => c.notNull())
    .addColumn('set_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_progress_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('qi_progress_project_fk', ['org_id', 'project_id'], 'qi_project', ['org_id', 'id'], (fk) =>
      fk.onDelete('cascade')
    )
    .execute()

  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
    await sql`create policy org_isolation on ${sql.table(table)}
      using (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)
      with check (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)`.execute(db)
  }
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert, update, delete on ${sql.raw(TABLES.join(', '))} to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...TABLES].reverse()) await db.schema.dropTable(table).ifExists().execute()
  for (const column of [
    'status',
    'owner_id',
    'start_on',
    'end_on',
    'aim_what',
    'aim_who',
    'aim_how_much',
    'aim_by_when',
    'template'
  ])
    await db.schema.alterTable('qi_project').dropColumn(column).execute()
}
