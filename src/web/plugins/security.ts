/**
 * The web edge: cookies, security headers with a strict Content Security Policy (no inline script
 * or style), control characters refused, CSRF protection on every form post bound to the session,
 * no caching of anything a signed-in user sees, and rate limiting (used on sign-in and on 404s).
 * docs/security.md lists what each part defends against and the test that proves it.
 */
import { createHmac } from 'node:crypto'
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import helmet from '@fastify/helmet'
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { RateLimitStore } from '../rate-limit-store.js'
import type { OperationOutcome } from '@medplum/fhirtypes'
import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * The URL of a header value (Origin, Referer) when it names this site, or null. Both sides go through URL,
 * so a default port (":80", ":443") compares equal to none; a value that is not a URL is not this site.
 */
export function sameSiteUrl(request: FastifyRequest, value: string): URL | null {
  try {
    const url = new URL(value)
    return url.host === new URL(`${request.protocol}://${request.host}`).host ? url : null
  } catch {
    return null
  }
}

/** An Origin header that names another site than the one asked (`null` counts: sandboxed or opaque origins). */
export function crossSiteOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin
  return origin !== undefined && sameSiteUrl(request, origin) === null
}

const crossSiteOutcome: OperationOutcome = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'security', diagnostics: 'Requests from another website are refused' }]
}

export interface SecurityOptions {
  sessionSecret: string
  secureCookies: boolean
  /** Where rate-limit counts are kept; in memory, per process, when not given. */
  rateLimitStore?: new (options?: unknown) => RateLimitStore
}

/** The signed cookie holding the CSRF secret of a signed-out browser. */
export const csrfCookie = 'reach_csrf'

const cspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"]
}

/**
 * Where @fastify/csrf-protection keeps this request's CSRF secret (its `sessionPlugin:
 * '@fastify/session'` mode reads and writes `request.session.csrfSecret`). Signed in, the secret
 * is derived from the session token, so a token works only with the session it was made for and
 * a new session (sign-in) means new tokens. Signed out, it is a random secret in a signed cookie,
 * dropped at sign-in and sign-out.
 */
export interface CsrfSecretStore {
  csrfSecret: string | undefined
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every request by this plugin's first hook. */
    session: CsrfSecretStore | null
  }
  interface FastifyContextConfig {
    /** Set to false to skip the CSRF check (for machine-to-machine endpoints with their own tokens). */
    csrf?: boolean
  }
}

/** Static files: the NHS.UK frontend and our own CSS and script. They keep their own caching. */
export function isAssetPath(url: string): boolean {
  return url.startsWith('/nhsuk/') || url.startsWith('/static/')
}

/** Patient links (self-completion, partner referral pages) carry a token in the path. */
function isPatientLinkPath(url: string): boolean {
  return /^\/(s|partner)(\/|\?|$)/.test(url)
}

/** C0 controls and DEL. In a web address nothing of the kind is allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const urlControlCharacters = /[\u0000-\u001f\u007f]/
/** In bodies, tab, line feed and carriage return are ordinary text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const bodyControlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
/** Deeper bodies than this are refused rather than walked (no form or resource of ours nests so deep). */
const maxBodyDepth = 32

/** True when any string (or key) in a parsed body or query holds a forbidden control character. */
export function containsControlCharacters(value: unknown, pattern: RegExp = bodyControlCharacters, depth = 0): boolean {
  if (typeof value === 'string') return pattern.test(value)
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false
  if (depth >= maxBodyDepth) return true
  if (Array.isArray(value)) return value.some((item) => containsControlCharacters(item, pattern, depth + 1))
  return Object.entries(value).some(
    ([key, item]) => pattern.test(key) || containsControlCharacters(item, pattern, depth + 1)
  )
}

/** The decoded path and query of a request hold a control character (or do not decode at all). */
function urlHasControlCharacters(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0] ?? ''
  try {
    if (urlControlCharacters.test(decodeURIComponent(path))) return true
  } catch {
    return true
  }
  return containsControlCharacters(request.query, urlControlCharacters)
}

/** Answers a request carrying control characters: FHIR clients get an OperationOutcome, people the 400 page. */
function refuseControlCharacters(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.info({ event: 'client_error', status: 400, code: 'REACH_CONTROL_CHARACTERS' }, 'control characters')
  reply.code(400)
  if (request.url.startsWith('/fhir/')) {
    const outcome: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics: 'The request contains control characters' }]
    }
    return reply.type('application/fhir+json; charset=utf-8').send(outcome)
  }
  return reply.render('errors/4xx.njk', { status: 400 })
}

/**
 * The headers helmet would set, for the few responses Fastify makes before any hook runs
 * (framework errors such as a malformed web address).
 */
export function setFallbackSecurityHeaders(reply: FastifyReply): void {
  const csp = Object.entries(cspDirectives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ')
  reply
    .header('content-security-policy', csp)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
}

/** A new browser-held CSRF secret next time one is needed: called at sign-in and sign-out. */
export function rotateCsrfSecret(reply: FastifyReply): void {
  reply.clearCookie(csrfCookie, { path: '/' })
}

export const securityPlugin = fp(
  async (app, opts: SecurityOptions) => {
    await app.register(cookie, { secret: opts.sessionSecret })
    await app.register(formbody, { bodyLimit: 1024 * 1024 })
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...cspDirectives, upgradeInsecureRequests: opts.secureCookies ? [] : null }
      },
      strictTransportSecurity: opts.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false
    })

    const csrfCookieOptions = {
      signed: true,
      httpOnly: true,
      sameSite: 'strict' as const,
      path: '/',
      secure: opts.secureCookies
    }
    // Only this key derives session-bound secrets; it is separate from the cookie-signing use of the secret.
    const derivationKey = createHmac('sha256', opts.sessionSecret).update('reach csrf secret').digest()
    const sessionCsrfSecret = (sessionToken: string) =>
      createHmac('sha256', derivationKey).update(sessionToken).digest('base64url')

    const csrfSecretStore = (request: FastifyRequest, reply: FastifyReply): CsrfSecretStore => {
      let browserSecret: string | undefined
      let read = false
      return {
        get csrfSecret() {
          if (request.sessionToken) return sessionCsrfSecret(request.sessionToken)
          if (!read) {
            read = true
            const raw = request.cookies?.[csrfCookie]
            const unsigned = raw ? request.unsignCookie(raw) : null
            browserSecret = unsigned?.valid && unsigned.value ? unsigned.value : undefined
          }
          return browserSecret
        },
        set csrfSecret(secret) {
          // a signed-in secret is derived, never stored
          if (request.sessionToken || !secret) return
          browserSecret = secret
          read = true
          reply.setCookie(csrfCookie, secret, csrfCookieOptions)
        }
      }
    }
    app.decorateRequest('session', null)

    await app.register(csrf, {
      sessionPlugin: '@fastify/session',
      sessionKey: 'csrfSecret',
      getToken: (request) => {
        const token = (request.body as Record<string, unknown> | undefined)?._csrf
        return typeof token === 'string' ? token : undefined
      }
    })
    // counts in the database, shared by every process (ASVS 2.2.1); a failing store refuses, never waves through
    await app.register(rateLimit, {
      global: false,
      ...(opts.rateLimitStore ? { store: opts.rateLimitStore as unknown as FastifyRateLimitStoreCtor } : {})
    })

    app.addHook('onRequest', async (request, reply) => {
      request.session = csrfSecretStore(request, reply)
      if (urlHasControlCharacters(request)) return refuseControlCharacters(request, reply)
    })

    app.addHook('preValidation', async (request, reply) => {
      if (containsControlCharacters(request.body)) return refuseControlCharacters(request, reply)
    })

    // Every POST carries a CSRF token unless its route opts out (machine-to-machine JSON only). Those that
    // opt out still refuse a browser's cross-site request: an Origin header naming another site (ASVS 13.2.3).
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method !== 'POST' || !request.routeOptions.url) return done()
      if (request.routeOptions.config.csrf === false) {
        if (crossSiteOrigin(request)) {
          request.log.info({ event: 'cross_site_refused' }, 'cross-site request refused')
          void reply.code(403).type('application/fhir+json').send(crossSiteOutcome)
          return
        }
        return done()
      }
      app.csrfProtection(request, reply, done)
    })

    // Nothing a signed-in user sees, and no page behind a patient link, may be kept by a browser or proxy.
    // API answers (JSON, FHIR JSON) are attachments, so a browser never renders one as a page (ASVS 14.4.2).
    app.addHook('onSend', async (request, reply, payload) => {
      if (isAssetPath(request.url)) return payload
      if (
        !reply.hasHeader('content-disposition') &&
        /^application\/(fhir\+)?json/.test(String(reply.getHeader('content-type') ?? ''))
      )
        reply.header('content-disposition', 'attachment; filename="api.json"')
      if (request.user || isPatientLinkPath(request.url)) reply.header('cache-control', 'no-store')
      return payload
    })
  },
  { name: 'security' }
)
