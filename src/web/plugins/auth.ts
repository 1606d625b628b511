/**
 * Who is asking, and may they? Sessions live in the database (only a hash of the token is
 * kept); the cookie holds the random token. A session ends after `idleMinutes` without a
 * request or `maxHours` after sign-in, whichever comes first. Every route declares
 * `config.access`: 'public', 'signed-in' or a permission; anything else is refused. Routes
 * that forget to declare it are treated as 'signed-in'.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findOrganisation } from '../../db/repositories/organisations.js'
import { findStaff, staffRowToUser, type StaffUser } from '../../db/repositories/staff.js'
import { touchSession, type SessionLifetime } from '../../db/repositories/sessions.js'
import type { Organisation } from '../../db/schema.js'
import { can, type Permission } from '../../domain/staff/roles.js'
import type { Actor } from '../../app/actor.js'
import { isAssetPath } from './security.js'

export type Access = 'public' | 'signed-in' | Permission

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    user: StaffUser | null
    organisation: Organisation | null
    sessionToken: string | null
    flash: { text: string; kind: 'success' | 'info' } | null
  }
  interface FastifyReply {
    flash: (text: string, kind?: 'success' | 'info') => FastifyReply
  }
  interface FastifyInstance {
    /** How long a new session lasts (idle timeout and absolute lifetime). */
    sessionLifetime: SessionLifetime
  }
}

export const sessionCookie = 'reach_session'
const flashCookie = 'reach_flash'

/** The absolute session lifetime when none is configured (REACH_SESSION_MAX_HOURS has the same default). */
export const defaultSessionMaxHours = 12

export interface AuthOptions {
  idleMinutes: number
  maxHours?: number
  secureCookies: boolean
}

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
    app.decorateRequest('flash', null)
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
      const session = await touchSession(app.database.db, token, lifetime)
      if (!session) {
        reply.clearCookie(sessionCookie, { path: '/' })
        return
      }
      const row = await findStaff(app.database.db, session.orgId, session.userId)
      if (!row || row.disabled_at) return
      request.user = staffRowToUser(row)
      request.organisation = (await findOrganisation(app.database.db, row.org_id)) ?? null
      request.sessionToken = token
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
