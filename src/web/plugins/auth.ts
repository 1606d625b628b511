/**
 * Who is asking, and may they? Sessions live in the database (only a hash of the token is
 * kept); the cookie holds the random token. A session ends after `idleMinutes` without a
 * request or `maxHours` after sign-in, whichever comes first. Every route declares
 * `config.access`: 'public', 'signed-in' or a permission; anything else is refused. Routes
 * that forget to declare it are treated as 'signed-in'. A route that also declares
 * `config.recentAuth` asks for the password again when the session last proved it more than
 * `reauthMinutes` ago (ASVS 3.7.1): adding staff, ending someone's sessions, erasing records, exporting
 * the audit trail. Over HTTPS the session cookie is `__Host-` prefixed (ASVS 3.4.4): secure, for this
 * host only, for every path.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { staffRowToUser, type StaffUser } from '../../db/repositories/staff.js'
import { touchSessionWithUser, type SessionLifetime } from '../../db/repositories/sessions.js'
import type { Organisation } from '../../db/schema.js'
import { can, type Permission } from '../../domain/staff/roles.js'
import type { Actor } from '../../app/actor.js'
import { isAssetPath, sameSiteUrl } from './security.js'

export type Access = 'public' | 'signed-in' | Permission

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
    /** Ask for the password again unless the session proved it in the last `reauthMinutes`. */
    recentAuth?: boolean
  }
  interface FastifyRequest {
    user: StaffUser | null
    organisation: Organisation | null
    sessionToken: string | null
    /** When the session last proved its password. */
    authenticatedAt: Date | null
    flash: { text: string; kind: 'success' | 'info' } | null
  }
  interface FastifyReply {
    flash: (text: string, kind?: 'success' | 'info') => FastifyReply
    /** Sets or clears the session cookie, with its name and flags. */
    setSessionCookie: (token: string) => FastifyReply
    clearSessionCookie: () => FastifyReply
  }
  interface FastifyInstance {
    /** How long a new session lasts (idle timeout and absolute lifetime). */
    sessionLifetime: SessionLifetime
  }
}

/** The session cookie's name: `__Host-` prefixed when cookies are secure (HTTPS), which browsers insist on. */
export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-reach_session' : 'reach_session')
const flashCookie = 'reach_flash'

/** The absolute session lifetime when none is configured (REACH_SESSION_MAX_HOURS has the same default). */
export const defaultSessionMaxHours = 12

export interface AuthOptions {
  idleMinutes: number
  maxHours?: number
  /** 15 when not given (REACH_REAUTH_MINUTES has the same default). */
  reauthMinutes?: number
  secureCookies: boolean
}

/** Where the password is confirmed, coming back to `returnUrl`. */
export const confirmPasswordPath = '/account/confirm'

export const authPlugin = fp(
  async (app, opts: AuthOptions) => {
    const lifetime: SessionLifetime = {
      idleMinutes: opts.idleMinutes,
      maxHours: opts.maxHours ?? defaultSessionMaxHours
    }
    app.decorate('sessionLifetime', lifetime)
    app.decorateRequest('user', null)
    app.decorateRequest('organisation', null)
    app.decorateRequest('sessionToken', null)
    app.decorateRequest('authenticatedAt', null)
    app.decorateRequest('flash', null)
    const sessionCookie = sessionCookieName(opts.secureCookies)
    const reauthMs = (opts.reauthMinutes ?? 15) * 60_000
    app.decorateReply('setSessionCookie', function setSessionCookie(this: FastifyReply, token: string) {
      return this.setCookie(sessionCookie, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies
      })
    })
    app.decorateReply('clearSessionCookie', function clearSessionCookie(this: FastifyReply) {
      return this.clearCookie(sessionCookie, { path: '/', secure: opts.secureCookies })
    })
    app.decorateReply('flash', function flash(this: FastifyReply, text: string, kind: 'success' | 'info' = 'success') {
      return this.setCookie(flashCookie, JSON.stringify({ text, kind }), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        signed: true,
        secure: opts.secureCookies
      })
    })

    app.addHook('onRequest', async (request, reply) => {
      if (isAssetPath(request.url)) return
      const rawFlash = request.cookies[flashCookie]
      if (rawFlash) {
        const unsigned = request.unsignCookie(rawFlash)
        if (unsigned.valid && unsigned.value) {
          try {
            request.flash = JSON.parse(unsigned.value) as FastifyRequest['flash']
          } catch {
            request.flash = null
          }
        }
        reply.clearCookie(flashCookie, { path: '/' })
      }
      const token = request.cookies[sessionCookie]
      if (!token || token.length > 100) return
      // one query: the session, its member of staff and their organisation
      const session = await touchSessionWithUser(app.database.db, token, lifetime)
      if (!session) {
        reply.clearSessionCookie()
        return
      }
      request.user = staffRowToUser(session.user)
      request.organisation = session.organisation
      request.sessionToken = token
      request.authenticatedAt = session.authenticatedAt
    })

    app.addHook('preHandler', async (request, reply) => {
      if (isAssetPath(request.url) || !request.routeOptions.url) return
      const access: Access = request.routeOptions.config.access ?? 'signed-in'
      if (access === 'public') return
      if (!request.user) {
        const returnUrl = request.method === 'GET' ? `?returnUrl=${encodeURIComponent(request.url)}` : ''
        return reply.redirect(`/sign-in${returnUrl}`, 303)
      }
      if (access !== 'signed-in' && !can(request.user.role, access)) {
        request.log.info({ event: 'forbidden', userId: request.user.id, access }, 'forbidden')
        return reply.code(403).render('errors/403.njk')
      }
      if (request.routeOptions.config.recentAuth) {
        const provedAt = request.authenticatedAt?.getTime() ?? 0
        if (Date.now() - provedAt > reauthMs) {
          // a GET comes back to itself; a POST to the page it was sent from (its form), as nothing was done
          const back = request.method === 'GET' ? request.url : refererPath(request)
          return reply.redirect(`${confirmPasswordPath}?returnUrl=${encodeURIComponent(back)}`, 303)
        }
      }
    })
  },
  { name: 'auth', dependencies: ['security', 'database'] }
)

/**
 * A `returnUrl` is followed only when it is a path on this site: one `/`, then a character that
 * is neither `/` nor a backslash (so never `//evil.test` or `/\evil.test`), and no control character or
 * whitespace anywhere (browsers drop tabs and newlines, so `/\t/evil.test` would be `//evil.test`).
 */
export function safeReturnUrl(value: unknown, fallback = '/home'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!/^\/[^/\\]/.test(value) || /[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return fallback
  return value
}

/** The path of a same-site Referer, for coming back to a form; `/home` otherwise. */
function refererPath(request: FastifyRequest): string {
  const url = request.headers.referer ? sameSiteUrl(request, request.headers.referer) : null
  return url ? safeReturnUrl(`${url.pathname}${url.search}`) : '/home'
}

/** Who did it, and from where: the part of an audit row that comes from the request. */
export function auditActor(request: FastifyRequest): {
  orgId: string
  actorUserId: string
  actorRole: string
  ip: string
  userAgent: string | null
} {
  if (!request.user) throw new Error('auditActor needs a signed-in user')
  return {
    orgId: request.user.orgId,
    actorUserId: request.user.id,
    actorRole: request.user.role,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null
  }
}

/**
 * The signed-in staff member. Routes whose `access` is not 'public' always have one (the auth
 * preHandler has redirected otherwise), so this replaces `request.user!`.
 */
export function currentUser(request: FastifyRequest): StaffUser {
  if (!request.user) throw new Error('currentUser on a route without a signed-in user')
  return request.user
}

/** The signed-in staff member as the `Actor` a use case takes. */
export function requestActor(request: FastifyRequest): Actor {
  const user = currentUser(request)
  return {
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    teamId: user.teamId,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null
  }
}
