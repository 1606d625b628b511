/**
 * The Digital Exclusion Risk Index of every imported 2021 LSOA, from the stored indicators, with
 * the given weights and comparison set. Reference data only (no organisation's records), so any
 * connection will do. Read-only. Entry points: GET /area, /area/risk-index.csv,
 * /area/lsoa/:code and the equity breakdown by risk fifth.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { indicatorValues, listLsoas21, type LsoaRow } from '../../db/repositories/area.js'
import type { RiskIndexWeights } from '../../domain/area/risk-index.js'
import { effectiveWeights, storedIndicatorNames } from '../../domain/area/risk-index-sources.js'
import { scoreLsoas, type Comparison, type ScoredLsoa } from '../../domain/area/score-lsoas.js'

export interface RiskIndexInput {
  /** Defaults to the published weights (with unavailable indicators at 0). */
  weights?: RiskIndexWeights
  comparison: Comparison
}

export interface ScoredRiskIndex {
  lsoas: LsoaRow[]
  scored: ScoredLsoa[]
  /** LSOAs left unscored because an input is missing. */
  missing: string[]
}

export async function scoreRiskIndex(
  db: Kysely<Database> | Transaction<Database>,
  input: RiskIndexInput
): Promise<ScoredRiskIndex> {
  const lsoas = await listLsoas21(db)
  const values = await indicatorValues(db, storedIndicatorNames())
  const { scored, missing } = scoreLsoas(lsoas, values, input.weights ?? effectiveWeights({}), input.comparison)
  return { lsoas, scored, missing }
}
