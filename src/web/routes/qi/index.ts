/**
 * Quality improvement projects: the aim a family of measures serves. Adding a project lives at
 * /measures/projects/new (its address since the measures area began); a project's page is the
 * measures dashboard filtered by `?project=`. Ready to grow into the QI workspace.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { createProject } from '../../../app/qi/create-project.js'
import { formErrors, noErrors, parseForm, type FormErrors } from '../../form-errors.js'
import { requestActor } from '../../plugins/auth.js'
import { projectFormValues, projectSchema } from './schemas.js'
import { projectFormFields, qiBreadcrumbs } from './view-models.js'

export async function qiRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  const renderProjectForm = (reply: FastifyReply, values: { name: string; aim: string }, errors: FormErrors) =>
    reply.render('qi/project.njk', { fields: projectFormFields(values, errors), errors, breadcrumbs: qiBreadcrumbs })

  r.get('/measures/projects/new', { config: { access: 'measures:write' } }, async (_request, reply) =>
    renderProjectForm(reply, { name: '', aim: '' }, noErrors)
  )

  r.post('/measures/projects/new', { config: { access: 'measures:write' } }, async (request, reply) => {
    const values = projectFormValues(request.body)
    const parsed = parseForm(projectSchema, values)
    if (!parsed.ok) return renderProjectForm(reply, values, parsed.errors)
    const result = await request.withOrg((trx) => createProject(trx, requestActor(request), parsed.data))
    if (!result.ok) return renderProjectForm(reply, values, formErrors(result.errors))
    return reply.flash('Project added').redirect(`/measures?project=${result.project.id}`, 303)
  })
}
