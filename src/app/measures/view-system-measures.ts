/**
 * The system-wide view of the derived measures: monthly figures across every organisation of
 * the actor's system, counts only, with small numbers suppressed. Run it outside the
 * organisation's row-level security (the caller passes the service's own connection), since it
 * reads every organisation of the system. Read-only. Entry point: GET /measures/system.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findSystemName } from '../../db/repositories/organisations.js'
import {
  derivedMeasures,
  periodStartOf,
  type DerivedMeasureDefinition,
  type PeriodFigure
} from '../../domain/qi/measures/index.js'
import { derivedMeasureFigures } from './measure-figures.js'

export interface SystemMeasures {
  systemName: string | null
  series: { definition: DerivedMeasureDefinition; figures: PeriodFigure[] }[]
}

export async function viewSystemMeasures(
  db: Kysely<Database> | Transaction<Database>,
  systemId: string,
  today: string
): Promise<SystemMeasures> {
  const systemName = (await findSystemName(db, systemId)) ?? null
  const series: SystemMeasures['series'] = []
  for (const definition of derivedMeasures) {
    if (!definition.available) continue
    const figures = await derivedMeasureFigures(
      db,
      definition.key,
      { kind: 'system', systemId },
      { frequency: 'monthly', before: periodStartOf(today, 'monthly') }
    )
    series.push({ definition, figures })
  }
  return { systemName, series }
}
