/**
 * The QI workspace: projects (with their aim, measures, driver diagram, PDSA cycles, timeline and progress)
 * at /projects. Staff with `measures:write` (QI leads, analysts, admins) change them; everyone with
 * `reports:read` reads them. The PDSA worksheet's pages are in ./pdsa.ts. The old address for adding a
 * project, /measures/projects/new, redirects here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { createProject } from '../../../app/qi/create-project.js'
import { editProject } from '../../../app/qi/edit-project.js'
import { listProjects } from '../../../app/qi/list-projects.js'
import { viewProject } from '../../../app/qi/view-project.js'
import { addChangeIdea, addDriver, driverRemovalFor, removeDriver } from '../../../app/qi/change-driver-diagram.js'
import { addMilestone, completeMilestone } from '../../../app/qi/add-milestone.js'
import { setProgressScore } from '../../../app/qi/set-progress-score.js'
import { can } from '../../../domain/staff/roles.js'
import { formErrors, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import {
  changeIdeaSchema,
  driverParams,
  driverSchema,
  milestoneFormValues,
  milestoneParams,
  milestoneSchema,
  progressSchema,
  projectFormValues,
  projectParams,
  projectSchema,
  removeDriverSchema,
  type ProjectFormValues
} from './schemas.js'
import {
  emptyProjectForm,
  projectFormFields,
  projectListRows,
  projectPage,
  projectToFormValues,
  qiBreadcrumbs
} from './view-models.js'

const today = () => new Date().toISOString().slice(0, 10)
const dateAnchors = {
  aimByWhen: 'aimByWhen-day',
  startOn: 'startOn-day',
  endOn: 'endOn-day',
  status: 'status',
  template: 'template'
}

/** The page's form problems, keyed by form so each form shows its own (the page has several). */
type PageErrors = Partial<Record<'driver' | 'idea' | 'milestone' | 'progress', FormErrors>>

export async function qiRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  const renderProjectForm = (
    reply: FastifyReply,
    o: { values: ProjectFormValues; errors: FormErrors; action: string; title: string; submit: string; isNew: boolean }
  ) =>
    reply.render('qi/project-form.njk', {
      pageTitle: o.title,
      fields: projectFormFields(o.values, o.errors, o.isNew),
      errors: o.errors,
      action: o.action,
      submitText: o.submit,
      breadcrumbs: qiBreadcrumbs
    })

  r.get('/projects', { config: { access: 'reports:read' } }, async (request, reply) => {
    const projects = await request.withOrg((trx) => listProjects(trx, requestActor(request)))
    return reply.render('qi/projects.njk', {
      pageTitle: 'Quality improvement projects',
      rows: projectListRows(projects),
      canWrite: can(currentUser(request).role, 'measures:write'),
      breadcrumbs: [{ href: '/home', text: 'Home' }]
    })
  })

  r.get('/measures/projects/new', { config: { access: 'measures:write' } }, async (_request, reply) =>
    reply.redirect('/projects/new', 301)
  )

  r.get('/projects/new', { config: { access: 'measures:write' } }, async (_request, reply) =>
    renderProjectForm(reply, {
      values: emptyProjectForm(today()),
      errors: noErrors,
      action: '/projects/new',
      title: 'Add a quality improvement project',
      submit: 'Add project',
      isNew: true
    })
  )

  r.post('/projects/new', { config: { access: 'measures:write' } }, async (request, reply) => {
    const values = projectFormValues(request.body)
    const form = {
      values,
      action: '/projects/new',
      title: 'Add a quality improvement project',
      submit: 'Add project',
      isNew: true
    }
    const parsed = parseForm(projectSchema, values, dateAnchors)
    if (!parsed.ok) return renderProjectForm(reply, { ...form, errors: parsed.errors })
    const result = await request.withOrg((trx) => createProject(trx, requestActor(request), parsed.data))
    if (!result.ok) return renderProjectForm(reply, { ...form, errors: formErrors(result.errors) })
    return reply.flash('Project added').redirect(`/projects/${result.project.id}`, 303)
  })

  const showProject = async (
    request: FastifyRequest & { params: { projectId: string } },
    reply: FastifyReply,
    errors: PageErrors = {},
    values: Record<string, unknown> = {}
  ) => {
    const view = await request.withOrg((trx) =>
      viewProject(trx, requestActor(request), request.params.projectId, today())
    )
    const page = projectPage(view, today(), can(currentUser(request).role, 'measures:write'))
    const all = Object.values(errors).flatMap((e) => e?.list ?? [])
    return reply.render('qi/project.njk', {
      ...page,
      formErrors: errors,
      errors: { list: all, byField: {} },
      values,
      breadcrumbs: qiBreadcrumbs
    })
  }

  r.get(
    '/projects/:projectId',
    { schema: { params: projectParams }, config: { access: 'reports:read' } },
    (request, reply) => showProject(request, reply)
  )

  r.get(
    '/projects/:projectId/edit',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const view = await request.withOrg((trx) =>
        viewProject(trx, requestActor(request), request.params.projectId, today())
      )
      return renderProjectForm(reply, {
        values: projectToFormValues(view.project),
        errors: noErrors,
        action: `/projects/${view.project.id}/edit`,
        title: 'Change project',
        submit: 'Save changes',
        isNew: false
      })
    }
  )

  r.post(
    '/projects/:projectId/edit',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const values = projectFormValues(request.body)
      const id = request.params.projectId
      const form = {
        values,
        action: `/projects/${id}/edit`,
        title: 'Change project',
        submit: 'Save changes',
        isNew: false
      }
      const parsed = parseForm(projectSchema, values, dateAnchors)
      if (!parsed.ok) return renderProjectForm(reply, { ...form, errors: parsed.errors })
      const result = await request.withOrg((trx) => editProject(trx, requestActor(request), id, parsed.data))
      if (!result.ok) return renderProjectForm(reply, { ...form, errors: formErrors(result.errors) })
      return reply.flash('Project saved').redirect(`/projects/${result.project.id}`, 303)
    }
  )

  r.post(
    '/projects/:projectId/drivers',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const b = (request.body ?? {}) as Record<string, unknown>
      const values = { driverTitle: text(b.title), parentId: text(b.parentId) }
      const parsed = parseForm(driverSchema, { title: values.driverTitle, parentId: values.parentId }, {})
      const problem = (errors: FormErrors) =>
        showProject(request, reply, { driver: renamed(errors, { title: 'driverTitle' }) }, values)
      if (!parsed.ok) return problem(parsed.errors)
      const result = await request.withOrg((trx) =>
        addDriver(trx, requestActor(request), request.params.projectId, parsed.data)
      )
      if (!result.ok) return problem(formErrors(result.errors))
      return reply.flash('Driver added').redirect(`/projects/${request.params.projectId}#driver-diagram`, 303)
    }
  )

  r.post(
    '/projects/:projectId/change-ideas',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const b = (request.body ?? {}) as Record<string, unknown>
      const values = { ideaTitle: text(b.title), driverId: text(b.driverId), description: text(b.description) }
      const parsed = parseForm(
        changeIdeaSchema,
        { title: values.ideaTitle, driverId: values.driverId, description: values.description },
        {}
      )
      const problem = (errors: FormErrors) =>
        showProject(request, reply, { idea: renamed(errors, { title: 'ideaTitle' }) }, values)
      if (!parsed.ok) return problem(parsed.errors)
      const result = await request.withOrg((trx) =>
        addChangeIdea(trx, requestActor(request), request.params.projectId, parsed.data)
      )
      if (!result.ok) return problem(formErrors(result.errors))
      return reply.flash('Change idea added').redirect(`/projects/${request.params.projectId}#driver-diagram`, 303)
    }
  )

  const renderRemove = async (
    request: FastifyRequest & { params: { projectId: string; driverId: string } },
    reply: FastifyReply,
    errors: FormErrors,
    values: { mode: string; targetId: string }
  ) => {
    const { project, driver, removal, targets } = await request.withOrg((trx) =>
      driverRemovalFor(trx, requestActor(request), request.params.projectId, request.params.driverId)
    )
    return reply.render('qi/remove-driver.njk', {
      pageTitle: `Remove “${driver.title}”`,
      project,
      driver,
      removal,
      errors,
      values,
      targetItems: [
        { value: '', text: 'Select a driver' },
        ...targets.map((t) => ({ value: t.id, text: t.title, selected: t.id === values.targetId }))
      ],
      breadcrumbs: [...qiBreadcrumbs, { href: `/projects/${project.id}`, text: project.name }]
    })
  }

  r.get(
    '/projects/:projectId/drivers/:driverId/remove',
    { schema: { params: driverParams }, config: { access: 'measures:write' } },
    (request, reply) => renderRemove(request, reply, noErrors, { mode: '', targetId: '' })
  )

  r.post(
    '/projects/:projectId/drivers/:driverId/remove',
    { schema: { params: driverParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const b = (request.body ?? {}) as Record<string, unknown>
      const values = { mode: text(b.mode) || 'none', targetId: text(b.targetId) }
      const parsed = parseForm(removeDriverSchema, values, { mode: 'mode' })
      if (!parsed.ok) return renderRemove(request, reply, parsed.errors, values)
      const { projectId, driverId } = request.params
      const result = await request.withOrg((trx) =>
        removeDriver(trx, requestActor(request), projectId, driverId, parsed.data)
      )
      if (!result.ok) return renderRemove(request, reply, formErrors(result.errors), values)
      return reply.flash('Driver removed').redirect(`/projects/${projectId}#driver-diagram`, 303)
    }
  )

  r.post(
    '/projects/:projectId/milestones',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const raw = milestoneFormValues(request.body)
      const values = { milestoneTitle: raw.title, dueOn: raw.dueOn }
      const parsed = parseForm(milestoneSchema, raw, { dueOn: 'dueOn-day' })
      if (!parsed.ok)
        return showProject(request, reply, { milestone: renamed(parsed.errors, { title: 'milestoneTitle' }) }, values)
      await request.withOrg((trx) => addMilestone(trx, requestActor(request), request.params.projectId, parsed.data))
      return reply.flash('Milestone added').redirect(`/projects/${request.params.projectId}#timeline`, 303)
    }
  )

  r.post(
    '/projects/:projectId/milestones/:milestoneId/done',
    { schema: { params: milestoneParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const undo = text((request.body as Record<string, unknown> | undefined)?.undo) === '1'
      const { projectId, milestoneId } = request.params
      await request.withOrg((trx) =>
        completeMilestone(trx, requestActor(request), projectId, milestoneId, undo ? null : today())
      )
      return reply
        .flash(undo ? 'Milestone marked as not done' : 'Milestone done')
        .redirect(`/projects/${projectId}#timeline`, 303)
    }
  )

  r.post(
    '/projects/:projectId/progress',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const b = (request.body ?? {}) as Record<string, unknown>
      const values = { score: text(b.score), reason: text(b.reason) }
      const parsed = parseForm(progressSchema, values, {})
      if (!parsed.ok) return showProject(request, reply, { progress: parsed.errors }, values)
      await request.withOrg((trx) =>
        setProgressScore(trx, requestActor(request), request.params.projectId, { ...parsed.data, setOn: today() })
      )
      return reply.flash('Progress score recorded').redirect(`/projects/${request.params.projectId}#progress`, 303)
    }
  )
}

/** The same errors with field names the page uses (several forms on one page need distinct ids). */
function renamed(errors: FormErrors, names: Record<string, string>): FormErrors {
  return formErrors(
    Object.entries(errors.byField).map(([field, error], i) => {
      const to = names[field] ?? field
      const href = errors.list[i]?.href.slice(1) ?? field
      return { field: to, text: error.text, anchor: href === field ? to : href }
    })
  )
}
