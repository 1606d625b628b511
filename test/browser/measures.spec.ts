// Measures as a QI lead and a board member would use them: the Making Data Count dashboard
// (screenshot for review), a chart page, and the forms with their error summaries, all
// checked with axe; the dashboard without JavaScript at 320 px.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { fixturePassword } from '../helpers/fixture.js'
import { seedDemoMeasures } from '../../src/db/seed/demo-measures.js'
import {
  expectAccessible,
  expectNoHorizontalScroll,
  newContext,
  skipBrowser,
  startHarness,
  type Harness
} from './harness.js'
import { SignInPage } from './pages/sign-in-page.js'

/** Two years of new patients and screenings for organisation A, so the derived measures have history. */
async function fillScreeningHistory(harness: Harness): Promise<void> {
  const db = harness.built.database.db
  const orgId = harness.built.fixture.orgA.id
  await sql`
    insert into patient (org_id, nhs_number, given_name, family_name, date_of_birth, sex, interpreter_needed, is_synthetic, created_at, updated_at)
    select ${orgId}::uuid, '98' || lpad(g::text, 8, '0'), 'Demo', 'Patient', date '1960-01-01', '2', false, true,
      date_trunc('month', now()) - make_interval(months => 24 - (g % 24)) + make_interval(days => g % 27), now()
    from generate_series(1, 960) g`.execute(db)
  await sql`
    insert into screening (org_id, patient_id, questionnaire_url, questionnaire_version, mode, status, answers, assessment, readiness,
      access_level, skills_level, motivation_level, trust_level, accessibility_level, language_level, support_level,
      has_high_barrier, has_plan, is_initial_assessment, screened_at)
    select p.org_id, p.id, 'https://example.org/q', '1', 'clinician', 'complete', '{}', '{}', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
      (hashtext(p.id::text) % 10) < 3, (hashtext(p.id::text) % 7) <> 0, true, p.created_at + interval '1 hour'
    from patient p
    where p.org_id = ${orgId}::uuid and p.nhs_number like '98%'
      and abs(hashtext(p.id::text)) % 100 < 55 + 30 * (extract(epoch from p.created_at - (now() - interval '24 months')) / extract(epoch from interval '24 months'))`.execute(
    db
  )
}

describe('measures', { skip: skipBrowser }, () => {
  let harness: Harness
  before(async () => {
    harness = await startHarness()
    await fillScreeningHistory(harness)
    const orgA = harness.built.fixture.orgA
    let state = 42
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
    await harness.built.database.db.transaction().execute((trx) =>
      seedDemoMeasures({
        trx,
        random,
        sharedDataDir: '/tmp',
        today: new Date().toISOString().slice(0, 10),
        log: () => {},
        organisations: [{ id: orgA.id, code: orgA.code, kind: 'trust', teamIds: [], staff: [], patients: [] }]
      })
    )
  })
  after(() => harness?.close())

  test('dashboard, chart and forms are accessible; the dashboard reads like a board report', async () => {
    const context = await newContext(harness, { width: 1280, height: 900 })
    const page = await context.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('qi_lead'), fixturePassword)
    // the project dashboard: the Making Data Count summary table
    await page.goto('/measures')
    await page.getByLabel('Project').selectOption({ label: 'Digital inclusion at first assessment' })
    await page.getByRole('button', { name: 'Show measures' }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('h1').textContent(), 'Digital inclusion at first assessment')
    assert.ok((await page.locator('.mdc-summary tbody tr').count()) >= 9)
    await expectAccessible(page, 'measures dashboard')
    await page.screenshot({ path: '/tmp/shots/measures-dashboard.png', fullPage: true })
    // a chart page: SVG chart, icons, summary, data table
    await page.getByRole('link', { name: 'Patients who felt supported to use digital services' }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('svg.spc-chart').count(), 1)
    assert.match(
      await page.locator('.mdc-summary-text').innerText(),
      /^Special cause improvement: \d+ points above the mean since /
    )
    await expectAccessible(page, 'measure chart')
    await page.screenshot({ path: '/tmp/shots/measures-chart.png', fullPage: true })
    // the add measure form with mistakes
    await page.goto('/measures/new')
    await page.getByRole('button', { name: 'Add measure' }).click()
    await page.waitForLoadState()
    assert.match(await page.title(), /^Error: /)
    await expectAccessible(page, 'add measure form with errors')
    await page.locator('.nhsuk-error-summary a[href="#name"]').click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name')
    // values with a line-numbered error report
    await page.goto('/measures')
    await page.getByRole('link', { name: 'Clinics asking the digital inclusion question' }).click()
    await page.getByRole('link', { name: /Add values/ }).click()
    await page.getByLabel('Values, one per line').fill('2026-01-01,80\n2026-02-30,81\nnot a line')
    await page.getByRole('button', { name: 'Save values' }).click()
    await page.waitForLoadState()
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Line 2: .*Line 3: /s)
    await expectAccessible(page, 'values form with errors')
    // the annotation form with mistakes
    await page.goBack()
    await page.goto(page.url().replace(/\/values$/, '/annotations/new'))
    await page.getByRole('button', { name: 'Add annotation' }).click()
    await page.waitForLoadState()
    await expectAccessible(page, 'annotation form with errors')
    await page.goto('/projects/new')
    await page.locator('#name').fill('')
    await page.getByRole('button', { name: 'Add project' }).click()
    await page.waitForLoadState()
    await expectAccessible(page, 'project form with errors')
    await page.goto('/measures/system')
    await expectAccessible(page, 'system view')
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto('/measures')
    await expectNoHorizontalScroll(page, 'measures dashboard at 320 px')
    await context.close()
  })

  test('without JavaScript at 320 px, a board member can read the dashboard and open a chart', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 320, height: 640 })
    const page = await context.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('board'), fixturePassword)
    await page.goto('/measures')
    assert.ok((await page.locator('.mdc-summary tbody tr').count()) >= 9)
    assert.equal(await page.getByRole('link', { name: 'Add a measure' }).count(), 0)
    await page.getByRole('link', { name: 'First appointments not attended' }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('svg.spc-chart').count(), 1)
    assert.equal(await page.locator('table caption', { hasText: 'Data' }).count(), 1)
    await context.close()
  })
})
