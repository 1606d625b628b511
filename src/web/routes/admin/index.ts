/** Staff accounts for administrators: list, add, and sign an account out everywhere. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createStaffAccount, EmailUnavailableError } from '../../../app/staff/create-staff-account.js'
import { signOutEverywhere } from '../../../app/staff/sign-out-everywhere.js'
import { turnOffTwoStep } from '../../../app/staff/second-step.js'
import { countLiveSessions } from '../../../db/repositories/sessions.js'
import { listStaff } from '../../../db/repositories/staff.js'
import { checkPassword, passwordProblemText } from '../../../domain/staff/password-policy.js'
import { roles } from '../../../domain/staff/roles.js'
import { formErrors, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import { rotateCsrfSecret } from '../../plugins/security.js'
import { idParams } from '../../schemas.js'
import { emailUnavailable, staffFormFields, staffTableRows } from './view-models.js'

const staffSchema = z
  .object({
    displayName: z.string().min(1, 'Enter their full name').max(100, 'Name must be 100 characters or fewer'),
    email: z
      .string()
      .min(1, 'Enter their email address')
      .max(320, 'Email address must be 320 characters or fewer')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.nhs.net'),
    role: z.enum(roles, { message: 'Select a role' }),
    password: z.string()
  })
  .superRefine((value, ctx) => {
    const problem = checkPassword(value.password, { email: value.email })
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: passwordProblemText[problem] })
  })

const breadcrumbs = [{ href: '/home', text: 'Home' }]

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/admin/staff', { config: { access: 'staff:manage' } }, async (request, reply) => {
    const orgId = currentUser(request).orgId
    const { staff, liveSessions } = await request.withOrg(async (trx) => ({
      staff: await listStaff(trx, orgId),
      liveSessions: await countLiveSessions(trx, orgId)
    }))
    return reply.render('admin/staff.njk', {
      breadcrumbs,
      rows: staffTableRows(staff, liveSessions, reply.generateCsrf(), new Date())
    })
  })

  r.get('/admin/staff/new', { config: { access: 'staff:manage', recentAuth: true } }, async (_request, reply) =>
    reply.render('admin/staff-new.njk', { fields: staffFormFields({}, noErrors), backLinkHref: '/admin/staff' })
  )

  r.post('/admin/staff/new', { config: { access: 'staff:manage', recentAuth: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = {
      displayName: text(body.displayName),
      email: text(body.email).toLowerCase(),
      role: text(body.role),
      password: typeof body.password === 'string' ? body.password : ''
    }
    const render = (errors: FormErrors) =>
      reply.render('admin/staff-new.njk', {
        fields: staffFormFields(values, errors),
        errors,
        backLinkHref: '/admin/staff'
      })
    const parsed = parseForm(staffSchema, values, { role: 'role' })
    if (!parsed.ok) return render(parsed.errors)
    try {
      await request.withOrg((trx) => createStaffAccount(trx, requestActor(request), parsed.data))
    } catch (error) {
      if (error instanceof EmailUnavailableError)
        return render(formErrors([{ field: 'email', text: emailUnavailable }]))
      throw error
    }
    return reply.flash('Staff account added').redirect('/admin/staff', 303)
  })

  r.post(
    '/admin/staff/:id/sign-out-everywhere',
    { schema: { params: idParams }, config: { access: 'staff:manage' } },
    async (request, reply) => {
      const { sessionsEnded, displayName } = await request.withOrg((trx) =>
        signOutEverywhere(trx, requestActor(request), { userId: request.params.id })
      )
      request.log.info(
        { event: 'sign_out_everywhere', userId: request.params.id, by: currentUser(request).id, sessionsEnded },
        'signed out'
      )
      // an administrator who signs themselves out everywhere has just ended this session too
      if (request.params.id === currentUser(request).id) {
        reply.clearSessionCookie()
        rotateCsrfSecret(reply)
        return reply.redirect('/sign-in', 303)
      }
      return reply.flash(`${displayName} is signed out on every device`).redirect('/admin/staff', 303)
    }
  )

  r.post(
    '/admin/staff/:id/reset-two-step',
    { schema: { params: idParams }, config: { access: 'staff:manage', recentAuth: true } },
    async (request, reply) => {
      const { displayName } = await request.withOrg((trx) =>
        turnOffTwoStep(trx, requestActor(request), request.params.id, { requiredForRole: false })
      )
      return reply
        .flash(
          `Two-step sign-in is reset for ${displayName}, who is signed out and sets it up again at the next sign-in`
        )
        .redirect('/admin/staff', 303)
    }
  )
}
