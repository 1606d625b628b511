/**
 * Measures for improvement: the Making Data Count summary table per organisation, project and
 * team (and a suppressed system-wide view of the derived measures), a chart page per measure
 * with its data table and downloads, and forms to add measures, values and annotations.
 * Projects' pages (under /measures/projects/…) are the qi area's (routes/qi).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from '../../../config.js'
import { findMeasure } from '../../../db/repositories/measures.js'
import { listTeams } from '../../../db/repositories/organisations.js'
import { found } from '../../../app/errors.js'
import { createMeasure } from '../../../app/measures/create-measure.js'
import { addMeasureValue, findManualMeasure, importMeasureValues } from '../../../app/measures/add-measure-values.js'
import { annotateMeasure } from '../../../app/measures/annotate-measure.js'
import { listMeasuresDashboard } from '../../../app/measures/list-measures.js'
import { viewMeasure, viewMeasureSeries } from '../../../app/measures/view-measure.js'
import { viewSystemMeasures } from '../../../app/measures/view-system-measures.js'
import { listProjects } from '../../../app/qi/list-projects.js'
import { derivedMeasures, findDerivedMeasure } from '../../../domain/qi/measures/index.js'
import { can } from '../../../domain/staff/roles.js'
import { isUuid } from '../../../domain/shared/uuid.js'
import { noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import { chartCsv, chartModel, MIN_SPC_POINTS } from '../../charts/measure-chart.js'
import { chartFileName, chartPng, standaloneSvg } from '../../charts/chart-files.js'
import {
  annotationSchema,
  annotationValues,
  dashboardQuery,
  manualMeasureIssues,
  measureFormErrors,
  measureFormSchema,
  measureFormValues,
  measureParams,
  singleValueSchema,
  singleValueValues,
  type MeasureFormValues
} from './schemas.js'
import {
  annotationFormFields,
  annotationRows,
  dashboardFilters,
  dashboardHeading,
  definitionRows,
  emptyAnnotation,
  emptyMeasureForm,
  emptySingleValue,
  home,
  importErrors,
  measureBreadcrumbs,
  measureFormFields,
  measuresCrumb,
  rebaseSuggestion,
  summaryRow,
  systemSummaryRow,
  valuesFormFields,
  type AnnotationInput,
  type SingleValueInput
} from './view-models.js'

export interface MeasuresRouteOptions {
  config: Config
}

const today = () => new Date().toISOString().slice(0, 10)

export async function measuresRoutes(app: FastifyInstance, _opts: MeasuresRouteOptions): Promise<void> {
  dashboardRoutes(app)
  measureFormRoutes(app)
  chartRoutes(app)
  valueRoutes(app)
  annotationRoutes(app)
}

/** The summary tables: the organisation's (by project or team) and the system's. */
function dashboardRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/measures',
    { schema: { querystring: dashboardQuery }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const projectId = isUuid(request.query.project) ? request.query.project : null
      const teamId = isUuid(request.query.team) ? request.query.team : null
      const dashboard = await request.withOrg((trx) =>
        listMeasuresDashboard(trx, requestActor(request), { projectId, teamId }, today())
      )
      return reply.render('measures/index.njk', {
        rows: dashboard.series.map((s) =>
          summaryRow(s.measure, chartModel(s.measure, s.figures, s.annotations, `chart-${s.measure.id}`))
        ),
        project: dashboard.project,
        team: dashboard.team,
        heading: dashboardHeading(dashboard.project, dashboard.team),
        filters: dashboardFilters(dashboard.projects, dashboard.teams, projectId, teamId),
        unavailable: derivedMeasures.filter((m) => !m.available),
        canWrite: can(currentUser(request).role, 'measures:write'),
        gridColumn: 'nhsuk-grid-column-full',
        breadcrumbs: [home]
      })
    }
  )

  r.get('/measures/system', { config: { access: 'reports:read' } }, async (request, reply) => {
    const organisation = found(request.organisation, 'organisation')
    // aggregates across every organisation of the system: counts only, small numbers suppressed
    const system = await viewSystemMeasures(app.database.db, organisation.system_id, today())
    return reply.render('measures/system.njk', {
      rows: system.series.map((s) => systemSummaryRow(s.definition, s.figures)),
      systemName: system.systemName ?? 'your system',
      unavailable: derivedMeasures.filter((m) => !m.available),
      gridColumn: 'nhsuk-grid-column-full',
      breadcrumbs: [home, measuresCrumb]
    })
  })
}

/** Adding a measure. */
function measureFormRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  async function renderMeasureForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: MeasureFormValues,
    errors: FormErrors
  ) {
    const actor = requestActor(request)
    const [projects, teams] = await request.withOrg((trx) =>
      Promise.all([listProjects(trx, actor), listTeams(trx, actor.orgId)])
    )
    return reply.render('measures/new.njk', {
      fields: measureFormFields(values, errors, projects, teams),
      errors,
      derived: derivedMeasures,
      breadcrumbs: [home, measuresCrumb]
    })
  }

  r.get('/measures/new', { config: { access: 'measures:write' } }, async (request, reply) =>
    renderMeasureForm(request, reply, emptyMeasureForm(), noErrors)
  )

  r.post('/measures/new', { config: { access: 'measures:write' } }, async (request, reply) => {
    const values = measureFormValues(request.body)
    const parsed = parseForm(measureFormSchema, values)
    const manualIssues = manualMeasureIssues(values)
    if (!parsed.ok || manualIssues.length > 0) {
      const schemaIssues = parsed.ok ? [] : parsed.errors.list.map((e) => ({ field: e.href.slice(1), text: e.text }))
      return renderMeasureForm(request, reply, values, measureFormErrors([...manualIssues, ...schemaIssues]))
    }
    const result = await request.withOrg((trx) => createMeasure(trx, requestActor(request), parsed.data))
    if (!result.ok) return renderMeasureForm(request, reply, values, measureFormErrors(result.errors))
    return reply.flash('Measure added').redirect(`/measures/${result.measure.id}`, 303)
  })
}

/** A measure's chart page and its downloads (SVG, PNG, CSV). */
function chartRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/measures/:measureId',
    { schema: { params: measureParams }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const view = await request.withOrg((trx) =>
        viewMeasure(trx, requestActor(request), request.params.measureId, today())
      )
      const { measure, projectName, teamName } = view
      const model = chartModel(measure, view.figures, view.annotations)
      const canWrite = can(currentUser(request).role, 'measures:write')
      return reply.render('measures/show.njk', {
        measure,
        model,
        rebase: canWrite ? rebaseSuggestion(measure, model) : null,
        minSpcPoints: MIN_SPC_POINTS,
        hasTarget: measure.target !== null,
        definitionRows: definitionRows(measure, projectName, teamName),
        annotationRows: annotationRows(view.annotations),
        derived: findDerivedMeasure(measure.derived_key) ?? null,
        canWrite,
        gridColumn: 'nhsuk-grid-column-full',
        breadcrumbs: measureBreadcrumbs(measure, projectName)
      })
    }
  )

  /** The chart of a measure, for the downloads. */
  async function chartOf(request: FastifyRequest, measureId: string) {
    const series = await request.withOrg((trx) => viewMeasureSeries(trx, requestActor(request), measureId, today()))
    return { measure: series.measure, model: chartModel(series.measure, series.figures, series.annotations) }
  }

  r.get(
    '/measures/:measureId/chart.svg',
    { schema: { params: measureParams }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { measure, model } = await chartOf(request, request.params.measureId)
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${chartFileName(measure.name, 'svg')}"`)
        .send(standaloneSvg(model.svg))
    }
  )

  r.get(
    '/measures/:measureId/chart.png',
    { schema: { params: measureParams }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { measure, model } = await chartOf(request, request.params.measureId)
      return reply
        .type('image/png')
        .header('content-disposition', `attachment; filename="${chartFileName(measure.name, 'png')}"`)
        .send(chartPng(model.svg))
    }
  )

  r.get(
    '/measures/:measureId/data.csv',
    { schema: { params: measureParams }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { measure, model } = await chartOf(request, request.params.measureId)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${chartFileName(measure.name, 'csv')}"`)
        .send(chartCsv(model))
    }
  )
}

/** Values of a manual measure: one at a time or pasted lines. */
function valueRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  function renderValues(
    reply: FastifyReply,
    measure: { id: string; name: string; frequency: 'weekly' | 'monthly'; unit: string },
    context: { single?: SingleValueInput; lines?: string; errors?: FormErrors; singleErrors?: FormErrors }
  ) {
    const singleErrors = context.singleErrors ?? noErrors
    const errors = context.errors ?? noErrors
    return reply.render('measures/values.njk', {
      measure,
      errors: { list: [...singleErrors.list, ...errors.list], byField: { ...singleErrors.byField, ...errors.byField } },
      ...valuesFormFields(measure, context.single ?? emptySingleValue, singleErrors, context.lines ?? '', errors),
      backLinkHref: `/measures/${measure.id}`
    })
  }

  r.get(
    '/measures/:measureId/values',
    { schema: { params: measureParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const measure = await request.withOrg((trx) =>
        findManualMeasure(trx, requestActor(request), request.params.measureId)
      )
      return renderValues(reply, measure, {})
    }
  )

  r.post(
    '/measures/:measureId/values',
    { schema: { params: measureParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const actor = requestActor(request)
      const { measureId } = request.params
      const body = (request.body ?? {}) as Record<string, unknown>
      if (text(body.mode) === 'lines') {
        const raw = typeof body.lines === 'string' ? body.lines : ''
        const result = await request.withOrg((trx) => importMeasureValues(trx, actor, measureId, raw))
        if (!result.ok)
          return renderValues(reply, result.measure, { lines: raw, errors: importErrors(result.problems) })
        return reply.flash(savedMessage(result.saved)).redirect(`/measures/${result.measure.id}`, 303)
      }
      const single = singleValueValues(body)
      const parsed = parseForm(singleValueSchema, single, { periodStart: 'periodStart-day' })
      if (!parsed.ok) {
        const measure = await request.withOrg((trx) => findManualMeasure(trx, actor, measureId))
        return renderValues(reply, measure, { single, singleErrors: parsed.errors })
      }
      const result = await request.withOrg((trx) => addMeasureValue(trx, actor, measureId, parsed.data))
      return reply.flash(savedMessage(result.saved)).redirect(`/measures/${result.measure.id}`, 303)
    }
  )
}

/** Annotations on a measure's chart: PDSA cycles, rebases and notes. */
function annotationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  function renderAnnotation(
    reply: FastifyReply,
    measure: { id: string; name: string },
    values: AnnotationInput,
    errors: FormErrors
  ) {
    return reply.render('measures/annotation.njk', {
      measure,
      errors,
      ...annotationFormFields(values, errors),
      backLinkHref: `/measures/${measure.id}`
    })
  }

  async function measureFor(request: FastifyRequest, measureId: string) {
    const orgId = currentUser(request).orgId
    return found(await request.withOrg((trx) => findMeasure(trx, orgId, measureId)), 'measure')
  }

  r.get(
    '/measures/:measureId/annotations/new',
    { schema: { params: measureParams }, config: { access: 'measures:write' } },
    async (request, reply) =>
      renderAnnotation(reply, await measureFor(request, request.params.measureId), emptyAnnotation, noErrors)
  )

  r.post(
    '/measures/:measureId/annotations/new',
    { schema: { params: measureParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const values = annotationValues(request.body)
      const parsed = parseForm(annotationSchema, values, { onDate: 'onDate-day' })
      if (!parsed.ok)
        return renderAnnotation(reply, await measureFor(request, request.params.measureId), values, parsed.errors)
      const { measureId } = request.params
      const annotation = await request.withOrg((trx) =>
        annotateMeasure(trx, requestActor(request), measureId, parsed.data)
      )
      return reply.flash('Annotation added').redirect(`/measures/${annotation.measure_id}`, 303)
    }
  )
}

const savedMessage = (saved: number) => (saved === 1 ? '1 value saved' : `${saved} values saved`)
