/**
 * The Reach web application as a Fastify instance. `server.ts` adds only listening and shutdown.
 * Order: security (cookies, headers, CSRF), database, auth, views, errors, then routes.
 */
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import compress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import { constants as zlibConstants } from 'node:zlib'
import { secureCookies, type Config } from '../config.js'
import type { ReachDatabase } from '../db/connect.js'
import { databaseRateLimitStore } from './rate-limit-store.js'
import { securityPlugin } from './plugins/security.js'
import { databasePlugin } from './plugins/database.js'
import { authPlugin } from './plugins/auth.js'
import { viewsPlugin, nhsukDist } from './plugins/views.js'
import { errorsPlugin, frameworkErrorHandler } from './plugins/errors.js'
import { areas, navigationEntries } from './areas.js'
import type { DemoSignIn } from './routes/public/index.js'
import { fileURLToPath } from 'node:url'

export interface BuildOptions {
  config: Config
  database: ReachDatabase
  /** The demonstration accounts for the sign-in page; given by the CLI outside production only. */
  demoSignIn?: DemoSignIn
  /** pino options, or false for no logs (tests). */
  logger?: boolean | Record<string, unknown>
}

/** Self-completion and partner links carry their token in the path: logs show the route, not the token. */
export function redactUrl(url: string): string {
  return url.replace(/^\/(s|partner)\/[^/?#]+/, '/$1/[token]')
}

/** Paths pino must never print: cookies, credentials and form bodies. */
export const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  '*.password',
  '*.nhsNumber',
  '*.nhs_number'
]

export interface RouteSummary {
  method: string
  url: string
  access: string | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, for the route-permission tests. */
    reachRoutes: RouteSummary[]
  }
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options
  const cookiesSecure = secureCookies(config)
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: { paths: logRedactPaths, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.ip
        })
      }
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    // A malformed web address (`/s/%FF`) or a path segment longer than 100 characters gets an NHS page, not JSON.
    routerOptions: { maxParamLength: 100 },
    frameworkErrors: frameworkErrorHandler
  })

  // Route schemas are zod (fastify-type-provider-zod); routes use app.withTypeProvider<ZodTypeProvider>().
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const routes: RouteSummary[] = []
  app.decorate('reachRoutes', routes)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods)
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access })
  })

  await app.register(securityPlugin, {
    sessionSecret: config.sessionSecret,
    secureCookies: cookiesSecure,
    rateLimitStore: databaseRateLimitStore(database.db)
  })
  await app.register(databasePlugin, { database })
  await app.register(authPlugin, {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    reauthMinutes: config.reauthMinutes,
    secureCookies: cookiesSecure
  })
  await app.register(viewsPlugin, { watch: config.watchTemplates, navigation: navigationEntries() })
  await app.register(errorsPlugin)

  // brotli (or gzip) for pages and static files over 1 KB: the NHS stylesheet goes from 278 KB to about 30 KB.
  // Quality 5 keeps a page's compression to a fraction of a millisecond (11, the default, costs tens).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }
  })
  await app.register(fastifyStatic, {
    root: join(nhsukDist, 'nhsuk'),
    prefix: '/nhsuk/',
    maxAge: config.env === 'production' ? '7d' : 0,
    index: false,
    allowedPath: (path) => !path.endsWith('.njk') && !path.endsWith('.scss')
  })
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./static', import.meta.url)),
    prefix: '/static/',
    decorateReply: false,
    index: false
  })

  // Every area's routes, from the one registry (web/areas.ts).
  for (const area of areas) await area.register(app, { config, demoSignIn: options.demoSignIn })
  return app
}
