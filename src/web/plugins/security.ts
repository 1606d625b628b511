/**
 * Cookies, security headers with a strict Content Security Policy (no inline script or style),
 * CSRF protection on every form post, and rate limiting (used on sign-in and on 404s).
 */
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'

export interface SecurityOptions {
  sessionSecret: string
  secureCookies: boolean
}

export const securityPlugin = fp(
  async (app, opts: SecurityOptions) => {
    await app.register(cookie, { secret: opts.sessionSecret })
    await app.register(formbody, { bodyLimit: 1024 * 1024 })
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: opts.secureCookies ? [] : null
        }
      },
      strictTransportSecurity: opts.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false
    })
    await app.register(csrf, {
      cookieKey: 'reach_csrf',
      cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: opts.secureCookies },
      getToken: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined
    })
    await app.register(rateLimit, { global: false })

    // Every POST carries a CSRF token unless its route opts out (none does yet).
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method !== 'POST' || !request.routeOptions.url || request.routeOptions.config.csrf === false)
        return done()
      app.csrfProtection(request, reply, done)
    })
  },
  { name: 'security' }
)

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false to skip the CSRF check (for machine-to-machine endpoints with their own tokens). */
    csrf?: boolean
  }
}
