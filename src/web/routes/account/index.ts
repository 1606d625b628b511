/**
 * The signed-in member of staff's own account: what it is (/account), changing the password
 * (/account/password), and confirming the password before a sensitive action (/account/confirm, where
 * routes with `config.recentAuth` send a session that proved its password too long ago).
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { changePassword, confirmPassword, type LockoutSettings } from '../../../app/staff/account-password.js'
import { formErrors, noErrors, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor, safeReturnUrl } from '../../plugins/auth.js'
import { rotateCsrfSecret } from '../../plugins/security.js'
import { translate } from '../../i18n.js'

export interface AccountRouteOptions extends LockoutSettings {
  reauthMinutes: number
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
    return reply.render('account/index.njk', {
      pageTitle: 'Your account',
      rows: [
        { key: { text: 'Name' }, value: { text: user.displayName } },
        { key: { text: 'Email address' }, value: { text: user.email } },
        { key: { text: 'Role' }, value: { text: translate('en', `roles.${user.role}`) } },
        { key: { text: 'Organisation' }, value: { text: request.organisation?.name ?? '' } }
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
