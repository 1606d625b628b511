/**
 * A project's team at /projects/:projectId/members: everyone who can read the project sees who is on it;
 * leads (`measures:write`) add staff of the organisation, remove them, and choose the owner. Member
 * clinicians and champions record observations on the project's PDSA cycles.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  addProjectMember,
  makeProjectOwner,
  removeProjectMember,
  viewProjectMembers
} from '../../../app/qi/project-members.js'
import { can } from '../../../domain/staff/roles.js'
import { formErrors, noErrors, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import { projectParams } from './schemas.js'
import { membersPage } from './view-models.js'

const memberParams = z.object({ projectId: z.string().max(100), userId: z.string().max(100) })

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  const show = async (
    request: FastifyRequest & { params: { projectId: string } },
    reply: FastifyReply,
    errors: FormErrors = noErrors,
    values: { userId: string } = { userId: '' }
  ) => {
    const view = await request.withOrg((trx) =>
      viewProjectMembers(trx, requestActor(request), request.params.projectId)
    )
    return reply.render('qi/members.njk', {
      ...membersPage(view, values, can(currentUser(request).role, 'measures:write')),
      errors
    })
  }

  r.get(
    '/projects/:projectId/members',
    { schema: { params: projectParams }, config: { access: 'reports:read' } },
    (request, reply) => show(request, reply)
  )

  r.post(
    '/projects/:projectId/members',
    { schema: { params: projectParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const userId = text((request.body as Record<string, unknown> | undefined)?.userId)
      const { projectId } = request.params
      const result = await request.withOrg((trx) => addProjectMember(trx, requestActor(request), projectId, userId))
      if (!result.ok) return show(request, reply, formErrors(result.errors), { userId })
      return reply.flash('Member added').redirect(`/projects/${projectId}/members`, 303)
    }
  )

  r.post(
    '/projects/:projectId/members/:userId/remove',
    { schema: { params: memberParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const { projectId, userId } = request.params
      const result = await request.withOrg((trx) => removeProjectMember(trx, requestActor(request), projectId, userId))
      if (!result.ok) return show(request, reply, formErrors(result.errors))
      return reply.flash('Member removed').redirect(`/projects/${projectId}/members`, 303)
    }
  )

  r.post(
    '/projects/:projectId/members/:userId/owner',
    { schema: { params: memberParams }, config: { access: 'measures:write' } },
    async (request, reply) => {
      const { projectId, userId } = request.params
      await request.withOrg((trx) => makeProjectOwner(trx, requestActor(request), projectId, userId))
      return reply.flash('Owner changed').redirect(`/projects/${projectId}/members`, 303)
    }
  )
}
