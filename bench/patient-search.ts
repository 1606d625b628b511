/**
 * The patient search page served by Reach (session, CSRF, role check, org-scoped query, audit row,
 * Nunjucks render) against a bare Fastify route returning the same HTML, in the same run.
 */
import type { EventEmitter } from 'node:events'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { build } from '../test/helpers/build.js'
import { InjectSession, signedIn } from '../test/helpers/browser-session.js'
import { printTable } from './report.js'

const duration = Number(process.env.BENCH_SECONDS ?? 5)

interface LoadResult {
  rps: number
  p95: number
  non2xx: number
}

/** Runs autocannon and keeps every response time, so the 95th percentile is exact. */
async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<LoadResult> {
  const times: number[] = []
  // without a callback autocannon returns a promise that is also its event emitter
  const instance = autocannon({ url, connections: 10, duration, ...options }) as unknown as Promise<autocannon.Result> &
    EventEmitter
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime)
  })
  const result = await instance
  times.sort((a, b) => a - b)
  return {
    rps: result.requests.average,
    p95: times[Math.floor(times.length * 0.95)] ?? Number.NaN,
    non2xx: result.non2xx
  }
}

export async function benchPatientSearch(): Promise<void> {
  const built = await build('pglite')
  const session: InjectSession = await signedIn(built.app, built.fixture.emailA('clinician'))
  const page = await session.get('/patients')
  const cookie = session.cookieHeader()
  const address = await built.app.listen({ host: '127.0.0.1', port: 0 })

  const p = built.fixture.orgA.patients[1]!
  const [year, month, day] = p.dateOfBirth.split('-')
  const form = new URLSearchParams({
    _csrf: session.csrfToken(),
    searchBy: 'name-dob',
    familyName: p.familyName,
    givenName: '',
    'dateOfBirth[day]': String(Number(day)),
    'dateOfBirth[month]': String(Number(month)),
    'dateOfBirth[year]': year!
  }).toString()
  const searchHtml = (await session.post('/patients/search', Object.fromEntries(new URLSearchParams(form)))).body

  const bare = Fastify()
  bare.get('/patients', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page.body))
  bare.post('/patients/search', async (_req, reply) => reply.type('text/html; charset=utf-8').send(searchHtml))
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 })

  const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' }
  const rows: (string | number)[][] = []
  for (const [label, path, method] of [
    ['GET /patients (search page)', '/patients', 'GET'],
    ['POST /patients/search (name + date of birth)', '/patients/search', 'POST']
  ] as const) {
    const options = method === 'POST' ? { method, headers, body: form } : { headers: { cookie } }
    const reach = await load(`${address}${path}`, options)
    const baseline = await load(`${bareAddress}${path}`, options)
    if (reach.non2xx > 0) throw new Error(`${label}: ${reach.non2xx} non-2xx responses`)
    rows.push([
      label,
      reach.rps,
      baseline.rps,
      reach.rps / baseline.rps,
      reach.p95,
      baseline.p95,
      reach.p95 / baseline.p95
    ])
  }
  console.log(`PGlite, ${duration}s per run, 10 connections. Bare = a Fastify route returning the same HTML.`)
  printTable(['page', 'Reach req/s', 'bare req/s', 'req/s ratio', 'Reach p95 ms', 'bare p95 ms', 'p95 ratio'], rows)
  await bare.close()
  await built.close()
}
