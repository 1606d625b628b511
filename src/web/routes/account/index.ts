/**
 * The signed-in member of staff's own account: what it is (/account), changing the password
 * (/account/password), and confirming the password before a sensitive action (/account/confirm, where
 * routes with `config.recentAuth` send a session that proved its password too long ago).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { changePassword, confirmPassword, type LockoutSettings } from '../../../app/staff/account-password.js'
import { confirmTwoStepSetUp, turnOffTwoStep, twoStepSecretToSetUp } from '../../../app/staff/second-step.js'
import { found } from '../../../app/errors.js'
import { findStaff } from '../../../db/repositories/staff.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { formErrors, noErrors, text, type FormErrors } from '../../form-errors.js'
import { setUpDetails } from '../public/two-step.js'
import { currentUser, requestActor, safeReturnUrl } from '../../plugins/auth.js'
import { rotateCsrfSecret } from '../../plugins/security.js'
import { translate } from '../../i18n.js'

export interface AccountRouteOptions extends LockoutSettings {
  reauthMinutes: number
  twoStepRoles: readonly string[]
}

const returnQuery = z.object({ returnUrl: z.string().max(2000).optional() })
const passwordOf = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

export async function accountRoutes(app: FastifyInstance, opts: AccountRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const breadcrumbs = [{ href: '/home', text: 'Home' }]

  r.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = currentUser(request)
    const row = await request.withOrg((trx) => findStaff(trx, user.orgId, user.id))
    const twoStepOn = Boolean(row?.totp_enrolled_at)
    return reply.render('account/index.njk', {
      pageTitle: 'Your account',
      twoStepOn,
      rows: [
        { key: { text: 'Name' }, value: { text: user.displayName } },
        { key: { text: 'Email address' }, value: { text: user.email } },
        { key: { text: 'Role' }, value: { text: translate('en', `roles.${user.role}`) } },
        { key: { text: 'Organisation' }, value: { text: request.organisation?.name ?? '' } },
        {
          key: { text: 'Two-step sign-in' },
          value: { text: twoStepOn ? 'On: a code from your phone as well as your password' : 'Off' },
          actions: {
            items: [
              {
                href: '/account/two-step',
                text: twoStepOn ? 'Change' : 'Set up',
                visuallyHiddenText: 'two-step sign-in'
              }
            ]
          }
        }
      ],
      breadcrumbs
    })
  })

  // signed out by too many wrong passwords: the session is gone, so say so on the sign-in page
  const lockedOut = (reply: FastifyReply) => {
    reply.clearSessionCookie()
    rotateCsrfSecret(reply)
    return reply
      .flash('You have been signed out because the password was wrong too many times. Try again later', 'info')
      .redirect('/sign-in', 303)
  }

  const renderConfirm = (reply: FastifyReply, returnUrl: string, errors: FormErrors) =>
    reply.render('account/confirm.njk', {
      pageTitle: 'Confirm your password',
      action: `/account/confirm?returnUrl=${encodeURIComponent(returnUrl)}`,
      minutes: opts.reauthMinutes,
      errors,
      breadcrumbs
    })

  r.get(
    '/account/confirm',
    { schema: { querystring: returnQuery }, config: { access: 'signed-in' } },
    async (request, reply) => renderConfirm(reply, safeReturnUrl(request.query.returnUrl), noErrors)
  )

  r.post(
    '/account/confirm',
    {
      schema: { querystring: returnQuery },
      config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: '1 minute' } }
    },
    async (request, reply) => {
      const returnUrl = safeReturnUrl(request.query.returnUrl)
      const password = passwordOf(request.body, 'password')
      if (password === '')
        return renderConfirm(
          reply,
          returnUrl,
          formErrors([{ field: 'password', text: 'Enter the password you sign in with' }])
        )
      const token = request.sessionToken ?? ''
      const result = await request.withOrg((trx) => confirmPassword(trx, requestActor(request), token, password, opts))
      if (!result.ok)
        return result.signedOut ? lockedOut(reply) : renderConfirm(reply, returnUrl, formErrors(result.errors))
      return reply.redirect(returnUrl, 303)
    }
  )

  const renderTwoStep = async (request: FastifyRequest, reply: FastifyReply, errors: FormErrors) => {
    const user = currentUser(request)
    const required = opts.twoStepRoles.includes(user.role)
    const page = await request.withOrg(async (trx) => {
      const row = found(await findStaff(trx, user.orgId, user.id), 'staff user')
      if (row.totp_enrolled_at)
        return { on: true, since: formatDate(new Date(row.totp_enrolled_at).toISOString().slice(0, 10)) }
      const { secret, email } = await twoStepSecretToSetUp(trx, user.orgId, user.id)
      return { on: false, setUp: await setUpDetails(secret, email) }
    })
    return reply.render('account/two-step.njk', {
      pageTitle: 'Two-step sign-in',
      ...page,
      required,
      errors,
      breadcrumbs: [...breadcrumbs, { href: '/account', text: 'Your account' }]
    })
  }

  r.get('/account/two-step', { config: { access: 'signed-in', recentAuth: true } }, (request, reply) =>
    renderTwoStep(request, reply, noErrors)
  )

  r.post(
    '/account/two-step',
    { config: { access: 'signed-in', recentAuth: true, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const code = text((request.body as Record<string, unknown> | undefined)?.code)
      if (code === '')
        return renderTwoStep(
          request,
          reply,
          formErrors([{ field: 'code', text: 'Enter the 6-digit code from your authenticator app' }])
        )
      const result = await request.withOrg((trx) => confirmTwoStepSetUp(trx, requestActor(request), code))
      if (!result.ok) return renderTwoStep(request, reply, formErrors([{ field: 'code', text: result.error ?? '' }]))
      return reply
        .flash('Two-step sign-in is on. Next time you sign in, enter a code from your phone')
        .redirect('/account', 303)
    }
  )

  r.post('/account/two-step/off', { config: { access: 'signed-in', recentAuth: true } }, async (request, reply) => {
    const user = currentUser(request)
    await request.withOrg((trx) =>
      turnOffTwoStep(trx, requestActor(request), user.id, { requiredForRole: opts.twoStepRoles.includes(user.role) })
    )
    return reply.flash('Two-step sign-in is off').redirect('/account', 303)
  })

  const renderChange = (reply: FastifyReply, errors: FormErrors) =>
    reply.render('account/password.njk', {
      pageTitle: 'Change your password',
      errors,
      breadcrumbs: [...breadcrumbs, { href: '/account', text: 'Your account' }]
    })

  r.get('/account/password', { config: { access: 'signed-in' } }, async (_request, reply) =>
    renderChange(reply, noErrors)
  )

  r.post(
    '/account/password',
    { config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const current = passwordOf(request.body, 'currentPassword')
      const next = passwordOf(request.body, 'newPassword')
      const again = passwordOf(request.body, 'confirmPassword')
      const missing = [
        ...(current === '' ? [{ field: 'currentPassword', text: 'Enter your current password' }] : []),
        ...(next === '' ? [{ field: 'newPassword', text: 'Enter a new password' }] : []),
        ...(next !== '' && again !== next
          ? [{ field: 'confirmPassword', text: 'The new passwords do not match. Enter the same password twice' }]
          : [])
      ]
      if (missing.length > 0) return renderChange(reply, formErrors(missing))
      const token = request.sessionToken ?? ''
      const result = await request.withOrg((trx) =>
        changePassword(trx, requestActor(request), token, { current, next }, opts)
      )
      if (!result.ok) return result.signedOut ? lockedOut(reply) : renderChange(reply, formErrors(result.errors))
      const others = result.sessionsEnded
      return reply
        .flash(
          others > 0
            ? `Your password has been changed. You have been signed out on ${others === 1 ? 'one other device' : `${others} other devices`}`
            : 'Your password has been changed'
        )
        .redirect('/account', 303)
    }
  )
}
