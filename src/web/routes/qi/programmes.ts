/**
 * Programmes across the organisations of one system at /programmes, and a project's sharing page at
 * /projects/:projectId/share. Everyone with `reports:read` reads programmes; `measures:write` adds them and
 * shares the organisation's projects. The programme page reads the shared projects of other organisations
 * on the service's own connection (app/qi/view-programme.ts says what it reads).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createProgramme, listSystemProgrammes, systemMeasureChoices } from '../../../app/qi/programmes.js'
import { shareProject, stopSharing, viewProjectSharing } from '../../../app/qi/share-project.js'
import { viewProgramme } from '../../../app/qi/view-programme.js'
import { can } from '../../../domain/staff/roles.js'
import { formErrors, list, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import {
  programmeBreadcrumbs,
  programmeFormFields,
  programmeListRows,
  programmePage,
  sharingPage,
  type ProgrammeFormValues
} from './programme-view-models.js'
import { projectParams } from './schemas.js'
import { qiBreadcrumbs } from './view-models.js'

const programmeParams = z.object({ programmeId: z.string().max(100) })
const shareParams = z.object({ projectId: z.string().max(100), programmeId: z.string().max(100) })
const programmeSchema = z.object({
  name: z.string().min(1, 'Enter a programme name').max(120, 'Programme name must be 120 characters or fewer'),
  aim: z.string().max(500, 'What the programme is for must be 500 characters or fewer'),
  measureKeys: z.array(z.string().max(100)).max(50)
})
const shareSchema = z.object({
  programmeId: z.string().min(1, 'Select a programme of your system').max(100),
  measureIds: z.array(z.string().max(100)).max(50)
})
const today = () => new Date().toISOString().slice(0, 10)

export async function programmeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/programmes', { config: { access: 'reports:read' } }, async (request, reply) => {
    const programmes = await request.withOrg((trx) => listSystemProgrammes(trx, requestActor(request)))
    return reply.render('qi/programmes.njk', {
      pageTitle: 'Quality improvement programmes',
      rows: programmeListRows(programmes),
      canWrite: can(currentUser(request).role, 'measures:write'),
      breadcrumbs: qiBreadcrumbs
    })
  })

  const renderForm = (reply: FastifyReply, values: ProgrammeFormValues, errors: FormErrors) =>
    reply.render('qi/programme-form.njk', {
      pageTitle: 'Add a programme',
      fields: programmeFormFields(values, errors, systemMeasureChoices),
      errors,
      breadcrumbs: programmeBreadcrumbs
    })

  r.get('/programmes/new', { config: { access: 'measures:write' } }, async (_request, reply) =>
    renderForm(reply, { name: '', aim: '', measureKeys: systemMeasureChoices.map((m) => m.key) }, noErrors)
  )

  r.post('/programmes/new', { config: { access: 'measures:write' } }, async (request, reply) => {
    const b = (request.body ?? {}) as Record<string, unknown>
    const values = { name: text(b.name), aim: text(b.aim), measureKeys: list(b.measureKeys) }
    const parsed = parseForm(programmeSchema, values, { measureKeys: 'measureKeys' })
    if (!parsed.ok) return renderForm(reply, values, parsed.errors)
    const result = await request.withOrg((trx) => createProgramme(trx, requestActor(request), parsed.data))
    if (!result.ok) return renderForm(reply, values, formErrors(result.errors))
    return reply.flash('Programme added').redirect(`/programmes/${result.programme.id}`, 303)
  })

  r.get(
    '/programmes/:programmeId',
    { schema: { params: programmeParams }, config: { access: 'reports:read' } },
    async (request, reply) => {
      // shared projects of other organisations: read on the service's connection, only what is shared
      const view = await viewProgramme(app.database.db, requestActor(request), request.params.programmeId, today())
      return reply.render('qi/programme.njk', programmePage(view))
    }
  )

  const showSharing = async (
    request: FastifyRequest & { params: { projectId: string } },
    reply: FastifyReply,
    errors: FormErrors = noErrors,
    values?: { programmeId: string; measureIds: string[] }
  ) => {
    const view = await request.withOrg((trx) =>
      viewProjectSharing(trx, requestActor(request), request.params.projectId)
    )
    // nothing is shared until chosen: privacy by default
    const initial = values ?? { programmeId: '', measureIds: [] }
    return reply.render('qi/share.njk', { ...sharingPage(view, initial, errors), errors })
  }

  r.get(
    '/projects/:projectId/share',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    (request, reply) => showSharing(request, reply)
  )

  r.post(
    '/projects/:projectId/share',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const b = (request.body ?? {}) as Record<string, unknown>
      const values = { programmeId: text(b.programmeId), measureIds: list(b.measureIds) }
      const parsed = parseForm(shareSchema, values, { measureIds: 'measureIds' })
      if (!parsed.ok) return showSharing(request, reply, parsed.errors, values)
      const { projectId } = request.params
      const result = await request.withOrg((trx) => shareProject(trx, requestActor(request), projectId, parsed.data))
      if (!result.ok) return showSharing(request, reply, formErrors(result.errors), values)
      return reply.flash('Project shared').redirect(`/projects/${projectId}/share`, 303)
    }
  )

  r.post(
    '/projects/:projectId/share/:programmeId/remove',
    { schema: { params: shareParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const { projectId, programmeId } = request.params
      await request.withOrg((trx) => stopSharing(trx, requestActor(request), projectId, programmeId))
      return reply
        .flash('The project is no longer shared with that programme')
        .redirect(`/projects/${projectId}/share`, 303)
    }
  )
}
