/**
 * A cookie-keeping client over `app.inject`, for tests that sign in and post forms
 * (it picks up the CSRF token from the last page, as a browser would submit it).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { fixturePassword } from './fixture.js'

export class InjectSession {
  private cookies = new Map<string, string>()
  lastHtml = ''

  constructor(private readonly app: FastifyInstance) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0 || c.value === ''
      if (expired) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = res.body
    return res
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } }))
  }

  csrfToken(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? ''
  }

  /** Posts a form; the CSRF token from the last page is added unless `_csrf` is given. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { csrf?: string | null } = {}
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    const token = options.csrf === undefined ? this.csrfToken() : options.csrf
    if (token !== null) body.append('_csrf', token)
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }
      })
    )
  }

  async signIn(email: string, password = fixturePassword): Promise<LightMyRequestResponse> {
    await this.get('/sign-in')
    return this.post('/sign-in', { email, password })
  }
}

export async function signedIn(
  app: FastifyInstance,
  email: string,
  password = fixturePassword
): Promise<InjectSession> {
  const session = new InjectSession(app)
  const res = await session.signIn(email, password)
  if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`)
  return session
}
