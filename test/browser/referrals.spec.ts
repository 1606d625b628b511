// The support directory and referrals in a browser: the public directory (axe, 320 px, page weight),
// a service page, the referral page with its consent errors, follow-ups and the partner page,
// with JavaScript and without (no page.evaluate in the JavaScript-off context).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { upsertServices } from '../../src/db/repositories/directory.js'
import { parseDirectoryImport } from '../../src/domain/directory/oruk.js'
import { screeningColumns } from '../../src/db/repositories/screenings.js'
import { assessScreening } from '../../src/domain/screening/index.js'
import { fixturePassword } from '../helpers/fixture.js'
import {
  expectAccessible,
  expectNoHorizontalScroll,
  newContext,
  skipBrowser,
  startHarness,
  type Harness
} from './harness.js'
import type { Page } from 'playwright-core'

const svc = (id: string, name: string, barriers: string[], offers: string[]) => ({
  id,
  name,
  description: `${name} helps people get online.`,
  status: 'active',
  organization: { name: `${name} charity` },
  service_areas: [{ name: 'London Borough of Hackney' }],
  attributes: [
    ...barriers.map((b) => ({ taxonomy_term: { name: b, taxonomy: 'reach-digital-inclusion-barrier' } })),
    ...offers.map((o) => ({ taxonomy_term: { name: o, taxonomy: 'reach-digital-inclusion-offer-type' } }))
  ],
  eligibilitys: [{ eligibility: 'Hackney residents' }],
  x_reach: { verified: true, last_verified_on: '2026-06-01' }
})

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(fixturePassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState()
}

describe('support directory and referrals', { skip: skipBrowser }, () => {
  let harness: Harness
  let patientId: string
  before(async () => {
    harness = await startHarness()
    const { db } = harness.built.database
    await upsertServices(
      db,
      parseDirectoryImport([
        svc('device-bank', 'Device Bank', ['access'], ['device']),
        svc('skills-club', 'Skills Club', ['skills'], ['skills training'])
      ]).services
    )
    patientId = harness.built.fixture.orgA.patients[0]!.id
    const cols = screeningColumns(
      {
        patientId,
        mode: 'clinician',
        language: 'en',
        answers: {},
        screenedAt: new Date('2026-10-01T10:00:00Z'),
        enteredBy: null,
        teamId: null
      },
      assessScreening({})
    )
    await db
      .insertInto('screening')
      .values({
        org_id: harness.built.fixture.orgA.id,
        ...cols,
        status: 'complete',
        access_level: 'high',
        has_high_barrier: true
      })
      .execute()
  })
  after(() => harness?.close())

  test('public directory with JavaScript: accessible, no sideways scroll at 320 px, under 60 KB', async () => {
    const context = await newContext(harness, { width: 320, height: 640 })
    const page = await context.newPage()
    let bytes = 0
    page.on('response', async (res) => {
      try {
        bytes += (await res.body()).length
      } catch {
        /* redirects have no body */
      }
    })
    await page.goto('/services')
    await page.waitForLoadState('networkidle')
    assert.ok(bytes > 0 && bytes < 60 * 1024, `page weight ${bytes} bytes`)
    await expectAccessible(page, 'public directory')
    await expectNoHorizontalScroll(page, 'public directory')
    mkdirSync('/tmp/shots', { recursive: true })
    await page.screenshot({ path: '/tmp/shots/directory.png', fullPage: true })
    await page.getByLabel('What makes it hard?').selectOption('skills')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForLoadState()
    assert.equal(await page.getByRole('link', { name: 'Skills Club' }).count(), 1)
    assert.equal(await page.getByRole('link', { name: 'Device Bank' }).count(), 0)
    await page.getByRole('link', { name: 'Skills Club' }).click()
    await page.waitForLoadState()
    await expectAccessible(page, 'service page')
    await context.close()
  })

  test('public directory without JavaScript: the search form works', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 320 })
    const page = await context.newPage()
    await page.goto('/services')
    await page.getByLabel('Type of help').selectOption('device')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForLoadState()
    assert.equal(await page.getByRole('link', { name: 'Device Bank' }).count(), 1)
    assert.equal(await page.getByRole('link', { name: 'Skills Club' }).count(), 0)
    await context.close()
  })

  test('referral without JavaScript: consent refused, then made; partner updates it', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 320 })
    const page = await context.newPage()
    await signIn(page, harness.built.fixture.emailA('clinician'))
    await page.goto(`/patients/${patientId}/referrals`)
    await page.getByLabel('Device Bank').check()
    await page.locator('#consent-2').check()
    await page.getByRole('button', { name: 'Make referral' }).click()
    await page.waitForLoadState()
    assert.equal(
      await page.locator('.nhsuk-error-summary', { hasText: 'You cannot refer without the patient' }).count(),
      1
    )
    await page.locator('#consent').check()
    await page.getByLabel(/Contact details/).check()
    await page.getByLabel('Letter to print').check()
    await page.getByRole('button', { name: 'Make referral' }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('h1', { hasText: 'Referral to Device Bank' }).count(), 1)
    const letter = await page.locator('pre.reach-letter').textContent()
    const path = /\/partner\/[A-Za-z0-9_-]+/.exec(letter ?? '')![0]
    await context.close()

    const partner = await newContext(harness, { javaScriptEnabled: false, width: 320 })
    const partnerPage = await partner.newPage()
    await partnerPage.goto(path)
    await partnerPage.getByLabel('Accepted').check()
    await partnerPage.getByRole('button', { name: 'Save' }).click()
    await partnerPage.waitForLoadState()
    assert.equal(await partnerPage.locator('[role=status]', { hasText: 'Accepted' }).count(), 1)
    await partner.close()

    // axe over the same pages, with JavaScript on
    const js = await newContext(harness)
    const jsPage = await js.newPage()
    await jsPage.goto(path)
    await expectAccessible(jsPage, 'partner page')
    await signIn(jsPage, harness.built.fixture.emailA('clinician'))
    await jsPage.goto(`/patients/${patientId}/referrals`)
    await jsPage.getByRole('button', { name: 'Make referral' }).click()
    await jsPage.waitForLoadState()
    await expectAccessible(jsPage, 'referral page with errors')
    await jsPage.goto('/referrals')
    await expectAccessible(jsPage, 'follow-ups')
    await jsPage.goto('/directory')
    await expectAccessible(jsPage, 'staff directory')
    await js.close()
  })
})
