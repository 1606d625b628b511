/**
 * A measure's figures by period, oldest first: its entered values, or for a derived measure the
 * counts from SQL turned into figures (percentages from the counts; small numbers suppressed for
 * a whole system). Read-only: the chart page, the summary tables, the downloads and the system
 * view all take their figures from here.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { listMeasureValues, type MeasureRow } from '../../db/repositories/measures.js'
import { derivedMeasureCounts, type DerivedQuery, type DerivedScope } from '../../db/repositories/derived-measures.js'
import {
  derivedFigures,
  fillCountGaps,
  findDerivedMeasure,
  isAvailableDerivedKey,
  periodStartOf,
  type AvailableDerivedMeasureKey,
  type PeriodFigure
} from '../../domain/qi/measures/index.js'

type Db = Kysely<Database> | Transaction<Database>

export type { DerivedQuery, DerivedScope }

/**
 * One derived measure's figures; for the system scope, periods with a count of 1 to 4 are suppressed. A count
 * measure's periods with nothing counted are zero (shown, never suppressed), not gaps.
 */
export async function derivedMeasureFigures(
  db: Db,
  key: AvailableDerivedMeasureKey,
  scope: DerivedScope,
  query: DerivedQuery
): Promise<PeriodFigure[]> {
  const counts = await derivedMeasureCounts(db, key, scope, query)
  const rows = findDerivedMeasure(key)?.unit === 'count' ? fillCountGaps(counts, query.frequency, query.before) : counts
  return derivedFigures(rows, { suppress: scope.kind === 'system' })
}

/**
 * A measure's figures. `today` (ISO date) leaves out a derived measure's current, incomplete
 * period; a derived measure whose definition is not available has no figures.
 */
export async function measureFigures(
  db: Db,
  orgId: string,
  measure: Pick<MeasureRow, 'id' | 'source' | 'derived_key' | 'frequency' | 'team_id'>,
  today?: string
): Promise<PeriodFigure[]> {
  if (measure.source !== 'derived') return listMeasureValues(db, orgId, measure.id)
  if (!measure.derived_key || !isAvailableDerivedKey(measure.derived_key)) return []
  const before = today ? periodStartOf(today, measure.frequency) : undefined
  return derivedMeasureFigures(
    db,
    measure.derived_key,
    { kind: 'organisation', orgId, teamId: measure.team_id },
    { frequency: measure.frequency, ...(before ? { before } : {}) }
  )
}
