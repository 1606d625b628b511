/**
 * Measures, their manual values and chart annotations. Every query is scoped by organisation.
 * Projects are in `projects.ts`; derived measures' counts come from `derived-measures.ts`, live.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, MeasureAnnotationTable, MeasureTable } from '../schema.js'
import type { PeriodFigure } from '../../domain/qi/measures/index.js'

type Db = Kysely<Database> | Transaction<Database>

export type MeasureRow = Selectable<MeasureTable>
export type MeasureAnnotationRow = Selectable<MeasureAnnotationTable>

export interface MeasureFilter {
  projectId?: string | null
  teamId?: string | null
}

export async function listMeasures(db: Db, orgId: string, filter: MeasureFilter = {}): Promise<MeasureRow[]> {
  let query = db.selectFrom('measure').selectAll().where('org_id', '=', orgId)
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId)
  if (filter.teamId) query = query.where('team_id', '=', filter.teamId)
  // outcome, process, balancing: the order of a Model for Improvement family of measures
  return query
    .orderBy(sql`case type when 'outcome' then 1 when 'process' then 2 else 3 end`)
    .orderBy('name')
    .execute()
}

export async function findMeasure(db: Db, orgId: string, id: string): Promise<MeasureRow | undefined> {
  return db.selectFrom('measure').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
}

export async function findMeasureByName(db: Db, orgId: string, name: string): Promise<MeasureRow | undefined> {
  return db
    .selectFrom('measure')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
}

export async function insertMeasure(db: Db, values: Insertable<MeasureTable>): Promise<MeasureRow> {
  return db.insertInto('measure').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Saves values for periods, replacing any value already entered for the same period. */
export async function upsertMeasureValues(
  db: Db,
  orgId: string,
  measureId: string,
  enteredBy: string | null,
  values: readonly {
    periodStart: string
    value: number
    numerator?: number | null
    denominator?: number | null
    note?: string | null
  }[]
): Promise<number> {
  if (values.length === 0) return 0
  await db
    .insertInto('measure_value')
    .values(
      values.map((v) => ({
        org_id: orgId,
        measure_id: measureId,
        period_start: v.periodStart,
        value: v.value,
        numerator: v.numerator ?? null,
        denominator: v.denominator ?? null,
        note: v.note ?? null,
        entered_by: enteredBy
      }))
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'measure_id', 'period_start']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        note: eb.ref('excluded.note'),
        entered_by: eb.ref('excluded.entered_by')
      }))
    )
    .execute()
  await db
    .updateTable('measure')
    .set({ updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', measureId)
    .execute()
  return values.length
}

export async function listAnnotations(db: Db, orgId: string, measureId: string): Promise<MeasureAnnotationRow[]> {
  return db
    .selectFrom('measure_annotation')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('measure_id', '=', measureId)
    .orderBy('on_date')
    .execute()
}

export async function insertAnnotation(
  db: Db,
  values: Insertable<MeasureAnnotationTable>
): Promise<MeasureAnnotationRow> {
  return db.insertInto('measure_annotation').values(values).returningAll().executeTakeFirstOrThrow()
}

/** A manual measure's entered values by period, oldest first. */
export async function listMeasureValues(db: Db, orgId: string, measureId: string): Promise<PeriodFigure[]> {
  const rows = await db
    .selectFrom('measure_value')
    .select(['period_start', 'value', 'numerator', 'denominator'])
    .where('org_id', '=', orgId)
    .where('measure_id', '=', measureId)
    .orderBy('period_start')
    .execute()
  return rows.map((r) => ({
    periodStart: r.period_start,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    suppressed: false
  }))
}
