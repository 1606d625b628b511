/**
 * Measurement for improvement: QI projects, measures with operational definitions (manual or
 * derived from Reach's own data), their values by period, and chart annotations (PDSA cycles,
 * rebase points). Frozen once merged.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qi_project')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aim', 'text')
    .addColumn('team_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('qi_project_pk', ['org_id', 'id'])
    .addUniqueConstraint('qi_project_name_unique', ['org_id', 'name'])
    .execute()

  await db.schema
    .createTable('measure')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid')
    .addColumn('team_id', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('outcome', 'process', 'balancing')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual', 'derived')`))
    .addColumn('derived_key', 'text')
    .addColumn('numerator', 'text')
    .addColumn('denominator', 'text')
    .addColumn('inclusions', 'text')
    .addColumn('exclusions', 'text')
    .addColumn('frequency', 'text', (c) => c.notNull().check(sql`frequency in ('weekly', 'monthly')`))
    .addColumn('improvement', 'text', (c) => c.notNull().check(sql`improvement in ('increase', 'decrease', 'neutral')`))
    .addColumn('target', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo('count'))
    .addColumn('owner', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('measure_pk', ['org_id', 'id'])
    .addUniqueConstraint('measure_name_unique', ['org_id', 'name'])
    .addForeignKeyConstraint('measure_project_fk', ['org_id', 'project_id'], 'qi_project', ['org_id', 'id'])
    .addForeignKeyConstraint('measure_team_fk', ['org_id', 'team_id'], 'team', ['org_id', 'id'])
    .execute()

  await db.schema
    .createTable('measure_value')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('measure_id', 'uuid', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('note', 'text')
    .addColumn('entered_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('measure_value_pk', ['org_id', 'measure_id', 'period_start'])
    .addForeignKeyConstraint('measure_value_measure_fk', ['org_id', 'measure_id'], 'measure', ['org_id', 'id'], (fk) =>
      fk.onDelete('cascade')
    )
    .execute()

  await db.schema
    .createTable('measure_annotation')
    .addColumn('org_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measure_id', 'uuid', (c) => c.notNull())
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pdsa', 'rebase', 'note')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('measure_annotation_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'measure_annotation_measure_fk',
      ['org_id', 'measure_id'],
      'measure',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade')
    )
    .execute()

  for (const table of ['qi_project', 'measure', 'measure_value', 'measure_annotation']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
    await sql`create policy org_isolation on ${sql.table(table)}
      using (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)
      with check (org_id = nullif(current_setting('reach.org_id', true), '')::uuid)`.execute(db)
  }
  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select, insert, update, delete on qi_project, measure, measure_value, measure_annotation to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['measure_annotation', 'measure_value', 'measure', 'qi_project'])
    await db.schema.dropTable(table).ifExists().execute()
}
