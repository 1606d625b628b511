/**
 * Area data from official open files: LSOAs with boundaries, indicators in long form, a postcode
 * to LSOA lookup, and the provenance of each import. Reference data, shared by every organisation
 * (Citus reference tables). Frozen once merged.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('area_import')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('is_synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('imported_by', 'text')
    .execute()

  await db.schema
    .createTable('lsoa')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('vintage', 'text', (c) => c.notNull().check(sql`vintage in ('2011', '2021')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lad_code', 'text')
    .addColumn('lad_name', 'text')
    .addColumn('ward_code', 'text')
    .addColumn('ward_name', 'text')
    .addColumn('geometry', 'jsonb')
    .addColumn('import_id', 'uuid', (c) => c.references('area_import.id'))
    .execute()

  await db.schema
    .createTable('lsoa_indicator')
    .addColumn('lsoa_code', 'text', (c) => c.notNull().references('lsoa.code'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('import_id', 'uuid', (c) => c.references('area_import.id'))
    .addPrimaryKeyConstraint('lsoa_indicator_pk', ['lsoa_code', 'indicator'])
    .execute()
  await db.schema
    .createIndex('lsoa_indicator_indicator_idx')
    .on('lsoa_indicator')
    .columns(['indicator', 'lsoa_code'])
    .execute()

  await db.schema
    .createTable('lsoa_lookup')
    .addColumn('lsoa11_code', 'text', (c) => c.notNull())
    .addColumn('lsoa21_code', 'text', (c) => c.notNull())
    .addColumn('change_code', 'text')
    .addPrimaryKeyConstraint('lsoa_lookup_pk', ['lsoa11_code', 'lsoa21_code'])
    .execute()

  await db.schema
    .createTable('postcode_lsoa')
    .addColumn('postcode', 'text', (c) => c.primaryKey())
    .addColumn('lsoa21_code', 'text', (c) => c.notNull())
    .addColumn('lsoa11_code', 'text')
    .addColumn('import_id', 'uuid', (c) => c.references('area_import.id'))
    .execute()
  await db.schema.createIndex('postcode_lsoa_lsoa_idx').on('postcode_lsoa').column('lsoa21_code').execute()

  await sql`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant select on area_import, lsoa, lsoa_indicator, lsoa_lookup, postcode_lsoa to reach_app';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['postcode_lsoa', 'lsoa_lookup', 'lsoa_indicator', 'lsoa', 'area_import'])
    await db.schema.dropTable(table).ifExists().execute()
}
