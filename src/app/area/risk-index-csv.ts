/**
 * The risk index as a CSV download: one row per scored LSOA in rank order, with the component
 * scores, the index and each indicator's score (empty for indicators the open data cannot fill).
 * Read-only. Entry point: GET /area/risk-index.csv.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { INDICATORS } from '../../domain/area/risk-index.js'
import { INDICATOR_SOURCES } from '../../domain/area/risk-index-sources.js'
import { sortScored, type ScoredLsoa } from '../../domain/area/score-lsoas.js'
import { toCsv } from '../../domain/shared/csv.js'
import { scoreRiskIndex, type RiskIndexInput } from './score-risk-index.js'

export function riskIndexCsv(scored: readonly ScoredLsoa[]): string {
  const keys = INDICATORS.map((i) => i.key)
  const header = [
    'lsoa',
    'name',
    'local_authority',
    'rank',
    'fifth',
    'deri',
    'demography',
    'deprivation',
    'broadband',
    ...keys.map((k) => `s_${k}`)
  ]
  const rows = sortScored(scored, 'rank', false).map((s) => [
    s.code,
    s.name,
    s.ladName,
    s.rank,
    s.band,
    s.result.deri,
    s.result.demography,
    s.result.deprivation,
    s.result.broadband,
    ...keys.map((k) => (INDICATOR_SOURCES[k] ? s.result.scores[k] : null))
  ])
  return toCsv(header, rows)
}

export async function exportRiskIndexCsv(
  db: Kysely<Database> | Transaction<Database>,
  input: RiskIndexInput
): Promise<string> {
  const { scored } = await scoreRiskIndex(db, input)
  return riskIndexCsv(scored)
}
