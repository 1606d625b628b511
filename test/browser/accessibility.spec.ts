// axe-core (WCAG 2.2 AA) on every page of every role, plus error states and public pages.
import { describe, test, before, after } from 'node:test'
import { roles, can, type Permission } from '../../src/domain/staff/roles.js'
import { fixturePassword } from '../helpers/fixture.js'
import {
  expectAccessible,
  expectNoHorizontalScroll,
  newContext,
  skipBrowser,
  startHarness,
  type Harness
} from './harness.js'
import { SignInPage } from './pages/sign-in-page.js'
import { fillRouteParams } from '../helpers/route-params.js'

describe('accessibility of every page', { skip: skipBrowser }, () => {
  let harness: Harness
  before(async () => {
    harness = await startHarness({ records: true })
  })
  after(() => harness?.close())

  test('public pages, the 404 page and the sign-in error state', async () => {
    const context = await newContext(harness)
    const page = await context.newPage()
    for (const path of ['/', '/sign-in', '/about', '/accessibility', '/privacy', '/no-such-page']) {
      await page.goto(path)
      await expectAccessible(page, path)
    }
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForLoadState()
    await expectAccessible(page, 'sign-in with errors')
    await context.close()
  })

  /** Every HTML page a role can open, with real ids in its route parameters. */
  const pagesFor = (role: (typeof roles)[number]) =>
    harness.built.app.reachRoutes
      .filter(
        (r) =>
          r.method === 'GET' &&
          !r.url.startsWith('/nhsuk/') &&
          !r.url.startsWith('/static/') &&
          !/\.(csv|svg|png|json)$/.test(r.url) &&
          r.url !== '/healthz' &&
          r.url !== '/'
      )
      .filter((r) => r.access === 'public' || r.access === 'signed-in' || can(role, r.access as Permission))
      .map((r) => fillRouteParams(r.url, harness.built.records))

  // axe runs in the page, so it needs JavaScript: at 320 px each page is checked by axe with JavaScript, and
  // for page-wide horizontal scrolling both with and without it (without, more of some pages shows).
  test('every page an admin can open, at 320 px (400% zoom): axe, and no page-wide horizontal scrolling with or without JavaScript', async () => {
    const withJs = await newContext(harness, { width: 320, height: 640 })
    const withoutJs = await newContext(harness, { width: 320, height: 640, javaScriptEnabled: false })
    const pages = [await withJs.newPage(), await withoutJs.newPage()] as const
    for (const page of pages)
      await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('admin'), fixturePassword)
    for (const path of pagesFor('admin')) {
      for (const [i, page] of pages.entries()) {
        const response = await page.goto(path).catch((error: Error) => {
          if (/Download is starting/.test(error.message)) return null
          throw error
        })
        if (!response || !String(response.headers()['content-type'] ?? '').startsWith('text/html')) continue
        await expectNoHorizontalScroll(page, `320px ${i === 0 ? 'with' : 'without'} JavaScript ${path}`)
        if (i === 0) await expectAccessible(page, `320px ${path}`)
      }
    }
    await withJs.close()
    await withoutJs.close()
  })

  for (const role of roles) {
    test(`every page a ${role} can open`, async () => {
      const context = await newContext(harness)
      const page = await context.newPage()
      const signIn = await SignInPage.open(page)
      await signIn.signIn(harness.built.fixture.emailA(role), fixturePassword)
      const pages = harness.built.app.reachRoutes
        .filter(
          (r) =>
            r.method === 'GET' &&
            !r.url.startsWith('/nhsuk/') &&
            !r.url.startsWith('/static/') &&
            !/\.(csv|svg|png|json)$/.test(r.url) &&
            r.url !== '/healthz' &&
            r.url !== '/'
        )
        .filter((r) => r.access === 'public' || r.access === 'signed-in' || can(role, r.access as Permission))
        .map((r) => fillRouteParams(r.url, harness.built.records))
      for (const path of pages) {
        const response = await page.goto(path).catch((error: Error) => {
          if (/Download is starting/.test(error.message)) return null
          throw error
        })
        // downloads and machine endpoints (CSV, SVG, PNG, FHIR JSON) are not pages
        if (!response || !String(response.headers()['content-type'] ?? '').startsWith('text/html')) continue
        await expectAccessible(page, `${role} ${path}`)
      }
      await context.close()
    })
  }

  test('forms with every error showing', async () => {
    const context = await newContext(harness)
    const page = await context.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('admin'), fixturePassword)
    for (const [path, button] of [
      ['/patients/new', 'Add patient'],
      ['/admin/staff/new', 'Add account'],
      ['/patients', 'Search by NHS number'],
      [fillRouteParams('/projects/:projectId/members', harness.built.records), 'Add member']
    ] as const) {
      await page.goto(path)
      await page.getByRole('button', { name: button }).click()
      await page.waitForLoadState()
      await expectAccessible(page, `${path} with errors`)
    }
    await page.goto('/audit?from=yesterday')
    await expectAccessible(page, '/audit with errors')
    await context.close()
  })

  test('at 320 px wide (400% zoom) no page needs horizontal scrolling', async () => {
    const context = await newContext(harness, { width: 320, height: 640 })
    const page = await context.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('admin'), fixturePassword)
    const patientId = harness.built.fixture.orgA.patients[0]!.id
    for (const path of [
      '/home',
      '/patients',
      `/patients/${patientId}`,
      `/patients/${patientId}/edit`,
      '/patients/new',
      '/audit',
      '/admin/staff',
      '/admin/staff/new'
    ]) {
      await page.goto(path)
      await expectNoHorizontalScroll(page, path)
      await expectAccessible(page, `320px ${path}`)
    }
    await context.close()
  })
})
