/**
 * Measures for improvement: the Making Data Count summary table per organisation, project and
 * team (and a suppressed system-wide view of the derived measures), a chart page per measure
 * with its data table and downloads, and forms to add measures, values and annotations.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Resvg } from '@resvg/resvg-js'
import type { Config } from '../../../config.js'
import { recordAudit } from '../../../db/repositories/audit.js'
import {
  findMeasure,
  findMeasureByName,
  findProject,
  insertAnnotation,
  insertMeasure,
  insertProject,
  listAnnotations,
  listMeasures,
  listProjects,
  listTeams,
  measureFigures,
  upsertMeasureValues,
  type MeasureRow
} from '../../../db/repositories/measures.js'
import { derivedMeasureFigures } from '../../../db/repositories/derived-measures.js'
import {
  derivedMeasures,
  findDerivedMeasure,
  parseValueLines,
  periodStartOf
} from '../../../domain/qi/measures/index.js'
import { can } from '../../../domain/staff/roles.js'
import { formErrors, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { auditActor } from '../../plugins/auth.js'
import { chartCsv, chartModel, MIN_SPC_POINTS } from './chart-view-model.js'
import {
  annotationSchema,
  annotationValues,
  manualMeasureIssues,
  measureFieldOrder,
  measureFormSchema,
  measureFormValues,
  projectSchema,
  singleValueSchema,
  singleValueValues,
  type MeasureFormValues
} from './schemas.js'
import {
  annotationKindLabels,
  dateField,
  definitionRows,
  emptyMeasureForm,
  importErrors,
  measureFormFields,
  summaryRow,
  unitLabels
} from './view-models.js'
import { formatDate } from '../../../domain/shared/dates.js'

export interface MeasuresRouteOptions {
  config: Config
}

const today = () => new Date().toISOString().slice(0, 10)
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value)
const home = { href: '/home', text: 'Home' }
const measuresCrumb = { href: '/measures', text: 'Measures' }

type MeasureParams = { Params: { measureId: string } }

async function loadMeasure(request: FastifyRequest<MeasureParams>): Promise<MeasureRow | undefined> {
  if (!isUuid(request.params.measureId)) return undefined
  return request.withOrg((trx) => findMeasure(trx, request.user!.orgId, request.params.measureId))
}

async function loadChart(request: FastifyRequest, measure: MeasureRow) {
  const orgId = request.user!.orgId
  const [figures, annotations] = await request.withOrg(async (trx) =>
    Promise.all([measureFigures(trx, orgId, measure, today()), listAnnotations(trx, orgId, measure.id)])
  )
  return { figures, annotations, model: chartModel(measure, figures, annotations) }
}

const fileName = (measure: MeasureRow, ext: string) =>
  `${
    measure.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'measure'
  }.${ext}`

export async function measuresRoutes(app: FastifyInstance, _opts: MeasuresRouteOptions): Promise<void> {
  app.get<{ Querystring: { project?: string; team?: string } }>(
    '/measures',
    { config: { access: 'reports:read' } },
    async (request, reply) => {
      const user = request.user!
      const projectId = isUuid(request.query.project) ? request.query.project : null
      const teamId = isUuid(request.query.team) ? request.query.team : null
      const data = await request.withOrg(async (trx) => {
        const [measures, projects, teams] = await Promise.all([
          listMeasures(trx, user.orgId, { projectId, teamId }),
          listProjects(trx, user.orgId),
          listTeams(trx, user.orgId)
        ])
        const rows = []
        for (const measure of measures) {
          const [figures, annotations] = [
            await measureFigures(trx, user.orgId, measure, today()),
            await listAnnotations(trx, user.orgId, measure.id)
          ]
          rows.push(summaryRow(measure, chartModel(measure, figures, annotations, `chart-${measure.id}`)))
        }
        return { rows, projects, teams }
      })
      const project = data.projects.find((p) => p.id === projectId) ?? null
      const team = data.teams.find((t) => t.id === teamId) ?? null
      return reply.render('measures/index.njk', {
        rows: data.rows,
        project,
        team,
        heading: project ? project.name : team ? `Measures for ${team.name}` : 'Measures',
        filters: {
          project: {
            id: 'project',
            name: 'project',
            label: { text: 'Project', size: 's' },
            items: [
              { value: '', text: 'All projects', selected: !projectId },
              ...data.projects.map((p) => ({ value: p.id, text: p.name, selected: p.id === projectId }))
            ]
          },
          team: {
            id: 'team',
            name: 'team',
            label: { text: 'Team', size: 's' },
            items: [
              { value: '', text: 'All teams', selected: !teamId },
              ...data.teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId }))
            ]
          }
        },
        unavailable: derivedMeasures.filter((m) => !m.available),
        canWrite: can(user.role, 'measures:write'),
        gridColumn: 'nhsuk-grid-column-full',
        breadcrumbs: [home]
      })
    }
  )

  app.get('/measures/system', { config: { access: 'reports:read' } }, async (request, reply) => {
    const organisation = request.organisation
    if (!organisation) return reply.code(404).render('errors/404.njk')
    // aggregates across every organisation of the system: counts only, small numbers suppressed
    const db = app.database.db
    const system = await db
      .selectFrom('system')
      .select(['id', 'name'])
      .where('id', '=', organisation.system_id)
      .executeTakeFirst()
    const rows = []
    for (const definition of derivedMeasures) {
      if (!definition.available) continue
      const figures = await derivedMeasureFigures(
        db,
        definition.key,
        { kind: 'system', systemId: organisation.system_id },
        { frequency: 'monthly', before: periodStartOf(today(), 'monthly') }
      )
      const measure = {
        id: definition.key,
        name: definition.name,
        unit: definition.unit,
        improvement: definition.improvement,
        target: null,
        type: definition.type,
        source: 'derived',
        frequency: 'monthly'
      } as const
      const model = chartModel(measure, figures, [], `system-${definition.key}`)
      rows.push({
        ...summaryRow(measure, model),
        href: '',
        suppressed: model.suppressedPeriods,
        periods: figures.length,
        summary: model.summary
      })
    }
    return reply.render('measures/system.njk', {
      rows,
      systemName: system?.name ?? 'your system',
      unavailable: derivedMeasures.filter((m) => !m.available),
      gridColumn: 'nhsuk-grid-column-full',
      breadcrumbs: [home, measuresCrumb]
    })
  })

  async function renderMeasureForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: MeasureFormValues,
    errors: FormErrors
  ) {
    const orgId = request.user!.orgId
    const [projects, teams] = await request.withOrg((trx) =>
      Promise.all([listProjects(trx, orgId), listTeams(trx, orgId)])
    )
    return reply.render('measures/new.njk', {
      fields: measureFormFields(values, errors, projects, teams),
      errors,
      derived: derivedMeasures,
      breadcrumbs: [home, measuresCrumb]
    })
  }

  app.get('/measures/new', { config: { access: 'measures:write' } }, async (request, reply) =>
    renderMeasureForm(request, reply, emptyMeasureForm(), noErrors)
  )

  app.post('/measures/new', { config: { access: 'measures:write' } }, async (request, reply) => {
    const user = request.user!
    const values = measureFormValues(request.body)
    const parsed = parseForm(measureFormSchema, values)
    const manualIssues = manualMeasureIssues(values)
    if (!parsed.ok || manualIssues.length > 0) {
      const schemaIssues = parsed.ok ? [] : parsed.errors.list.map((e) => ({ field: e.href.slice(1), text: e.text }))
      const all = [...manualIssues, ...schemaIssues].sort(
        (a, b) => measureFieldOrder.indexOf(a.field) - measureFieldOrder.indexOf(b.field)
      )
      return renderMeasureForm(request, reply, values, formErrors(all))
    }
    const form = parsed.data
    const derived = findDerivedMeasure(form.derivedKey)
    const name = form.name || derived?.name || ''
    const outcome = await request.withOrg(async (trx) => {
      if (await findMeasureByName(trx, user.orgId, name)) return { clash: true as const }
      if (form.projectId && !(await findProject(trx, user.orgId, form.projectId)))
        return { clash: false as const, measure: null }
      const measure = await insertMeasure(trx, {
        org_id: user.orgId,
        name,
        project_id: form.projectId,
        team_id: form.teamId,
        type: derived ? derived.type : (form.type as MeasureRow['type']),
        source: derived ? 'derived' : 'manual',
        derived_key: derived?.key ?? null,
        numerator: derived ? derived.numerator : form.numerator,
        denominator: derived ? derived.denominator : form.denominator,
        inclusions: derived ? derived.inclusions : form.inclusions,
        exclusions: derived ? derived.exclusions : form.exclusions,
        frequency: form.frequency,
        improvement: form.improvement,
        target: form.target,
        unit: derived ? derived.unit : form.unit,
        owner: form.owner,
        notes: form.notes
      })
      await recordAudit(trx, { ...auditActor(request), action: 'create', entityType: 'measure', entityId: measure.id })
      return { clash: false as const, measure }
    })
    if (outcome.clash)
      return renderMeasureForm(
        request,
        reply,
        values,
        formErrors([{ field: 'name', text: 'A measure with this name already exists. Choose a different name' }])
      )
    if (!outcome.measure)
      return renderMeasureForm(
        request,
        reply,
        values,
        formErrors([{ field: 'projectId', text: 'Select a project from the list' }])
      )
    return reply.flash('Measure added').redirect(`/measures/${outcome.measure.id}`, 303)
  })

  app.get('/measures/projects/new', { config: { access: 'measures:write' } }, async (_request, reply) =>
    reply.render('measures/project.njk', {
      values: { name: '', aim: '' },
      errors: noErrors,
      breadcrumbs: [home, measuresCrumb]
    })
  )

  app.post('/measures/projects/new', { config: { access: 'measures:write' } }, async (request, reply) => {
    const user = request.user!
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = { name: text(body.name), aim: text(body.aim) }
    const parsed = parseForm(projectSchema, values)
    const render = (errors: FormErrors) =>
      reply.render('measures/project.njk', { values, errors, breadcrumbs: [home, measuresCrumb] })
    if (!parsed.ok) return render(parsed.errors)
    const project = await request.withOrg(async (trx) => {
      const existing = (await listProjects(trx, user.orgId)).find(
        (p) => p.name.toLowerCase() === parsed.data.name.toLowerCase()
      )
      if (existing) return null
      const created = await insertProject(trx, { org_id: user.orgId, name: parsed.data.name, aim: parsed.data.aim })
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'create',
        entityType: 'qi_project',
        entityId: created.id
      })
      return created
    })
    if (!project) return render(formErrors([{ field: 'name', text: 'A project with this name already exists' }]))
    return reply.flash('Project added').redirect(`/measures?project=${project.id}`, 303)
  })

  app.get<MeasureParams>('/measures/:measureId', { config: { access: 'reports:read' } }, async (request, reply) => {
    const user = request.user!
    const measure = await loadMeasure(request)
    if (!measure) return reply.code(404).render('errors/404.njk')
    const { model, annotations } = await loadChart(request, measure)
    const [projects, teams] = await request.withOrg((trx) =>
      Promise.all([listProjects(trx, user.orgId), listTeams(trx, user.orgId)])
    )
    const projectName = projects.find((p) => p.id === measure.project_id)?.name ?? null
    const teamName = teams.find((t) => t.id === measure.team_id)?.name ?? null
    return reply.render('measures/show.njk', {
      measure,
      model,
      minSpcPoints: MIN_SPC_POINTS,
      hasTarget: measure.target !== null,
      definitionRows: definitionRows(measure, projectName, teamName),
      annotationRows: annotations.map((a, i) => [
        { text: String(i + 1) },
        { text: formatDate(a.on_date) },
        { text: annotationKindLabels[a.kind] },
        { text: a.label }
      ]),
      derived: findDerivedMeasure(measure.derived_key) ?? null,
      canWrite: can(user.role, 'measures:write'),
      gridColumn: 'nhsuk-grid-column-full',
      breadcrumbs: [
        home,
        measuresCrumb,
        ...(measure.project_id && projectName
          ? [{ href: `/measures?project=${measure.project_id}`, text: projectName }]
          : [])
      ]
    })
  })

  app.get<MeasureParams>(
    '/measures/:measureId/chart.svg',
    { config: { access: 'reports:read' } },
    async (request, reply) => {
      const measure = await loadMeasure(request)
      if (!measure) return reply.code(404).render('errors/404.njk')
      const { model } = await loadChart(request, measure)
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(measure, 'svg')}"`)
        .send(standaloneSvg(model.svg))
    }
  )

  app.get<MeasureParams>(
    '/measures/:measureId/chart.png',
    { config: { access: 'reports:read' } },
    async (request, reply) => {
      const measure = await loadMeasure(request)
      if (!measure) return reply.code(404).render('errors/404.njk')
      const { model } = await loadChart(request, measure)
      const png = new Resvg(standaloneSvg(model.svg), {
        background: '#ffffff',
        fitTo: { mode: 'zoom', value: 2 },
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
      })
        .render()
        .asPng()
      return reply
        .type('image/png')
        .header('content-disposition', `attachment; filename="${fileName(measure, 'png')}"`)
        .send(png)
    }
  )

  app.get<MeasureParams>(
    '/measures/:measureId/data.csv',
    { config: { access: 'reports:read' } },
    async (request, reply) => {
      const measure = await loadMeasure(request)
      if (!measure) return reply.code(404).render('errors/404.njk')
      const { model } = await loadChart(request, measure)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(measure, 'csv')}"`)
        .send(chartCsv(model))
    }
  )

  const emptyValues = { periodStart: { day: '', month: '', year: '' }, value: '' }

  function renderValues(
    reply: FastifyReply,
    measure: MeasureRow,
    context: { single?: typeof emptyValues; lines?: string; errors?: FormErrors; singleErrors?: FormErrors }
  ) {
    const single = context.single ?? emptyValues
    const singleErrors = context.singleErrors ?? noErrors
    const errors = context.errors ?? noErrors
    return reply.render('measures/values.njk', {
      measure,
      errors: { list: [...singleErrors.list, ...errors.list], byField: { ...singleErrors.byField, ...errors.byField } },
      periodStart: dateField(
        'periodStart',
        'Period starting',
        measure.frequency === 'weekly'
          ? 'The Monday the week starts, for example 2 3 2026'
          : 'The first day of the month, for example 1 3 2026. Any day in the month will do',
        single.periodStart,
        singleErrors.byField.periodStart
      ),
      value: {
        id: 'value',
        name: 'value',
        label: { text: `Value (${unitLabels[measure.unit] ?? measure.unit})`, size: 's' },
        value: single.value,
        classes: 'nhsuk-input--width-5',
        inputmode: 'decimal',
        errorMessage: singleErrors.byField.value
      },
      lines: {
        id: 'lines',
        name: 'lines',
        label: { text: 'Values, one per line', size: 's' },
        hint: {
          text: 'Paste lines of date,value (YYYY-MM-DD,value), or the text of a CSV file with a date,value header. A value already entered for the same period is replaced. If any line has a problem, nothing is saved.'
        },
        value: context.lines ?? '',
        rows: 10,
        spellcheck: false,
        errorMessage: errors.byField.lines
      },
      backLinkHref: `/measures/${measure.id}`
    })
  }

  app.get<MeasureParams>(
    '/measures/:measureId/values',
    { config: { access: 'measures:write' } },
    async (request, reply) => {
      const measure = await loadMeasure(request)
      if (!measure || measure.source !== 'manual') return reply.code(404).render('errors/404.njk')
      return renderValues(reply, measure, {})
    }
  )

  app.post<MeasureParams>(
    '/measures/:measureId/values',
    { config: { access: 'measures:write' } },
    async (request, reply) => {
      const user = request.user!
      const measure = await loadMeasure(request)
      if (!measure || measure.source !== 'manual') return reply.code(404).render('errors/404.njk')
      const body = (request.body ?? {}) as Record<string, unknown>
      let values: { periodStart: string; value: number }[]
      if (text(body.mode) === 'lines') {
        const raw = typeof body.lines === 'string' ? body.lines : ''
        const result = parseValueLines(raw)
        if (!result.ok) return renderValues(reply, measure, { lines: raw, errors: importErrors(result.problems) })
        const periods = new Map<string, number>()
        const problems = []
        for (const v of result.values) {
          const start = periodStartOf(v.periodStart, measure.frequency)
          const other = periods.get(start)
          if (other !== undefined)
            problems.push({
              line: v.line,
              text: `Line ${v.line}: falls in the same ${measure.frequency === 'weekly' ? 'week' : 'month'} as line ${other}`
            })
          periods.set(start, v.line)
        }
        if (problems.length) return renderValues(reply, measure, { lines: raw, errors: importErrors(problems) })
        values = result.values.map((v) => ({
          periodStart: periodStartOf(v.periodStart, measure.frequency),
          value: v.value
        }))
      } else {
        const single = singleValueValues(body)
        const parsed = parseForm(singleValueSchema, single, { periodStart: 'periodStart-day' })
        if (!parsed.ok) return renderValues(reply, measure, { single, singleErrors: parsed.errors })
        values = [{ periodStart: periodStartOf(parsed.data.periodStart, measure.frequency), value: parsed.data.value }]
      }
      await request.withOrg(async (trx) => {
        await upsertMeasureValues(trx, user.orgId, measure.id, user.id, values)
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'update',
          entityType: 'measure',
          entityId: measure.id,
          detail: { values: values.length }
        })
      })
      return reply
        .flash(values.length === 1 ? '1 value saved' : `${values.length} values saved`)
        .redirect(`/measures/${measure.id}`, 303)
    }
  )

  function renderAnnotation(
    reply: FastifyReply,
    measure: MeasureRow,
    values: ReturnType<typeof annotationValues>,
    errors: FormErrors
  ) {
    return reply.render('measures/annotation.njk', {
      measure,
      errors,
      onDate: dateField(
        'onDate',
        'Date',
        'For example 1 3 2026. A rebase starts new limits from the first period on or after this date',
        values.onDate,
        errors.byField.onDate
      ),
      kind: {
        idPrefix: 'kind',
        name: 'kind',
        fieldset: { legend: { text: 'What kind of annotation?', size: 's' } },
        errorMessage: errors.byField.kind,
        items: Object.entries(annotationKindLabels).map(([value, label]) => ({
          value,
          text: label,
          checked: values.kind === value
        }))
      },
      label: {
        id: 'label',
        name: 'label',
        label: { text: 'Short description', size: 's' },
        hint: { text: 'For example, "PDSA 2: screening question added to the booking form"' },
        value: values.label,
        errorMessage: errors.byField.label
      },
      backLinkHref: `/measures/${measure.id}`
    })
  }

  app.get<MeasureParams>(
    '/measures/:measureId/annotations/new',
    { config: { access: 'measures:write' } },
    async (request, reply) => {
      const measure = await loadMeasure(request)
      if (!measure) return reply.code(404).render('errors/404.njk')
      return renderAnnotation(
        reply,
        measure,
        { onDate: { day: '', month: '', year: '' }, kind: '', label: '' },
        noErrors
      )
    }
  )

  app.post<MeasureParams>(
    '/measures/:measureId/annotations/new',
    { config: { access: 'measures:write' } },
    async (request, reply) => {
      const user = request.user!
      const measure = await loadMeasure(request)
      if (!measure) return reply.code(404).render('errors/404.njk')
      const values = annotationValues(request.body)
      const parsed = parseForm(annotationSchema, values, { onDate: 'onDate-day' })
      if (!parsed.ok) return renderAnnotation(reply, measure, values, parsed.errors)
      await request.withOrg(async (trx) => {
        const annotation = await insertAnnotation(trx, {
          org_id: user.orgId,
          measure_id: measure.id,
          on_date: parsed.data.onDate,
          kind: parsed.data.kind,
          label: parsed.data.label,
          created_by: user.id
        })
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'create',
          entityType: 'measure_annotation',
          entityId: annotation.id
        })
      })
      return reply.flash('Annotation added').redirect(`/measures/${measure.id}`, 303)
    }
  )
}

/** A chart as a file of its own: an XML declaration, and its own white background. */
function standaloneSvg(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
}
