// Role checks on every route: each route declares its access, and each role gets exactly what
// the permission table (src/domain/staff/roles.ts) allows.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { fillRouteParams } from '../helpers/route-params.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn } from '../helpers/browser-session.js'
import { can, permissions, roles, isRole, type Permission } from '../../src/domain/staff/roles.js'

const [kind] = await testDialects()

describe(`role checks (${kind})`, () => {
  let built: Built
  before(async () => {
    built = await build(kind!, {}, undefined, { records: true })
  })
  after(() => built.close())

  const appRoutes = () =>
    built.app.reachRoutes.filter((r) => !r.url.startsWith('/nhsuk/') && !r.url.startsWith('/static/'))

  test('every route declares who may use it', () => {
    const routes = appRoutes()
    assert.ok(routes.length >= 15)
    for (const r of routes) {
      assert.ok(
        r.access === 'public' ||
          r.access === 'signed-in' ||
          (permissions as readonly string[]).includes(String(r.access)),
        `${r.method} ${r.url} has access ${r.access}`
      )
    }
  })

  test('signed out: every non-public route redirects to sign-in', async () => {
    for (const r of appRoutes().filter((r) => r.access !== 'public')) {
      const url = fillRouteParams(r.url, built.records)
      const res = await built.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.method === 'POST' ? { payload: {} } : {})
      })
      assert.ok(res.statusCode === 303 || res.statusCode === 403, `${r.method} ${url}: ${res.statusCode}`)
      if (r.method === 'GET') assert.match(String(res.headers.location), /^\/sign-in/)
    }
  })

  for (const role of roles) {
    test(`${role}: GET pages allowed exactly by the permission table`, async () => {
      assert.ok(isRole(role))
      const session = await signedIn(built.app, built.fixture.emailA(role))
      for (const r of appRoutes().filter((r) => r.method === 'GET' && r.access !== 'public' && r.url !== '/sign-out')) {
        const url = fillRouteParams(r.url, built.records)
        const res = await session.get(url)
        const allowed = r.access === 'signed-in' || can(role, r.access as Permission)
        // allowed: the real page for a real record (every parameter is filled from test/helpers/records.ts)
        if (allowed) assert.ok(res.statusCode < 400, `${role} GET ${url}: ${res.statusCode}`)
        else assert.equal(res.statusCode, 403, `${role} GET ${url}`)
        if (!allowed) assert.match(res.body, /You do not have access to this page/)
      }
    })

    test(`${role}: POSTs refused without the permission`, async () => {
      const session = await signedIn(built.app, built.fixture.emailA(role))
      await session.get('/home')
      for (const r of appRoutes().filter(
        (r) => r.method === 'POST' && r.access !== 'public' && r.access !== 'signed-in'
      )) {
        if (can(role, r.access as Permission)) continue
        const url = fillRouteParams(r.url, built.records)
        const res = await session.post(url, { givenName: 'Changed' })
        assert.equal(res.statusCode, 403, `${role} POST ${url}`)
      }
      const p = await built.database.db
        .selectFrom('patient')
        .select('given_name')
        .where('id', '=', built.fixture.orgA.patients[0]!.id)
        .executeTakeFirstOrThrow()
      assert.equal(p.given_name, 'Ada')
    })
  }

  test('navigation shows only what the role may use', async () => {
    const board = await signedIn(built.app, built.fixture.emailA('board'))
    const home = await board.get('/home')
    assert.doesNotMatch(home.body, /href="\/patients"/)
    assert.doesNotMatch(home.body, /href="\/audit"/)
    const admin = await signedIn(built.app, built.fixture.emailA('admin'))
    const adminHome = await admin.get('/home')
    assert.match(adminHome.body, /href="\/audit"/)
    assert.match(adminHome.body, /href="\/admin\/staff"/)
  })
})
