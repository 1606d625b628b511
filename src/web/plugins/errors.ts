/**
 * Errors as NHS-style pages: 4xx pages say what went wrong; 5xx pages never show the error,
 * its message or a stack trace. Everything is logged (without patient identifiers).
 *
 * The one not-found path: a use case or route throws `NotFoundError` (or a params schema fails),
 * and this handler renders the NHS 404 page.
 */
import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import { ConflictError, NotFoundError } from '../../app/errors.js'

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
      if (error instanceof ConflictError) {
        request.log.info({ event: 'conflict', entity: error.entity }, 'conflict')
        return reply.code(409).render('errors/4xx.njk', { status: 409, isConflict: true })
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
      if (status >= 500) request.log.error({ err: error }, 'request failed')
      else request.log.info({ event: 'client_error', status, code: error.code }, 'client error')
      const isCsrf = typeof error.code === 'string' && error.code.startsWith('FST_CSRF')
      reply.code(isCsrf ? 403 : status)
      if (status >= 500) return reply.render('errors/500.njk')
      return reply.render('errors/4xx.njk', {
        status: isCsrf ? 403 : status,
        isCsrf,
        isTooLarge: status === 413,
        isRateLimited: status === 429
      })
    })
  },
  { name: 'errors', dependencies: ['views'] }
)
