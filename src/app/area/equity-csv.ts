/**
 * An equity breakdown as a CSV download: one row per group and one for all patients, with the
 * stored group codes, counts (empty where hidden), percentages to one decimal place, and why a
 * cell is hidden. Read-only. Entry point: GET /area/equity.csv.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { EquityDimension } from '../../db/repositories/equity.js'
import type { EquityMeasure, EquityTable } from '../../domain/area/equity.js'
import { toCsv } from '../../domain/shared/csv.js'
import type { Actor } from '../actor.js'
import { equityBreakdownTable, type EquityInput } from './equity-breakdown.js'

const pct = (v: number | null) => (v === null ? '' : v.toFixed(1))

export function equityCsv(table: EquityTable, measure: EquityMeasure, dimension: EquityDimension): string {
  return toCsv(
    [
      'dimension',
      'group',
      'measure',
      'numerator',
      'denominator',
      'percent',
      'lower_95',
      'upper_95',
      'comparison_with_overall',
      'suppressed'
    ],
    [...table.rows, table.overall].map((c) => [
      dimension,
      c.group,
      measure,
      c.numerator.value,
      c.denominator.value,
      pct(c.value),
      pct(c.lower),
      pct(c.upper),
      c.comparison,
      c.numerator.reason ?? c.denominator.reason ?? ''
    ])
  )
}

export async function exportEquityCsv(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  input: EquityInput
): Promise<string> {
  const { table } = await equityBreakdownTable(db, actor, input)
  return equityCsv(table, input.measure, input.dimension)
}
