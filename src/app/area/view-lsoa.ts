/**
 * One LSOA's page: its reference data, its risk index within the comparison set (rank of how
 * many), every stored indicator, the directory's services that list it, and how many of the
 * organisation's patients live there (a count only; the page hides 1 to 4). NotFoundError for
 * a code that is not an LSOA code or not imported. Read-only. Entry point: GET /area/lsoa/:code.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import {
  activeServicesInLsoa,
  findLsoa,
  lsoaIndicators,
  patientsInLsoa,
  type LsoaRow
} from '../../db/repositories/area.js'
import { isLsoaCode } from '../../domain/area/import/area-file.js'
import type { ScoredLsoa } from '../../domain/area/score-lsoas.js'
import type { Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'
import { scoreRiskIndex, type RiskIndexInput } from './score-risk-index.js'

export interface LsoaView {
  lsoa: LsoaRow
  /** The LSOA's score, or null for a 2011 LSOA or one with an input missing. */
  mine: ScoredLsoa | null
  /** How many LSOAs it is ranked among. */
  peers: number
  indicators: { indicator: string; value: number }[]
  patients: number
  services: { id: string; name: string; organisation_name: string }[]
}

/** Run inside the organisation's transaction (the patient count is the organisation's). */
export async function viewLsoa(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  code: string,
  riskIndex: RiskIndexInput
): Promise<LsoaView> {
  if (!isLsoaCode(code)) throw new NotFoundError('lsoa')
  const lsoa = found(await findLsoa(db, code), 'lsoa')
  const { scored } = await scoreRiskIndex(db, riskIndex)
  const mine = scored.find((s) => s.code === code) ?? null
  const peers = mine ? scored.filter((s) => riskIndex.comparison === 'all' || s.ladName === mine.ladName).length : 0
  const indicators = await lsoaIndicators(db, code)
  const patients = await patientsInLsoa(db, actor.orgId, code)
  const services = await activeServicesInLsoa(db, code)
  return { lsoa, mine, peers, indicators, patients, services }
}
