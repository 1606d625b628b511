// The QI workspace end to end without JavaScript, as a QI lead would use it: create a project from the
// Digital inclusion template, plan a PDSA cycle under one of its change ideas (linked to the measure of its
// driver), run it to study, and see it on that measure's chart with a link back; then adapt it and plan the
// next cycle of the ramp. axe on every PDSA page at 320 px and 1280 px, the error states included;
// screenshots of the worksheet and of the chart with its PDSA annotations for review.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { fixturePassword } from '../helpers/fixture.js'
import {
  axeViolations,
  expectNoHorizontalScroll,
  newContext,
  skipBrowser,
  startHarness,
  type Harness
} from './harness.js'
import { SignInPage } from './pages/sign-in-page.js'

/** Two years of new patients, most screened at their initial assessment, more so lately. */
async function fillScreeningHistory(harness: Harness): Promise<void> {
  const db = harness.built.database.db
  const orgId = harness.built.fixture.orgA.id
  await sql`
    insert into patient (org_id, nhs_number, given_name, family_name, date_of_birth, sex, interpreter_needed, is_synthetic, created_at, updated_at)
    select ${orgId}::uuid, '97' || lpad(g::text, 8, '0'), 'Demo', 'Patient', date '1960-01-01', '2', false, true,
      date_trunc('month', now()) - make_interval(months => 24 - (g % 24)) + make_interval(days => g % 27), now()
    from generate_series(1, 960) g`.execute(db)
  await sql`
    insert into screening (org_id, patient_id, questionnaire_url, questionnaire_version, mode, status, answers, assessment, readiness,
      access_level, skills_level, motivation_level, trust_level, accessibility_level, language_level, support_level,
      has_high_barrier, has_plan, is_initial_assessment, screened_at)
    select p.org_id, p.id, 'https://example.org/q', '1', 'clinician', 'complete', '{}', '{}', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
      (hashtext(p.id::text) % 10) < 3, true, true, p.created_at + interval '1 hour'
    from patient p
    where p.org_id = ${orgId}::uuid and p.nhs_number like '97%'
      and abs(hashtext(p.id::text)) % 100 < case when p.created_at < now() - interval '9 months' then 45 else 70 end`.execute(
    db
  )
}

/** The first day of the month `months` before this one, as the three boxes of a date input. */
function monthsAgo(months: number) {
  const now = new Date()
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1))
  return { day: '1', month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) }
}

async function fillDate(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole('group', { name: legend, exact: true })
  await group.getByLabel('Day', { exact: true }).fill(date.day)
  await group.getByLabel('Month', { exact: true }).fill(date.month)
  await group.getByLabel('Year', { exact: true }).fill(date.year)
}

async function submit(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click()
  await page.waitForLoadState()
}

/**
 * axe on a page opened without JavaScript. axe cannot run there (its timers never fire while scripts are off;
 * expectAccessible refuses such a context), so the page's HTML as the browser has it, without its script
 * tags, is checked in a page with JavaScript at the same width, on a page of the app so that the same
 * stylesheets and security headers apply.
 */
async function axeOnThisHtml(page: Page, checker: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  const viewport = page.viewportSize()
  if (viewport) await checker.setViewportSize(viewport)
  await checker.goto('/sign-in')
  await checker.setContent(html, { waitUntil: 'load' })
  assert.deepEqual(await axeViolations(checker), [], `${label} (${page.url()}) has accessibility violations`)
}

/** axe at 1280 px and at 320 px (with no sideways scrolling), back at 1280 px after. */
async function accessibleAtBothWidths(page: Page, checker: Page, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await axeOnThisHtml(page, checker, `${label} at 1280 px`)
  await page.setViewportSize({ width: 320, height: 640 })
  await expectNoHorizontalScroll(page, `${label} at 320 px`)
  await axeOnThisHtml(page, checker, `${label} at 320 px`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

const IDEA = 'Digital literacy questions in the case history and initial assessment'
const MEASURE = 'New patients screened at initial assessment'

describe('QI workspace', { skip: skipBrowser }, () => {
  let harness: Harness
  before(async () => {
    harness = await startHarness()
    await fillScreeningHistory(harness)
    mkdirSync('/tmp/shots', { recursive: true })
  })
  after(() => harness?.close())

  test('without JavaScript: create from the template, run a PDSA cycle to study, see it on the chart', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 1280, height: 900 })
    const page = await context.newPage()
    const checking = await newContext(harness)
    const checker = await checking.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('qi_lead'), fixturePassword)

    // a project from the Digital inclusion template
    await page.goto('/projects/new')
    await page.getByLabel('Project name').fill('Digital inclusion at first assessment')
    await page
      .getByLabel('What will improve?')
      .fill('Increase the share of new patients screened at initial assessment')
    await page.getByLabel('For whom?').fill('Adults seen by the community therapy teams')
    await page.getByLabel('How much?').fill('From 45% to 80%')
    await fillDate(page, 'By when?', monthsAgo(-12))
    await page.getByRole('radio', { name: 'Digital inclusion' }).check()
    await submit(page, 'Add project')
    assert.match(page.url(), /\/projects\/[0-9a-f-]{36}$/)
    const projectUrl = new URL(page.url()).pathname

    // plan a cycle under a change idea: the form with every mistake, then done properly
    await page.getByRole('link', { name: `Plan a PDSA cycle for ${IDEA}` }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('h1').textContent(), 'Plan a PDSA cycle')
    assert.ok(
      await page.getByRole('checkbox', { name: MEASURE }).isChecked(),
      'the measure of the idea’s driver is ticked'
    )
    await accessibleAtBothWidths(page, checker, 'plan form')
    await page
      .getByRole('group', { name: 'Question 1', exact: true })
      .getByLabel('Question', { exact: true })
      .fill('How long does asking take?')
    await page.getByRole('group', { name: 'Task 1', exact: true }).getByLabel('Who', { exact: true }).fill('Therapists')
    await fillDate(page, 'Start date', { day: '31', month: '2', year: '2026' })
    await submit(page, 'Save the plan')
    assert.match(await page.title(), /^Error: /)
    const summary = await page.locator('.nhsuk-error-summary').innerText()
    for (const text of [
      'Enter a title',
      'Select what this cycle is for',
      'Enter your prediction for question 1',
      'Enter what task 1 is',
      'Start date must be a real date'
    ])
      assert.match(summary, new RegExp(text))
    assert.equal(
      await page
        .getByRole('group', { name: 'Question 1', exact: true })
        .getByLabel('Question', { exact: true })
        .inputValue(),
      'How long does asking take?'
    )
    await accessibleAtBothWidths(page, checker, 'plan form with errors')

    await page.getByLabel('Title').fill('Ask the questions at the first visit')
    await page.getByRole('radio', { name: 'Test a change' }).check()
    await page
      .getByLabel('Objective')
      .fill('See whether therapists can ask the two digital questions at every first visit')
    await page
      .getByRole('group', { name: 'Question 1', exact: true })
      .getByLabel('Prediction', { exact: true })
      .fill('Under two minutes')
    const task = page.getByRole('group', { name: 'Task 1', exact: true })
    await task.getByLabel('What', { exact: true }).fill('Ask the two questions and record the answers')
    await task.getByLabel('Where', { exact: true }).fill('Home visits in the north team')
    await task.getByLabel('When', { exact: true }).fill('Four weeks')
    await page.getByLabel('The data to collect').fill('New patients asked, from Reach; minutes taken, on a tally sheet')
    await fillDate(page, 'Start date', monthsAgo(7))
    await submit(page, 'Save the plan')
    assert.equal(await page.locator('h1').textContent(), 'Ask the questions at the first visit')
    const worksheetUrl = new URL(page.url()).pathname
    assert.match(worksheetUrl, new RegExp(`^${projectUrl}/pdsa/[0-9a-f-]{36}$`))
    await accessibleAtBothWidths(page, checker, 'worksheet at plan')

    // plan → do; at do, moving on with nothing recorded lists what is missing
    await submit(page, 'Save and move to do')
    assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /moved to do/)
    await submit(page, 'Save and move to study')
    assert.match(await page.title(), /^Error: /)
    assert.match(
      await page.locator('.nhsuk-error-summary').innerText(),
      /Select whether the cycle was carried out as planned/
    )
    await accessibleAtBothWidths(page, checker, 'worksheet with errors')
    await page
      .getByRole('group', { name: 'Was the cycle carried out as planned?' })
      .getByRole('radio', { name: 'No' })
      .check()
    await page.getByLabel('What did you observe?').fill('Asked at 41 of 52 first visits; it took about a minute')
    await page
      .getByLabel('Problems and surprises (optional)')
      .fill('Two visits were by phone, where the questions felt awkward')
    await submit(page, 'Save and move to study')
    assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /moved to study/)
    await accessibleAtBothWidths(page, checker, 'worksheet at study')
    await page.screenshot({ path: '/tmp/shots/qi-pdsa-worksheet.png', fullPage: true })

    // the cycle on its measure's chart, with a link back
    await page.getByRole('link', { name: `${MEASURE} (chart)` }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('h1').textContent(), MEASURE)
    assert.equal(await page.locator('svg.spc-chart .spc-chart__annotation--pdsa').count(), 1)
    const link = page.getByRole('link', { name: 'PDSA 1: Ask the questions at the first visit (test)' })
    assert.equal(await link.getAttribute('href'), worksheetUrl)
    assert.match(await page.locator('table', { hasText: 'PDSA 1:' }).innerText(), /Now at the study stage/)
    await accessibleAtBothWidths(page, checker, 'chart with a PDSA annotation')
    await link.click()
    await page.waitForLoadState()
    assert.equal(new URL(page.url()).pathname, worksheetUrl)

    // study → act, adapt, and the next cycle of the ramp
    await page
      .getByLabel('Results, compared with your predictions')
      .fill('Quicker than predicted; the share screened rose')
    await page.getByLabel('What did you learn?').fill('Ask by phone too, with a shorter script')
    await submit(page, 'Save and move to act')
    await accessibleAtBothWidths(page, checker, 'worksheet at act')
    await page.getByRole('radio', { name: /^Adapt/ }).check()
    await page.getByLabel('The next cycle').fill('Test the shorter script on phone first visits')
    await submit(page, 'Save')
    await page.getByRole('link', { name: 'Plan the next cycle' }).click()
    await page.waitForLoadState()
    assert.match(await page.locator('main').innerText(), /It follows Ask the questions at the first visit/)
    await page.getByLabel('Title').fill('A shorter script for phone visits')
    await page.getByRole('radio', { name: 'Test a change' }).check()
    await page.getByLabel('Objective').fill('See whether the shorter script works on the phone')
    await fillDate(page, 'Start date', monthsAgo(3))
    await submit(page, 'Save the plan')
    assert.equal(await page.locator('.reach-pdsa-ramp li').count(), 2)
    await accessibleAtBothWidths(page, checker, 'second cycle of the ramp')

    await page.getByRole('link', { name: `${MEASURE} (chart)` }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('svg.spc-chart .spc-chart__annotation--pdsa').count(), 2)
    await page.screenshot({ path: '/tmp/shots/qi-chart-pdsa.png', fullPage: true })
    await page.locator('figure.mdc-chart').screenshot({ path: '/tmp/shots/qi-chart-pdsa-figure.png' })

    // a board member reads the worksheet: every stage's answers, no form
    const boardContext = await newContext(harness, { javaScriptEnabled: false, width: 1280, height: 900 })
    const boardPage = await boardContext.newPage()
    await (await SignInPage.open(boardPage)).signIn(harness.built.fixture.emailA('board'), fixturePassword)
    await boardPage.goto(worksheetUrl)
    assert.equal(await boardPage.getByRole('button', { name: 'Save' }).count(), 0)
    assert.match(await boardPage.locator('main').innerText(), /Quicker than predicted/)
    await accessibleAtBothWidths(boardPage, checker, 'worksheet read by the board')
    await boardContext.close()
    await checking.close()
    await context.close()
  })

  test('without JavaScript: the team, a programme across the system, and what another organisation sees', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 1280, height: 900 })
    const page = await context.newPage()
    const checking = await newContext(harness)
    const checker = await checking.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('qi_lead'), fixturePassword)

    await page.goto('/projects/new')
    await page.getByLabel('Project name').fill('Screening in the diabetes clinic')
    await page.getByRole('radio', { name: 'Digital inclusion' }).check()
    await submit(page, 'Add project')
    const projectUrl = new URL(page.url()).pathname

    // the team: a clinician added, the error state first
    await page.getByRole('link', { name: 'Change team members' }).click()
    await page.waitForLoadState()
    await submit(page, 'Add member')
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Select a member of staff/)
    await accessibleAtBothWidths(page, checker, 'team with an error')
    await page.getByLabel('Member of staff').selectOption({ label: 'clinician of ORG-A (Clinician)' })
    await submit(page, 'Add member')
    assert.match(await page.locator('main').innerText(), /clinician of ORG-A/)
    await accessibleAtBothWidths(page, checker, 'team')

    // a programme, the error state first
    await page.goto('/programmes/new')
    await submit(page, 'Add programme')
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Enter a programme name/)
    await accessibleAtBothWidths(page, checker, 'programme form with an error')
    await page.getByLabel('Programme name').fill('City and Hackney digital inclusion')
    await submit(page, 'Add programme')
    assert.match(page.url(), /\/programmes\/[0-9a-f-]{36}$/)
    const programmeUrl = new URL(page.url()).pathname

    // share the project with one measure
    await page.goto(`${projectUrl}/share`)
    await submit(page, 'Share project')
    await accessibleAtBothWidths(page, checker, 'sharing with an error')
    await page.getByLabel('Programme').selectOption({ index: 1 })
    await page.getByRole('checkbox', { name: MEASURE }).check()
    await submit(page, 'Share project')
    assert.match(await page.locator('main').innerText(), /Shared with/)
    await accessibleAtBothWidths(page, checker, 'sharing page')
    await page.goto('/programmes')
    await accessibleAtBothWidths(page, checker, 'programmes')

    // another organisation of the system reads the programme with the shared project and its measure
    const bContext = await newContext(harness, { javaScriptEnabled: false, width: 1280, height: 900 })
    const bPage = await bContext.newPage()
    await (await SignInPage.open(bPage)).signIn(harness.built.fixture.emailB('admin'), fixturePassword)
    await bPage.goto(programmeUrl)
    const text = await bPage.locator('main').innerText()
    assert.match(text, /Screening in the diabetes clinic/)
    assert.match(text, new RegExp(MEASURE))
    assert.equal(await bPage.getByRole('link', { name: 'Open the project' }).count(), 0)
    await accessibleAtBothWidths(bPage, checker, 'programme read by another organisation')
    await bPage.screenshot({ path: '/tmp/shots/qi-programme.png', fullPage: true })
    await bContext.close()
    await checking.close()
    await context.close()
  })
})
