/**
 * The second step of signing in: the code from an authenticator app (/sign-in/code), or setting the app
 * up at a first sign-in when the role must use it (/sign-in/set-up). Both need the signed proof that the
 * password was right (web/two-step-cookie.ts); without it they go back to /sign-in.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import QRCode from 'qrcode'
import { completeSignIn, twoStepSecretToSetUp } from '../../../app/staff/second-step.js'
import { groupedSecret, totpUri } from '../../../security/totp.js'
import { formErrors, noErrors, text, type FormErrors } from '../../form-errors.js'
import { rotateCsrfSecret } from '../../plugins/security.js'
import { clearPendingSignIn, pendingSignIn, type PendingSignIn } from '../../two-step-cookie.js'

export interface TwoStepRouteOptions {
  maxFailures: number
  lockMinutes: number
}

/** The QR code of an `otpauth://` address as inline SVG, with the secret beside it for typing in. */
export async function setUpDetails(secret: string, email: string) {
  const uri = totpUri(secret, email)
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 200 })
  return {
    qrSvg: svg.replace('<svg ', '<svg role="img" aria-label="QR code for your authenticator app" '),
    secret: groupedSecret(secret)
  }
}

/** After signing in with a password that no longer meets the rules: straight to changing it. */
export const askForNewPassword = (reply: FastifyReply) =>
  reply
    .flash('Your password is one that is easy to guess or no longer meets the rules. Choose a new one now', 'info')
    .redirect('/account/password', 303)

export async function twoStepRoutes(app: FastifyInstance, opts: TwoStepRouteOptions): Promise<void> {
  const breadcrumbs = [{ href: '/', text: 'Reach' }]

  const render = async (reply: FastifyReply, pending: PendingSignIn, errors: FormErrors) => {
    const setUp = pending.setUp
      ? await app.database.db.transaction().execute(async (trx) => {
          const { secret, email } = await twoStepSecretToSetUp(trx, pending.orgId, pending.userId)
          return setUpDetails(secret, email)
        })
      : null
    return reply.render(setUp ? 'public/two-step-set-up.njk' : 'public/two-step-code.njk', {
      pageTitle: setUp ? 'Set up two-step sign-in' : 'Enter your code',
      setUp,
      errors,
      breadcrumbs
    })
  }

  const backToSignIn = (reply: FastifyReply) => {
    clearPendingSignIn(reply)
    return reply.flash('Sign in again: the time to enter a code ran out', 'info').redirect('/sign-in', 303)
  }

  for (const path of ['/sign-in/code', '/sign-in/set-up']) {
    app.get(path, { config: { access: 'public' } }, async (request, reply) => {
      if (request.user) return reply.redirect('/home', 303)
      const pending = pendingSignIn(request)
      if (!pending) return backToSignIn(reply)
      return render(reply, pending, noErrors)
    })
  }

  app.post(
    '/sign-in/code',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const pending = pendingSignIn(request)
      if (!pending) return backToSignIn(reply)
      const code = text((request.body as Record<string, unknown> | undefined)?.code)
      if (code === '')
        return render(
          reply,
          pending,
          formErrors([{ field: 'code', text: 'Enter the 6-digit code from your authenticator app' }])
        )
      const result = await app.database.db.transaction().execute((trx) =>
        completeSignIn(trx, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, pending, code, {
          maxFailures: opts.maxFailures,
          lockMinutes: opts.lockMinutes,
          lifetime: app.sessionLifetime
        })
      )
      if (!result.ok) {
        request.log.info({ event: 'sign_in_failed', reason: 'code', userId: pending.userId }, 'sign in failed')
        if (result.locked) {
          clearPendingSignIn(reply)
          return reply
            .flash('Sign in again. After several wrong codes we pause sign-in for a while', 'info')
            .redirect('/sign-in', 303)
        }
        return render(reply, pending, formErrors([{ field: 'code', text: result.error }]))
      }
      request.log.info({ event: 'sign_in', userId: pending.userId, twoStep: true }, 'signed in')
      clearPendingSignIn(reply)
      rotateCsrfSecret(reply)
      reply.setSessionCookie(result.sessionToken)
      if (pending.changePassword) return askForNewPassword(reply)
      return reply.redirect(pending.returnUrl || '/home', 303)
    }
  )
}
