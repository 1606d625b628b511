/**
 * Area and equity: the Digital Exclusion Risk Index from imported open data (map, sortable
 * table, CSV, one page per LSOA), and equity breakdowns of our own patients.
 * Area tables are reference data (no org_id); patient counts are always org-scoped.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { Config } from '../../../config.js'
import {
  findLsoa,
  indicatorValues,
  listAreaImports,
  listLsoas21,
  lsoaIndicators,
  patientsInLsoa
} from '../../../db/repositories/area.js'
import {
  equityCounts,
  equityCountsByAge,
  systemOrganisations,
  type EquityQuery
} from '../../../db/repositories/equity.js'
import { listTeams } from '../../../db/repositories/organisations.js'
import { INDICATORS, COMPONENT_KEYS, DEFAULT_WEIGHTS } from '../../../domain/area/risk-index.js'
import { INDICATOR_SOURCES, storedIndicatorNames } from '../../../domain/area/risk-index-sources.js'
import { isLsoaCode } from '../../../domain/area/import/area-file.js'
import { siiAcrossQuintiles, equityDsr, EQUITY_MEASURES } from '../../../domain/area/equity.js'
import { needsPrimarySuppression } from '../../../domain/area/inequalities/suppression.js'
import { text } from '../../form-errors.js'
import {
  BAND_LABELS,
  SORT_KEYS,
  mapModel,
  scoreLsoas,
  sortScored,
  weightFieldsets,
  weightsFromQuery,
  type Comparison,
  type SortKey
} from './risk-view-model.js'
import {
  DIMENSION_LABELS,
  groupLabel,
  quintileChart,
  barChart,
  dimensionItems,
  equityCsv,
  equityTableRows,
  measureItems,
  parseEquityQuery,
  tableFor
} from './equity-view-model.js'

export interface AreaRouteOptions {
  config: Config
}

const breadcrumbs = [{ href: '/home', text: 'Home' }]
const areaCrumbs = [...breadcrumbs, { href: '/area', text: 'Area and equity' }]
const fmt = (n: number) => n.toFixed(2)

export async function areaRoutes(app: FastifyInstance, _opts: AreaRouteOptions): Promise<void> {
  const db = () => app.database.db

  async function riskIndex(query: Record<string, unknown>) {
    const weightsInput = weightsFromQuery(query)
    const comparison: Comparison = text(query.comparison) === 'all' ? 'all' : 'lad'
    const lsoas = await listLsoas21(db())
    const values = await indicatorValues(db(), storedIndicatorNames())
    const { scored, missing } = scoreLsoas(lsoas, values, weightsInput.weights, comparison)
    return { weightsInput, comparison, lsoas, scored, missing }
  }

  function queryString(query: Record<string, unknown>, extra: Record<string, string>): string {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && !(k in extra)) params.set(k, v)
    for (const [k, v] of Object.entries(extra)) params.set(k, v)
    return params.toString()
  }

  app.get('/area', { config: { access: 'reports:read' } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const { weightsInput, comparison, lsoas, scored, missing } = await riskIndex(query)
    const sortRaw = text(query.sort)
    const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortRaw) ? (sortRaw as SortKey) : 'rank'
    const descending = text(query.dir) === 'desc'
    const sorted = sortScored(scored, sort, descending)
    const headings: { key: SortKey; text: string; numeric: boolean }[] = [
      { key: 'rank', text: 'Rank', numeric: true },
      { key: 'name', text: 'LSOA', numeric: false },
      { key: 'lad', text: 'Local authority', numeric: false },
      { key: 'deri', text: 'Risk index', numeric: true },
      { key: 'demography', text: 'Demography', numeric: true },
      { key: 'deprivation', text: 'Deprivation', numeric: true },
      { key: 'broadband', text: 'Broadband', numeric: true }
    ]
    const sortLinks = headings.map((h) => {
      const active = h.key === sort
      const nextDir = active && !descending ? 'desc' : 'asc'
      return {
        ...h,
        href: `/area?${queryString(query, { sort: h.key, dir: nextDir })}#risk-table`,
        ariaSort: active ? (descending ? 'descending' : 'ascending') : 'none'
      }
    })
    const imports = await listAreaImports(db())
    return reply.render('area/index.njk', {
      breadcrumbs,
      gridColumn: 'nhsuk-grid-column-full',
      map: mapModel(lsoas, scored),
      rows: sorted.map((s) => ({
        ...s,
        deri: fmt(s.result.deri),
        demography: fmt(s.result.demography),
        deprivation: fmt(s.result.deprivation),
        broadband: fmt(s.result.broadband),
        bandLabel: BAND_LABELS[s.band - 1]
      })),
      sortLinks,
      missing,
      count: scored.length,
      comparison,
      weightProblems: weightsInput.problems,
      fieldsets: weightFieldsets(weightsInput.values),
      csvHref: `/area/risk-index.csv?${queryString(query, {})}`,
      imports,
      hasSynthetic: imports.some((i) => i.isSynthetic)
    })
  })

  app.get('/area/risk-index.csv', { config: { access: 'reports:read' } }, async (request, reply) => {
    const { scored } = await riskIndex((request.query ?? {}) as Record<string, unknown>)
    const keys = INDICATORS.map((i) => i.key)
    const lines = [
      [
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
      ].join(',')
    ]
    for (const s of sortScored(scored, 'rank', false)) {
      lines.push(
        [
          s.code,
          `"${s.name.replace(/"/g, '""')}"`,
          `"${s.ladName.replace(/"/g, '""')}"`,
          s.rank,
          s.band,
          s.result.deri,
          s.result.demography,
          s.result.deprivation,
          s.result.broadband,
          ...keys.map((k) => (INDICATOR_SOURCES[k] ? (s.result.scores[k] ?? '') : ''))
        ].join(',')
      )
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="reach-risk-index.csv"')
      .send(`${lines.join('\n')}\n`)
  })

  app.get('/area/lsoa/:code', { config: { access: 'reports:read' } }, async (request, reply) => {
    const code = (request.params as { code: string }).code
    const lsoa = isLsoaCode(code) ? await findLsoa(db(), code) : undefined
    if (!lsoa) return reply.code(404).render('errors/404.njk')
    const query = (request.query ?? {}) as Record<string, unknown>
    const { scored, comparison } = await riskIndex(query)
    const mine = scored.find((s) => s.code === code)
    const peers = mine ? scored.filter((s) => comparison === 'all' || s.ladName === mine.ladName).length : 0
    const indicators = await lsoaIndicators(db(), code)
    const patients = await request.withOrg((trx) => patientsInLsoa(trx, request.user!.orgId, code))
    const services = await db()
      .selectFrom('support_service')
      .select(['id', 'name', 'organisation_name'])
      .where('status', '=', 'active')
      .where(sql<boolean>`${code} = any(areas)`)
      .orderBy('name')
      .limit(50)
      .execute()
    const components = mine
      ? COMPONENT_KEYS.map((c) => ({
          key: { text: `${c[0]!.toUpperCase()}${c.slice(1)} component` },
          value: { text: `${fmt(mine.result[c])} (weight ${DEFAULT_WEIGHTS[c]} by default)` }
        }))
      : []
    const deriRows = INDICATORS.map((i) => {
      const source = INDICATOR_SOURCES[i.key]
      const raw = source ? indicators.find((v) => v.indicator === source.stored)?.value : undefined
      return [
        { text: i.label },
        { text: source ? source.label : 'Not available' },
        { text: raw === undefined ? 'not available' : raw.toFixed(2), format: 'numeric' },
        { text: source && mine ? (mine.result.scores[i.key] ?? 0).toFixed(2) : 'not available', format: 'numeric' }
      ]
    })
    return reply.render('area/lsoa.njk', {
      breadcrumbs: areaCrumbs,
      lsoa,
      mine: mine && { ...mine, deri: fmt(mine.result.deri), bandLabel: BAND_LABELS[mine.band - 1] },
      peers,
      comparison,
      components,
      deriRows,
      indicatorRows: indicators.map((v) => [
        { text: v.indicator },
        { text: Number.isInteger(v.value) ? String(v.value) : v.value.toFixed(3), format: 'numeric' }
      ]),
      patients: patients === 0 ? '0' : needsPrimarySuppression(patients) ? 'fewer than 5' : String(patients),
      services
    })
  })

  app.get('/area/equity', { config: { access: 'reports:read' } }, async (request, reply) =>
    equityPage(request, reply, false)
  )
  app.get('/area/equity.csv', { config: { access: 'reports:read' } }, async (request, reply) =>
    equityPage(request, reply, true)
  )

  async function equityPage(request: FastifyRequest, reply: FastifyReply, csv: boolean) {
    const user = request.user!
    const query = (request.query ?? {}) as Record<string, unknown>
    const { values, from, to, errors } = parseEquityQuery(query, new Date().toISOString().slice(0, 10))
    const teams = await request.withOrg((trx) => listTeams(trx, user.orgId))
    const teamId = values.scope === 'organisation' && teams.some((t) => t.id === values.team) ? values.team : null
    let riskBands: Map<string, number> | undefined
    if (values.dimension === 'risk') {
      const { scored } = await riskIndex({})
      riskBands = new Map(scored.map((s) => [s.code, s.band]))
    }
    let orgNames: string[]
    let scopeQuery: EquityQuery
    let run: <T>(work: (db: Kysely<Database> | Transaction<Database>) => Promise<T>) => Promise<T>
    if (values.scope === 'system') {
      // aggregate counts only, across the organisations of the user's own system
      const orgs = await systemOrganisations(db(), user.orgId)
      orgNames = orgs.map((o) => o.name)
      scopeQuery = { orgIds: orgs.map((o) => o.id), dimension: values.dimension, from, to, riskBands }
      run = (work) => work(db())
    } else {
      orgNames = [request.organisation?.name ?? '']
      scopeQuery = { orgIds: [user.orgId], teamId, dimension: values.dimension, from, to, riskBands }
      run = (work) => request.withOrg(work)
    }
    const counts = await run((d) => equityCounts(d, scopeQuery))
    const table = tableFor(counts, values.measure)
    if (csv) {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="reach-equity-${values.dimension}-${values.measure}.csv"`)
        .send(equityCsv(table, values.measure, values.dimension))
    }
    const sii = values.dimension === 'imd' ? siiAcrossQuintiles(counts, values.measure) : null
    const measure = EQUITY_MEASURES[values.measure]
    // age-standardised rates, hidden where the group's crude counts are hidden
    const hidden = new Set(
      table.rows.filter((r) => r.numerator.value === null || r.denominator.value === null).map((r) => r.group)
    )
    const dsr =
      values.dimension === 'age'
        ? []
        : equityDsr(await run((d) => equityCountsByAge(d, scopeQuery)), values.measure).map((d) =>
            hidden.has(d.group) ? { ...d, value: null, lower: null, upper: null, note: 'not shown: counts hidden' } : d
          )
    const dsrRows = dsr.map((d) => [
      { text: groupLabel(values.dimension, d.group) },
      { text: d.value === null ? (d.note ?? '') : `${d.value.toFixed(1)}%`, format: 'numeric' },
      {
        text: d.lower === null || d.upper === null ? '' : `${d.lower.toFixed(1)}% to ${d.upper.toFixed(1)}%`,
        format: 'numeric'
      }
    ])
    return reply.render('area/equity.njk', {
      dsrRows,
      breadcrumbs: areaCrumbs,
      gridColumn: 'nhsuk-grid-column-full',
      errors: errors.list.length ? errors : undefined,
      values,
      from,
      to,
      orgNames,
      measure,
      dimensionLabel: DIMENSION_LABELS[values.dimension],
      dimensionItems: dimensionItems(values.dimension),
      measureItems: measureItems(values.measure),
      scopeItems: [
        { value: 'organisation', text: 'My organisation', checked: values.scope === 'organisation' },
        {
          value: 'system',
          text: 'All organisations in my system (aggregate counts)',
          checked: values.scope === 'system'
        }
      ],
      teamItems: [
        { value: '', text: 'All teams' },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === values.team }))
      ],
      errorsByField: errors.byField,
      tableRows: equityTableRows(table, values.dimension),
      chart: barChart(table, values.dimension),
      quintiles: values.dimension === 'imd' ? quintileChart(table) : null,
      sii,
      csvHref: `/area/equity.csv?${queryString(query, {})}`
    })
  }
}
