/** Staff accounts for administrators: list and add. */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { recordAudit } from '../../../db/repositories/audit.js'
import { emailTaken, insertStaff, listStaff } from '../../../db/repositories/staff.js'
import { checkPassword, passwordProblemText } from '../../../domain/staff/password-policy.js'
import { roles } from '../../../domain/staff/roles.js'
import { formatDateTime } from '../../../domain/shared/dates.js'
import { hashPassword } from '../../../security/password-hash.js'
import { formErrors, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { translate } from '../../i18n.js'
import { auditActor } from '../../plugins/auth.js'

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

function fields(values: Record<string, string>, errors: FormErrors) {
  return {
    displayName: {
      id: 'displayName',
      name: 'displayName',
      label: { text: 'Full name', size: 's' },
      value: values.displayName,
      autocomplete: 'off',
      errorMessage: errors.byField.displayName
    },
    email: {
      id: 'email',
      name: 'email',
      type: 'email',
      label: { text: 'Email address', size: 's' },
      value: values.email,
      autocomplete: 'off',
      spellcheck: false,
      errorMessage: errors.byField.email
    },
    role: {
      idPrefix: 'role',
      name: 'role',
      fieldset: { legend: { text: 'Role', size: 's' } },
      errorMessage: errors.byField.role,
      items: roles.map((r) => ({ value: r, text: translate('en', `roles.${r}`), checked: values.role === r }))
    },
    password: {
      id: 'password',
      name: 'password',
      label: { text: 'Temporary password', size: 's' },
      autocomplete: 'new-password',
      hint: { text: 'At least 12 characters. Three random words work well. Avoid common passwords.' },
      errorMessage: errors.byField.password
    }
  }
}

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const breadcrumbs = [{ href: '/home', text: 'Home' }]
  app.get('/admin/staff', { config: { access: 'staff:manage' } }, async (request, reply) => {
    const staff = await request.withOrg((trx) => listStaff(trx, request.user!.orgId))
    return reply.render('admin/staff.njk', {
      breadcrumbs,
      rows: staff.map((s) => [
        { text: s.display_name, header: 'Name' },
        { text: s.email, header: 'Email' },
        { text: translate('en', `roles.${s.role}`), header: 'Role' },
        { text: s.last_login_at ? formatDateTime(s.last_login_at) : 'Never', header: 'Last signed in' },
        {
          text: s.disabled_at ? 'Disabled' : s.locked_until && s.locked_until > new Date() ? 'Locked' : 'Active',
          header: 'Status'
        }
      ])
    })
  })

  app.get('/admin/staff/new', { config: { access: 'staff:manage' } }, async (_request, reply) =>
    reply.render('admin/staff-new.njk', { fields: fields({}, noErrors), backLinkHref: '/admin/staff' })
  )

  app.post('/admin/staff/new', { config: { access: 'staff:manage' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = {
      displayName: text(body.displayName),
      email: text(body.email).toLowerCase(),
      role: text(body.role),
      password: typeof body.password === 'string' ? body.password : ''
    }
    const render = (errors: FormErrors) =>
      reply.render('admin/staff-new.njk', { fields: fields(values, errors), errors, backLinkHref: '/admin/staff' })
    const parsed = parseForm(staffSchema, values, { role: 'role' })
    if (!parsed.ok) return render(parsed.errors)
    if (await emailTaken(app.database.db, parsed.data.email))
      return render(formErrors([{ field: 'email', text: 'An account with this email address already exists' }]))
    const passwordHash = await hashPassword(parsed.data.password)
    await request.withOrg(async (trx) => {
      const created = await insertStaff(trx, {
        org_id: request.user!.orgId,
        email: parsed.data.email,
        display_name: parsed.data.displayName,
        role: parsed.data.role,
        team_id: null,
        password_hash: passwordHash
      })
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'create',
        entityType: 'staff_user',
        entityId: created.id,
        detail: { role: created.role }
      })
    })
    return reply.flash('Staff account added').redirect('/admin/staff', 303)
  })
}
