/**
 * An equity breakdown of the organisation's own patients (or, as aggregate counts, of every
 * organisation in its system): per group, the measure's rate with a Wilson interval, small
 * numbers hidden, the slope index across IMD quintiles and age-standardised rates.
 *
 * The caller chooses the connection by scope: the organisation's transaction for its own
 * patients; for the system scope the service's own connection, since the counts cross
 * organisations (only the organisations of the actor's own system are counted, and only counts
 * leave the database). Read-only. Entry points: GET /area/equity and /area/equity.csv.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, Team } from '../../db/schema.js'
import {
  equityCounts,
  equityCountsByAge,
  systemOrganisations,
  type EquityDimension,
  type EquityQuery
} from '../../db/repositories/equity.js'
import { findOrganisation, listTeams } from '../../db/repositories/organisations.js'
import {
  equityDsr,
  equityTable,
  siiAcrossQuintiles,
  type EquityDsr,
  type EquityMeasure,
  type EquityTable,
  type SiiReading
} from '../../domain/area/equity.js'
import type { Actor } from '../actor.js'
import { scoreRiskIndex } from './score-risk-index.js'

type Db = Kysely<Database> | Transaction<Database>

export type EquityScope = 'organisation' | 'system'

export interface EquityInput {
  dimension: EquityDimension
  measure: EquityMeasure
  scope: EquityScope
  /** A team of the organisation (organisation scope only); anything else counts the whole organisation. */
  team: string
  /** Inclusive ISO dates. */
  from: string
  to: string
}

export interface EquityTableResult {
  teams: Team[]
  orgNames: string[]
  table: EquityTable
}

export interface EquityBreakdown extends EquityTableResult {
  /** Across IMD quintiles only (null for other dimensions, or without all five quintiles). */
  sii: SiiReading | null
  /** Age-standardised rates by group (none for the age dimension); hidden where the crude counts are hidden. */
  dsr: EquityDsr[]
}

async function scopeQuery(db: Db, actor: Actor, input: EquityInput, teams: readonly Team[]) {
  let riskBands: Map<string, number> | undefined
  if (input.dimension === 'risk') {
    const { scored } = await scoreRiskIndex(db, { comparison: 'lad' })
    riskBands = new Map(scored.map((s) => [s.code, s.band]))
  }
  const base = { dimension: input.dimension, from: input.from, to: input.to, riskBands }
  if (input.scope === 'system') {
    const orgs = await systemOrganisations(db, actor.orgId)
    const query: EquityQuery = { ...base, orgIds: orgs.map((o) => o.id) }
    return { query, orgNames: orgs.map((o) => o.name) }
  }
  const teamId = teams.some((t) => t.id === input.team) ? input.team : null
  const organisation = await findOrganisation(db, actor.orgId)
  const query: EquityQuery = { ...base, orgIds: [actor.orgId], teamId }
  return { query, orgNames: [organisation?.name ?? ''] }
}

/** The table only (for the CSV download). */
export async function equityBreakdownTable(db: Db, actor: Actor, input: EquityInput): Promise<EquityTableResult> {
  const teams = await listTeams(db, actor.orgId)
  const { query, orgNames } = await scopeQuery(db, actor, input, teams)
  const counts = await equityCounts(db, query)
  return { teams, orgNames, table: equityTable(counts, input.measure) }
}

export async function equityBreakdown(db: Db, actor: Actor, input: EquityInput): Promise<EquityBreakdown> {
  const teams = await listTeams(db, actor.orgId)
  const { query, orgNames } = await scopeQuery(db, actor, input, teams)
  const counts = await equityCounts(db, query)
  const table = equityTable(counts, input.measure)
  const sii = input.dimension === 'imd' ? siiAcrossQuintiles(counts, input.measure) : null
  const hidden = new Set(
    table.rows.filter((r) => r.numerator.value === null || r.denominator.value === null).map((r) => r.group)
  )
  const dsr =
    input.dimension === 'age'
      ? []
      : equityDsr(await equityCountsByAge(db, query), input.measure).map((d) =>
          hidden.has(d.group) ? { ...d, value: null, lower: null, upper: null, note: 'not shown: counts hidden' } : d
        )
  return { teams, orgNames, table, sii, dsr }
}
