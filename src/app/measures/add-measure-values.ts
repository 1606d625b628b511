/**
 * Values of a manual measure: one at a time, or many pasted as lines (`date,value`, or a CSV
 * with that header). All or nothing: any problem, each with its line number, and nothing is
 * saved. Each value is moved to the start of its week or month and replaces a value already
 * entered for that period. Derived measures take no values (NotFoundError, like a missing one).
 * Entry points: POST /measures/:measureId/values (mode "single" and mode "lines").
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findMeasure, upsertMeasureValues, type MeasureRow } from '../../db/repositories/measures.js'
import { parseValueLines, periodStartOf, valuesByPeriod, type ImportProblem } from '../../domain/qi/measures/index.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { auditFields, type Actor } from '../actor.js'
import { NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** A measure that takes entered values; NotFoundError for a derived measure, another organisation's or none. */
export async function findManualMeasure(db: Db, actor: Actor, measureId: string): Promise<MeasureRow> {
  const measure = isUuid(measureId) ? await findMeasure(db, actor.orgId, measureId) : undefined
  if (!measure || measure.source !== 'manual') throw new NotFoundError('measure')
  return measure
}

export type ImportValuesResult =
  { ok: true; measure: MeasureRow; saved: number } | { ok: false; measure: MeasureRow; problems: ImportProblem[] }

async function save(
  db: Db,
  actor: Actor,
  measure: MeasureRow,
  values: readonly { periodStart: string; value: number }[]
): Promise<number> {
  await upsertMeasureValues(db, actor.orgId, measure.id, actor.userId, values)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'measure',
    entityId: measure.id,
    detail: { values: values.length }
  })
  return values.length
}

/** One value for the period that holds `periodStart` (an ISO date). */
export async function addMeasureValue(
  db: Db,
  actor: Actor,
  measureId: string,
  input: { periodStart: string; value: number }
): Promise<{ measure: MeasureRow; saved: number }> {
  const measure = await findManualMeasure(db, actor, measureId)
  if (!Number.isFinite(input.value)) throw new RangeError('a measure value must be a finite number')
  const saved = await save(db, actor, measure, [
    { periodStart: periodStartOf(input.periodStart, measure.frequency), value: input.value }
  ])
  return { measure, saved }
}

/** Pasted lines: every line checked (dates, numbers, repeats, two lines in one period) before anything is saved. */
export async function importMeasureValues(
  db: Db,
  actor: Actor,
  measureId: string,
  text: string
): Promise<ImportValuesResult> {
  const measure = await findManualMeasure(db, actor, measureId)
  const parsed = parseValueLines(text)
  if (!parsed.ok) return { ok: false, measure, problems: parsed.problems }
  const periods = valuesByPeriod(parsed.values, measure.frequency)
  if (!periods.ok) return { ok: false, measure, problems: periods.problems }
  const saved = await save(
    db,
    actor,
    measure,
    periods.values.map((v) => ({ periodStart: v.periodStart, value: v.value }))
  )
  return { ok: true, measure, saved }
}
