/** The start page, sign in and out, static information pages and the health check. */
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod'
import { recordAudit } from '../../../db/repositories/audit.js'
import { createSession, deleteSession } from '../../../db/repositories/sessions.js'
import { findStaffForSignIn, recordFailedSignIn, recordSuccessfulSignIn } from '../../../db/repositories/staff.js'
import { verifyAgainstDummy, verifyPassword } from '../../../security/password-hash.js'
import { formErrors, noErrors, parseForm, text } from '../../form-errors.js'
import { safeReturnUrl, sessionCookie } from '../../plugins/auth.js'
import { escapeHtml } from '../../escape-html.js'

/** The demonstration accounts shown on the sign-in page (null when the database has none). */
export type DemoSignIn = () => Promise<{ password: string; accounts: { email: string; role: string }[] } | null>

export interface PublicRouteOptions {
  idleMinutes: number
  maxFailures: number
  lockMinutes: number
  secureCookies: boolean
  /** Demo logins shown on the sign-in page (only when the demonstration data is loaded). */
  demoSignIn?: DemoSignIn | undefined
}

const signInSchema = z.object({
  email: z.string().min(1, 'Enter your email address').max(320, 'Email address must be 320 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer')
})

const wrongDetails = 'Enter a correct email address and password'

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

export async function publicRoutes(app: FastifyInstance, opts: PublicRouteOptions): Promise<void> {
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/home', 303)
    return reply.render('public/start.njk')
  })

  for (const [path, page] of Object.entries(infoPages)) {
    app.get(path, { config: { access: 'public' } }, async (_request, reply) =>
      reply.render('public/page.njk', { pageTitle: page.title, paragraphs: page.paragraphs })
    )
  }

  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.database.db)
      return reply.send({ status: 'ok', database: app.database.kind, uptimeSeconds: Math.round(process.uptime()) })
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: app.database.kind })
    }
  })

  const renderSignIn = async (reply: import('fastify').FastifyReply, context: Record<string, unknown>) => {
    const demo = opts.demoSignIn ? await opts.demoSignIn() : null
    const demoAccounts = !demo
      ? null
      : `<p>These accounts exist only in the demonstration data. The password for each is <code>${escapeHtml(demo.password)}</code>.</p><ul>` +
        demo.accounts.map((a) => `<li>${escapeHtml(a.role)}: <code>${escapeHtml(a.email)}</code></li>`).join('') +
        '</ul>'
    return reply.render('public/sign-in.njk', { values: { email: '' }, errors: noErrors, demoAccounts, ...context })
  }

  app.get<{ Querystring: { returnUrl?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) => {
      if (request.user) return reply.redirect('/home', 303)
      return renderSignIn(reply, { returnUrl: safeReturnUrl(request.query.returnUrl, '') })
    }
  )

  app.post<{ Querystring: { returnUrl?: string } }>(
    '/sign-in',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }
    },
    async (request, reply) => {
      const body = request.body as Record<string, unknown> | undefined
      const values = { email: text(body?.email) }
      const returnUrl = safeReturnUrl(request.query.returnUrl, '')
      const parsed = parseForm(signInSchema, {
        email: values.email,
        password: typeof body?.password === 'string' ? body.password : ''
      })
      if (!parsed.ok) return renderSignIn(reply, { values, errors: parsed.errors, returnUrl })

      const { email, password } = parsed.data
      const user = await findStaffForSignIn(app.database.db, email)
      const wrong = () =>
        renderSignIn(reply, {
          values,
          returnUrl,
          errors: formErrors([
            { field: 'email', text: wrongDetails },
            { field: 'password', text: wrongDetails }
          ])
        })
      if (!user || user.disabled_at) {
        await verifyAgainstDummy(password)
        request.log.info({ event: 'sign_in_failed', reason: 'unknown_account' }, 'sign in failed')
        return wrong()
      }
      const audit = {
        orgId: user.org_id,
        actorUserId: user.id,
        actorRole: user.role,
        entityType: 'staff_user',
        entityId: user.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null
      }
      if (user.locked_until && user.locked_until > new Date()) {
        await recordAudit(app.database.db, { ...audit, action: 'sign_in_failed', detail: { reason: 'locked' } })
        return renderSignIn(reply, { values, returnUrl, locked: true, lockMinutes: opts.lockMinutes })
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        const { locked } = await app.database.db.transaction().execute(async (trx) => {
          const result = await recordFailedSignIn(trx, user.org_id, user.id, opts.maxFailures, opts.lockMinutes)
          await recordAudit(trx, {
            ...audit,
            action: result.locked ? 'account_locked' : 'sign_in_failed',
            detail: { reason: 'wrong_password' }
          })
          return result
        })
        request.log.info(
          { event: 'sign_in_failed', reason: 'wrong_password', userId: user.id, locked },
          'sign in failed'
        )
        if (locked) return renderSignIn(reply, { values, returnUrl, locked: true, lockMinutes: opts.lockMinutes })
        return wrong()
      }
      const token = await app.database.db.transaction().execute(async (trx) => {
        await recordSuccessfulSignIn(trx, user.org_id, user.id)
        await recordAudit(trx, { ...audit, action: 'sign_in' })
        return createSession(trx, user.org_id, user.id, opts.idleMinutes)
      })
      request.log.info({ event: 'sign_in', userId: user.id }, 'signed in')
      reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies })
      return reply.redirect(returnUrl || '/home', 303)
    }
  )

  app.get('/sign-out', { config: { access: 'signed-in' } }, async (_request, reply) =>
    reply.render('public/sign-out.njk')
  )

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    if (request.sessionToken && request.user) {
      const user = request.user
      await app.database.db.transaction().execute(async (trx) => {
        await deleteSession(trx, request.sessionToken as string)
        await recordAudit(trx, {
          orgId: user.orgId,
          actorUserId: user.id,
          actorRole: user.role,
          action: 'sign_out',
          entityType: 'staff_user',
          entityId: user.id,
          ip: request.ip
        })
      })
    }
    reply.clearCookie(sessionCookie, { path: '/' })
    request.user = null
    request.organisation = null
    return reply.flash('You have signed out', 'info').redirect('/sign-in', 303)
  })
}
