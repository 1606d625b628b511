/**
 * Errors as NHS-style pages: 4xx pages say what went wrong; 5xx pages never show the error,
 * its message or a stack trace. Framework errors raised before routing (a malformed web address,
 * a path segment too long) get the same pages through `frameworkErrorHandler`.
 *
 * Logs carry a whitelisted shape only (`loggableError`): a database error has the failed query's
 * parameters attached (on PGlite) or quoted in its message and detail, so the error object itself
 * is never logged.
 *
 * The one not-found path: a use case or route throws `NotFoundError` (or a params schema fails),
 * and this handler renders the NHS 404 page.
 */
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { OperationOutcome } from '@medplum/fhirtypes'
import { ConflictError, ForbiddenError, NotFoundError } from '../../app/errors.js'
import { setFallbackSecurityHeaders } from './security.js'
import { createViewEnvironment } from './views.js'

/** A schema identifier (table, constraint) is safe to log; anything else is not. */
const identifier = /^[a-z_][a-z0-9_]{0,62}$/i

/**
 * An error message with anything that may be data taken out: quoted text, bracketed values,
 * email addresses and numbers (NHS numbers, dates), and only its first line, at most 120 characters.
 */
export function safeErrorMessage(message: unknown): string {
  const firstLine = String(message ?? '').split(/\r?\n/, 1)[0] ?? ''
  return firstLine
    .replace(/"[^"]*"?|'[^']*'?|`[^`]*`?/g, '…')
    .replace(/\([^)]*\)?|\[[^\]]*\]?|\{[^}]*\}?/g, '(…)')
    .replace(/\S+@\S+/g, '…')
    .replace(/\d{2,}/g, '#')
    .replace(/[^\x20-\x7e…]/g, '')
    .slice(0, 120)
}

export interface LoggableError {
  name: string
  code: string | undefined
  statusCode: number | undefined
  message: string
  route: string | undefined
  table?: string
  constraint?: string
}

/** The only fields of an error that reach the log: never its parameters, detail, query or stack. */
export function loggableError(error: unknown, route: string | undefined): LoggableError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const shape: LoggableError = {
    name: typeof e.name === 'string' && identifier.test(e.name) ? e.name : 'Error',
    code: typeof e.code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(e.code) ? e.code : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    message: safeErrorMessage(e.message),
    route
  }
  if (typeof e.table === 'string' && identifier.test(e.table)) shape.table = e.table
  if (typeof e.constraint === 'string' && identifier.test(e.constraint)) shape.constraint = e.constraint
  return shape
}

let frameworkViews: ReturnType<typeof createViewEnvironment> | null = null

/**
 * Fastify's `frameworkErrors`: errors found before routing, when no hook has run and the reply has
 * none of the app's decorators (so no `reply.render`). A malformed web address gets the 400 page,
 * a path segment longer than `maxParamLength` the 414 page, as a signed-out visitor sees them;
 * FHIR clients get an OperationOutcome.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (error.statusCode ?? 400)
  request.log.info({ event: 'client_error', status, code: error.code }, 'client error')
  setFallbackSecurityHeaders(reply)
  reply.code(status)
  if (request.url.startsWith('/fhir/')) {
    const outcome: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: status === 414 ? 'too-long' : 'invalid', diagnostics: 'Bad web address' }]
    }
    void reply.type('application/fhir+json; charset=utf-8').send(JSON.stringify(outcome))
    return
  }
  frameworkViews ??= createViewEnvironment()
  const html = frameworkViews.render(status >= 500 ? 'errors/500.njk' : 'errors/4xx.njk', {
    status,
    isUriTooLong: status === 414,
    user: null,
    organisation: null,
    navigation: [],
    csrfToken: '',
    flash: null,
    currentPath: '/',
    assetPath: '/nhsuk/assets'
  })
  void reply.type('text/html; charset=utf-8').send(html.trimStart())
}

export const errorsPlugin = fp(
  async (app) => {
    app.setNotFoundHandler(
      {
        preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' })
      },
      (request, reply) => {
        reply.code(404).render('errors/404.njk')
      }
    )

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof NotFoundError || (error.validation && error.validationContext === 'params')) {
        request.log.info(
          { event: 'not_found', entity: error instanceof NotFoundError ? error.entity : 'params' },
          'not found'
        )
        return reply.code(404).render('errors/404.njk')
      }
      if (error instanceof ForbiddenError) {
        request.log.info({ event: 'forbidden', entity: error.entity }, 'forbidden')
        return reply.code(403).render('errors/403.njk')
      }
      if (error instanceof ConflictError) {
        request.log.info({ event: 'conflict', entity: error.entity }, 'conflict')
        return reply.code(409).render('errors/4xx.njk', { status: 409, isConflict: true })
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
      if (status >= 500)
        request.log.error(
          { event: 'request_failed', error: loggableError(error, request.routeOptions.url) },
          'request failed'
        )
      else request.log.info({ event: 'client_error', status, code: error.code }, 'client error')
      const isCsrf = typeof error.code === 'string' && error.code.startsWith('FST_CSRF')
      reply.code(isCsrf ? 403 : status)
      if (status >= 500) return reply.render('errors/500.njk')
      return reply.render('errors/4xx.njk', {
        status: isCsrf ? 403 : status,
        isCsrf,
        isTooLarge: status === 413,
        isRateLimited: status === 429,
        isUriTooLong: status === 414
      })
    })
  },
  { name: 'errors', dependencies: ['views'] }
)
