/**
 * Area and equity: the Digital Exclusion Risk Index from imported open data (map, sortable
 * table, CSV, one page per LSOA), and equity breakdowns of our own patients.
 * Area tables are reference data (no org_id); patient counts are always org-scoped.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Kysely, Transaction } from 'kysely'
import type { Config } from '../../../config.js'
import type { Database } from '../../../db/schema.js'
import { listAreaImports } from '../../../db/repositories/area.js'
import { scoreRiskIndex, type RiskIndexInput } from '../../../app/area/score-risk-index.js'
import { exportRiskIndexCsv } from '../../../app/area/risk-index-csv.js'
import { viewLsoa } from '../../../app/area/view-lsoa.js'
import { equityBreakdown, type EquityInput } from '../../../app/area/equity-breakdown.js'
import { exportEquityCsv } from '../../../app/area/equity-csv.js'
import { EQUITY_MEASURES } from '../../../domain/area/equity.js'
import { sortScored } from '../../../domain/area/score-lsoas.js'
import { requestActor } from '../../plugins/auth.js'
import {
  comparisonRadios,
  importRows,
  lsoaPage,
  mapModel,
  queryString,
  riskTableRows,
  sortLinks,
  tableSort,
  weightFieldsets,
  weightsFromQuery,
  type WeightsInput
} from './risk-view-model.js'
import {
  DIMENSION_LABELS,
  barChart,
  dsrRows,
  equityFormFields,
  equityTableRows,
  parseEquityQuery,
  quintileChart,
  type EquityQueryValues
} from './equity-view-model.js'
import { equityQuery, lsoaParams, riskIndexQuery } from './schemas.js'

export interface AreaRouteOptions {
  config: Config
}

const breadcrumbs = [{ href: '/home', text: 'Home' }]
const areaCrumbs = [...breadcrumbs, { href: '/area', text: 'Area and equity' }]
const today = () => new Date().toISOString().slice(0, 10)

/** The weights and comparison set asked for; weights that cannot be used fall back to the defaults. */
function riskInput(query: { comparison?: string | undefined } & Record<string, unknown>): {
  input: RiskIndexInput
  weightsInput: WeightsInput
} {
  const weightsInput = weightsFromQuery(query)
  const comparison = (query.comparison ?? '').trim() === 'all' ? 'all' : 'lad'
  return { input: { weights: weightsInput.weights, comparison }, weightsInput }
}

/**
 * The query string as sent, in its order (the schema rebuilds `request.query` in its own order),
 * for the links that keep it; a key sent more than once is left out, as it always was.
 */
function sentQuery(request: FastifyRequest): Record<string, string> {
  const values = new Map<string, string>()
  const repeated = new Set<string>()
  for (const [k, v] of new URLSearchParams(request.url.split('?')[1] ?? '')) {
    if (values.has(k)) repeated.add(k)
    else values.set(k, v)
  }
  for (const k of repeated) values.delete(k)
  return Object.fromEntries(values)
}

function equityInput(values: EquityQueryValues, from: string, to: string): EquityInput {
  return { dimension: values.dimension, measure: values.measure, scope: values.scope, team: values.team, from, to }
}

export async function areaRoutes(app: FastifyInstance, _opts: AreaRouteOptions): Promise<void> {
  riskIndexRoutes(app)
  equityRoutes(app)
}

/** The risk index: map and table, its CSV, and one page per LSOA. */
function riskIndexRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // reference data is shared by every organisation: read it on the service's own connection
  const db = () => app.database.db

  r.get(
    '/area',
    { schema: { querystring: riskIndexQuery }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const query = request.query
      const { input, weightsInput } = riskInput(query)
      const { lsoas, scored, missing } = await scoreRiskIndex(db(), input)
      const { sort, descending } = tableSort(query.sort, query.dir)
      const imports = await listAreaImports(db())
      return reply.render('area/index.njk', {
        breadcrumbs,
        gridColumn: 'nhsuk-grid-column-full',
        map: mapModel(lsoas, scored),
        rows: riskTableRows(sortScored(scored, sort, descending), input.comparison),
        sortLinks: sortLinks(sentQuery(request), sort, descending, input.comparison),
        missing,
        count: scored.length,
        comparison: input.comparison,
        comparisonRadios: comparisonRadios(input.comparison),
        weightProblems: weightsInput.problems,
        fieldsets: weightFieldsets(weightsInput.values),
        csvHref: `/area/risk-index.csv?${queryString(sentQuery(request), {})}`,
        importRows: importRows(imports),
        hasSynthetic: imports.some((i) => i.isSynthetic)
      })
    }
  )

  r.get(
    '/area/risk-index.csv',
    { schema: { querystring: riskIndexQuery }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const csv = await exportRiskIndexCsv(db(), riskInput(request.query).input)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="reach-risk-index.csv"')
        .send(csv)
    }
  )

  r.get(
    '/area/lsoa/:code',
    { schema: { params: lsoaParams, querystring: riskIndexQuery }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { input } = riskInput(request.query)
      const view = await request.withOrg((trx) => viewLsoa(trx, requestActor(request), request.params.code, input))
      return reply.render('area/lsoa.njk', {
        breadcrumbs: areaCrumbs,
        lsoa: view.lsoa,
        mine: view.mine,
        ...lsoaPage(view),
        services: view.services
      })
    }
  )
}

/** Equity breakdowns of the organisation's patients (or the system's, as aggregate counts), and their CSV. */
function equityRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  /**
   * Where an equity breakdown runs: the organisation's own patients in its transaction; the
   * system scope's aggregate counts across organisations on the service's own connection.
   */
  function equityRun(request: FastifyRequest, scope: EquityInput['scope']) {
    return <T>(work: (d: Kysely<Database> | Transaction<Database>) => Promise<T>): Promise<T> =>
      scope === 'system' ? work(app.database.db) : request.withOrg(work)
  }

  r.get(
    '/area/equity',
    { schema: { querystring: equityQuery }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { values, from, to, errors } = parseEquityQuery(request.query, today())
      const input = equityInput(values, from, to)
      const actor = requestActor(request)
      const result = await equityRun(request, input.scope)((d) => equityBreakdown(d, actor, input))
      return reply.render('area/equity.njk', {
        dsrRows: dsrRows(result.dsr, values.dimension),
        breadcrumbs: areaCrumbs,
        gridColumn: 'nhsuk-grid-column-full',
        errors: errors.list.length ? errors : undefined,
        fields: equityFormFields(values, errors, result.teams),
        from,
        to,
        orgNames: result.orgNames,
        measure: EQUITY_MEASURES[values.measure],
        dimensionLabel: DIMENSION_LABELS[values.dimension],
        tableRows: equityTableRows(result.table, values.dimension),
        chart: barChart(result.table, values.dimension),
        quintiles: values.dimension === 'imd' ? quintileChart(result.table) : null,
        sii: result.sii,
        csvHref: `/area/equity.csv?${queryString(sentQuery(request), {})}`
      })
    }
  )

  r.get(
    '/area/equity.csv',
    { schema: { querystring: equityQuery }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { values, from, to } = parseEquityQuery(request.query, today())
      const input = equityInput(values, from, to)
      const actor = requestActor(request)
      const csv = await equityRun(request, input.scope)((d) => exportEquityCsv(d, actor, input))
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="reach-equity-${values.dimension}-${values.measure}.csv"`)
        .send(csv)
    }
  )
}
