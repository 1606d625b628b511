/**
 * PDSA cycles: planning a cycle under a change idea of a project (`/projects/:projectId/pdsa/new`, for staff
 * with `measures:write`) and the cycle's worksheet (`/projects/:projectId/pdsa/:pdsaId`, for everyone with
 * `reports:read`), one page with the IHI worksheet's stages. Who may save what on the worksheet is the use
 * case's rule (app/qi/view-pdsa.ts `pdsaAccess`): leads everything, member clinicians and champions the do and
 * study fields, others read. Every form re-renders with an error summary and what was typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { ForbiddenError } from '../../../app/errors.js'
import { pdsaPlanForm, planPdsa, type FieldError } from '../../../app/qi/plan-pdsa.js'
import { updatePdsaCycle, type PdsaUpdate } from '../../../app/qi/update-pdsa.js'
import { viewPdsa } from '../../../app/qi/view-pdsa.js'
import { STAGE_LABELS } from '../../../domain/qi/workspace/pdsa.js'
import { isUuid } from '../../../domain/shared/uuid.js'
import { formErrors, noErrors, type FormErrors } from '../../form-errors.js'
import { requestActor } from '../../plugins/auth.js'
import {
  actSchema,
  doSchema,
  emptyPdsaForm,
  FIELD_ANCHORS,
  FIELD_ORDER,
  newPdsaParams,
  newPdsaQuery,
  pdsaFormValues,
  pdsaParams,
  parsePlan,
  SECTIONS,
  studySchema,
  type PdsaFormValues
} from './pdsa-schemas.js'
import { cycleFormValues, pdsaBreadcrumbs, pdsaHref, planPage, worksheetPage } from './pdsa-view-models.js'

const today = () => new Date().toISOString().slice(0, 10)

/** A schema's problems as field errors (the first key of each issue's path is the field). */
function issues<S extends z.ZodType>(schema: S, input: unknown): { data: z.infer<S> | null; errors: FieldError[] } {
  const result = schema.safeParse(input)
  if (result.success) return { data: result.data, errors: [] }
  return {
    data: null,
    errors: result.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), text: i.message }))
  }
}

/** Field errors in page order, each pointing at its field on the page. */
export function pdsaFormErrors(errors: readonly FieldError[]): FormErrors {
  const placed = errors.map((e) => {
    const where = FIELD_ANCHORS[e.field]
    return { field: where?.field ?? e.field, anchor: where?.anchor ?? e.field, text: e.text }
  })
  const order = (field: string) => {
    const i = FIELD_ORDER.indexOf(field)
    return i < 0 ? FIELD_ORDER.length : i
  }
  return formErrors(placed.sort((a, b) => order(a.field) - order(b.field)))
}

export async function pdsaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  async function renderPlanForm(
    request: FastifyRequest,
    reply: FastifyReply,
    projectId: string,
    values: PdsaFormValues,
    errors: FormErrors,
    options: { unknown: 'not-found' | 'ignore'; tickSuggested: boolean }
  ) {
    const actor = requestActor(request)
    const changeIdeaId = isUuid(values.changeIdeaId) ? values.changeIdeaId : null
    const afterId = isUuid(values.previousId) ? values.previousId : null
    const form = await request.withOrg((trx) =>
      pdsaPlanForm(trx, actor, projectId, changeIdeaId, afterId, { unknown: options.unknown })
    )
    if (form.changeIdea) values.changeIdeaId = form.changeIdea.id
    // a new form starts with the measures of the driver the idea serves ticked
    if (options.tickSuggested) values.measureIds = form.suggestedMeasureIds
    // a cycle that cannot follow the one asked for says so at once, before the form is sent
    const shown =
      form.followError && !errors.byField.previousId
        ? pdsaFormErrors([
            { field: 'previousId', text: form.followError },
            ...Object.entries(errors.byField).map(([field, e]) => ({ field, text: e.text }))
          ])
        : errors
    const page = planPage(form, values, shown)
    return reply.render('qi/pdsa-form.njk', {
      project: form.project,
      page,
      plan: page.plan,
      values,
      errors: shown,
      planHeadingLevel: 2,
      breadcrumbs: pdsaBreadcrumbs(form.project)
    })
  }

  r.get(
    '/projects/:projectId/pdsa/new',
    { schema: { params: newPdsaParams, querystring: newPdsaQuery }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const changeIdea = isUuid(request.query.changeIdea) ? request.query.changeIdea : ''
      const after = isUuid(request.query.after) ? request.query.after : ''
      const values = emptyPdsaForm(today(), changeIdea, after)
      return renderPlanForm(request, reply, request.params.projectId, values, noErrors, {
        unknown: 'not-found',
        tickSuggested: true
      })
    }
  )

  r.post(
    '/projects/:projectId/pdsa/new',
    { schema: { params: newPdsaParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const { projectId } = request.params
      const values = pdsaFormValues(request.body)
      const parsed = parsePlan(values)
      const again = { unknown: 'ignore', tickSuggested: false } as const
      if (!parsed.plan) return renderPlanForm(request, reply, projectId, values, pdsaFormErrors(parsed.errors), again)
      const input = {
        ...parsed.plan,
        changeIdeaId: values.changeIdeaId,
        previousId: values.previousId || null
      }
      const result = await request.withOrg((trx) => planPdsa(trx, requestActor(request), projectId, input))
      if (!result.ok) return renderPlanForm(request, reply, projectId, values, pdsaFormErrors(result.errors), again)
      return reply.flash('PDSA cycle planned').redirect(pdsaHref(projectId, result.pdsa.id), 303)
    }
  )

  async function renderWorksheet(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { projectId: string; pdsaId: string },
    posted: { values: PdsaFormValues; sections: readonly string[] } | null,
    errors: FormErrors
  ) {
    const actor = requestActor(request)
    const view = await request.withOrg((trx) => viewPdsa(trx, actor, params.projectId, params.pdsaId))
    const values = cycleFormValues(view)
    if (posted) mergePosted(values, posted.values, posted.sections)
    const page = worksheetPage(view, values, errors, { posted: posted !== null })
    return reply.render('qi/pdsa.njk', {
      page,
      plan: page.plan,
      changeIdea: view.changeIdea,
      errors,
      planHeadingLevel: 4,
      breadcrumbs: pdsaBreadcrumbs(view.project)
    })
  }

  r.get(
    '/projects/:projectId/pdsa/:pdsaId',
    { schema: { params: pdsaParams }, config: { access: 'reports:read' } },
    async (request, reply) => renderWorksheet(request, reply, request.params, null, noErrors)
  )

  r.post(
    '/projects/:projectId/pdsa/:pdsaId',
    { schema: { params: pdsaParams }, config: { access: 'reports:read' } },
    async (request, reply) => {
      const { projectId, pdsaId } = request.params
      const actor = requestActor(request)
      const values = pdsaFormValues(request.body)
      const sections = SECTIONS.filter((s) => values.sections.includes(s))
      const errors: FieldError[] = []
      const update: PdsaUpdate = { advance: values.action === 'advance', version: values.version || null }
      if (sections.includes('plan')) {
        const parsed = parsePlan(values)
        errors.push(...parsed.errors)
        if (parsed.plan) update.plan = parsed.plan
      }
      if (sections.includes('do')) {
        const d = issues(doSchema, values)
        errors.push(...d.errors)
        if (d.data) update.do = d.data
      }
      if (sections.includes('study')) {
        const s = issues(studySchema, values)
        errors.push(...s.errors)
        if (s.data) update.study = s.data
      }
      if (sections.includes('act')) {
        const a = issues(actSchema, values)
        errors.push(...a.errors)
        if (a.data) update.act = a.data
      }
      const posted = { values, sections }
      if (errors.length) {
        // nobody who may not write sees their mistakes back as a form
        const view = await request.withOrg((trx) => viewPdsa(trx, actor, projectId, pdsaId))
        if (view.access === 'reader') throw new ForbiddenError('qi_pdsa')
        return renderWorksheet(request, reply, request.params, posted, pdsaFormErrors(errors))
      }
      const result = await request.withOrg((trx) => updatePdsaCycle(trx, actor, projectId, pdsaId, update))
      if (!result.ok) return renderWorksheet(request, reply, request.params, posted, pdsaFormErrors(result.errors))
      const message = result.movedTo
        ? result.movedTo === 'done'
          ? 'Cycle finished'
          : `Saved. The cycle moved to ${STAGE_LABELS[result.movedTo].toLowerCase()}`
        : 'Saved'
      return reply.flash(message).redirect(pdsaHref(projectId, pdsaId), 303)
    }
  )
}

/** The posted answers over the stored ones, for the sections the form sent (the rest stay as stored). */
function mergePosted(values: PdsaFormValues, posted: PdsaFormValues, sections: readonly string[]): void {
  values.version = posted.version || values.version
  if (sections.includes('plan'))
    Object.assign(values, {
      title: posted.title,
      purpose: posted.purpose,
      objective: posted.objective,
      questions: posted.questions,
      tasks: posted.tasks,
      dataPlan: posted.dataPlan,
      startsOn: posted.startsOn,
      endsOn: posted.endsOn,
      measureIds: posted.measureIds
    })
  if (sections.includes('do'))
    Object.assign(values, {
      asPlanned: posted.asPlanned,
      observations: posted.observations,
      problems: posted.problems
    })
  if (sections.includes('study')) Object.assign(values, { results: posted.results, learned: posted.learned })
  if (sections.includes('act')) Object.assign(values, { decision: posted.decision, nextSteps: posted.nextSteps })
}
