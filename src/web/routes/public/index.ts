/** The start page, sign in and out (here or everywhere), static information pages and the health check. */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { signIn } from '../../../app/staff/sign-in.js'
import { checkPassword } from '../../../domain/staff/password-policy.js'
import { signOut } from '../../../app/staff/sign-out.js'
import { signOutEverywhere } from '../../../app/staff/sign-out-everywhere.js'
import { databaseResponds } from '../../../db/repositories/health.js'
import { noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor, safeReturnUrl } from '../../plugins/auth.js'
import { rotateCsrfSecret } from '../../plugins/security.js'
import { setPendingSignIn } from '../../two-step-cookie.js'
import { askForNewPassword, twoStepRoutes } from './two-step.js'
import { queryText } from '../../schemas.js'
import {
  demoAccountsDetails,
  lockoutInset,
  signInAction,
  wrongDetailsErrors,
  type DemoAccounts
} from './view-models.js'

/** The demonstration accounts shown on the sign-in page (null when the database has none). */
export type DemoSignIn = () => Promise<DemoAccounts | null>

export interface PublicRouteOptions {
  maxFailures: number
  lockMinutes: number
  /** Roles that must use two-step sign-in. */
  twoStepRoles: readonly string[]
  secureCookies: boolean
  /** Demo logins shown on the sign-in page (only when the demonstration data is loaded). */
  demoSignIn?: DemoSignIn | undefined
}

const signInSchema = z.object({
  email: z.string().min(1, 'Enter your email address').max(320, 'Email address must be 320 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer')
})

/** `?returnUrl=…` is optional and never an error: anything unsafe or odd is simply not followed. */
const signInQuery = z.object({ returnUrl: queryText.catch(undefined) })

const infoPages: Record<string, { title: string; paragraphs: string[] }> = {
  '/about': {
    title: 'About Reach',
    paragraphs: [
      'Reach is open-source software for health and care organisations to make sure digital health reaches everyone.',
      'It supports digital inclusion screening at first assessment, safe communication plans, referrals to digital support, an area digital exclusion risk index and quality improvement measurement.'
    ]
  },
  '/accessibility': {
    title: 'Accessibility statement',
    paragraphs: [
      'Reach is built with the NHS design system and aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.',
      'Every page works without JavaScript, on a screen 320 pixels wide, at 400% zoom and with a keyboard alone. Automated checks with axe run on every page in our tests.',
      'If you find a problem, tell your Reach administrator so it can be fixed.'
    ]
  },
  '/privacy': {
    title: 'Privacy',
    paragraphs: [
      'Reach holds patient information on behalf of your organisation. Staff see only the patients of their own organisation.',
      'Every view and change of a patient record is written to an audit trail that cannot be changed.',
      'Reports show counts only, and small numbers are hidden so that no one can be identified.'
    ]
  }
}

/**
 * A password that no longer meets the rules (on the common-password list, or longer than allowed since the
 * rules changed) is still accepted at sign-in, then changed at once (ASVS 2.1.7).
 */
const passwordNeedsChanging = (input: { email: string; password: string }) =>
  checkPassword(input.password, { email: input.email }) !== null

export async function publicRoutes(app: FastifyInstance, opts: PublicRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/', { config: { access: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/home', 303)
    return reply.render('public/start.njk')
  })

  for (const [path, page] of Object.entries(infoPages)) {
    r.get(path, { config: { access: 'public' } }, async (_request, reply) =>
      reply.render('public/page.njk', { pageTitle: page.title, paragraphs: page.paragraphs })
    )
  }

  r.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    if (await databaseResponds(app.database.db))
      return reply.send({ status: 'ok', database: app.database.kind, uptimeSeconds: Math.round(process.uptime()) })
    return reply.code(503).send({ status: 'unavailable', database: app.database.kind })
  })

  const renderSignIn = async (
    reply: FastifyReply,
    page: { returnUrl: string; email?: string; errors?: FormErrors; failed?: boolean }
  ) =>
    reply.render('public/sign-in.njk', {
      values: { email: page.email ?? '' },
      errors: page.errors ?? noErrors,
      action: signInAction(page.returnUrl),
      lockout: page.failed ? lockoutInset(opts.maxFailures, opts.lockMinutes) : null,
      demoAccounts: demoAccountsDetails(opts.demoSignIn ? await opts.demoSignIn() : null)
    })

  r.get('/sign-in', { schema: { querystring: signInQuery }, config: { access: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/home', 303)
    return renderSignIn(reply, { returnUrl: safeReturnUrl(request.query.returnUrl, '') })
  })

  r.post(
    '/sign-in',
    {
      schema: { querystring: signInQuery },
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }
    },
    async (request, reply) => {
      const body = request.body as Record<string, unknown> | undefined
      const email = text(body?.email)
      const returnUrl = safeReturnUrl(request.query.returnUrl, '')
      const parsed = parseForm(signInSchema, {
        email,
        password: typeof body?.password === 'string' ? body.password : ''
      })
      if (!parsed.ok) return renderSignIn(reply, { returnUrl, email, errors: parsed.errors })

      const result = await app.database.db.transaction().execute((trx) =>
        signIn(trx, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, parsed.data, {
          maxFailures: opts.maxFailures,
          lockMinutes: opts.lockMinutes,
          lifetime: app.sessionLifetime,
          twoStepRoles: opts.twoStepRoles
        })
      )
      if (!result.ok) {
        request.log.info(
          { event: 'sign_in_failed', reason: result.reason, userId: result.userId, locked: result.lockedNow },
          'sign in failed'
        )
        return renderSignIn(reply, { returnUrl, email, errors: wrongDetailsErrors(), failed: true })
      }
      if (result.ok === 'second-step') {
        setPendingSignIn(
          reply,
          {
            orgId: result.orgId,
            userId: result.userId,
            returnUrl,
            setUp: result.setUp,
            changePassword: passwordNeedsChanging(parsed.data)
          },
          opts.secureCookies
        )
        return reply.redirect(result.setUp ? '/sign-in/set-up' : '/sign-in/code', 303)
      }
      request.log.info({ event: 'sign_in', userId: result.userId }, 'signed in')
      rotateCsrfSecret(reply)
      reply.setSessionCookie(result.sessionToken)
      if (passwordNeedsChanging(parsed.data)) return askForNewPassword(reply)
      return reply.redirect(returnUrl || '/home', 303)
    }
  )

  await twoStepRoutes(app, { maxFailures: opts.maxFailures, lockMinutes: opts.lockMinutes })

  r.get('/sign-out', { config: { access: 'signed-in' } }, async (_request, reply) =>
    reply.render('public/sign-out.njk')
  )

  const signedOut = (reply: FastifyReply, message: string) => {
    reply.clearSessionCookie()
    rotateCsrfSecret(reply)
    const request = reply.request
    request.user = null
    request.organisation = null
    request.sessionToken = null
    return reply.flash(message, 'info').redirect('/sign-in', 303)
  }

  r.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    const token = request.sessionToken
    if (token) await request.withOrg((trx) => signOut(trx, requestActor(request), token))
    return signedOut(reply, 'You have signed out')
  })

  r.get('/sign-out/everywhere', { config: { access: 'signed-in' } }, async (_request, reply) =>
    reply.render('public/sign-out-everywhere.njk', { backLinkHref: '/sign-out' })
  )

  r.post('/sign-out/everywhere', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { sessionsEnded } = await request.withOrg((trx) =>
      signOutEverywhere(trx, requestActor(request), { userId: currentUser(request).id })
    )
    request.log.info({ event: 'sign_out_everywhere', userId: currentUser(request).id, sessionsEnded }, 'signed out')
    return signedOut(reply, 'You have signed out on every device')
  })
}
