// Journeys as a receptionist would do them: sign in and find a patient, without JavaScript at
// 320 px, and with JavaScript where the error summary moves focus to the field.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { formatNhsNumber } from '../../src/domain/shared/nhs-number.js'
import { fixturePassword } from '../helpers/fixture.js'
import { newContext, skipBrowser, startHarness, type Harness } from './harness.js'
import { SignInPage } from './pages/sign-in-page.js'
import { PatientSearchPage } from './pages/patient-search-page.js'

describe('sign in and find a patient', { skip: skipBrowser }, () => {
  let harness: Harness
  before(async () => {
    harness = await startHarness()
  })
  after(() => harness?.close())

  // Scripts are off in this context, so page.evaluate cannot run here: axe and the 320 px reflow
  // checks for these pages run in accessibility.spec.ts.
  test('without JavaScript, on a 320 px screen', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 320, height: 640 })
    const page = await context.newPage()
    // given a receptionist at the sign-in page
    await page.goto('/patients')
    const signIn = await SignInPage.verifyOnPage(page)
    // when they sign in, they come back to the page they asked for
    await signIn.signIn(harness.built.fixture.emailA('receptionist'), fixturePassword)
    const search = await PatientSearchPage.verifyOnPage(page)
    // and a mistake in the NHS number is explained, keeping what they typed
    await search.searchByNhsNumber('123 456 7890')
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Enter a valid NHS number/)
    assert.equal(await page.getByLabel('NHS number').inputValue(), '123 456 7890')
    assert.match(await page.title(), /^Error: /)
    // then the right number finds the patient
    const patient = harness.built.fixture.orgA.patients[0]!
    await search.searchByNhsNumber(formatNhsNumber(patient.nhsNumber))
    assert.match(await page.locator('#results').innerText(), /1 patient found/)
    await page.getByRole('link', { name: /LOVELACE, Ada/ }).click()
    await page.waitForLoadState()
    assert.match(await page.locator('h1').innerText(), /LOVELACE, Ada/)
    // and by name and date of birth
    await page.goto('/patients')
    await (await PatientSearchPage.verifyOnPage(page)).searchByNameAndDob('Hopper', '9', '12', '1936')
    assert.match(await page.locator('#results').innerText(), /1 patient found/)
    // and they can sign out without JavaScript
    await page.getByRole('link', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForLoadState()
    await SignInPage.verifyOnPage(page)
    await context.close()
  })

  test('with JavaScript, the error summary link moves focus to the field', async () => {
    const context = await newContext(harness)
    const page = await context.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('clinician'), fixturePassword)
    await page.goto('/patients/new')
    await page.getByRole('button', { name: 'Add patient' }).click()
    await page.waitForLoadState()
    // the NHS error summary takes focus on load
    await page.waitForFunction(() => document.activeElement?.classList.contains('nhsuk-error-summary') ?? false)
    await page.locator('.nhsuk-error-summary a[href="#nhsNumber"]').click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'nhsNumber')
    await page.locator('.nhsuk-error-summary a[href="#dateOfBirth-day"]').click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dateOfBirth-day')
    await context.close()
  })

  test('keyboard only: skip link, then sign in with Tab and Enter', async () => {
    const context = await newContext(harness)
    const page = await context.newPage()
    await page.goto('/sign-in')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content')
    await page.keyboard.press('Enter')
    await page.locator('#email').focus()
    await page.keyboard.type(harness.built.fixture.emailA('analyst'))
    await page.keyboard.press('Tab')
    await page.keyboard.type(fixturePassword)
    await page.keyboard.press('Enter')
    await page.waitForURL('**/home')
    assert.match(await page.locator('h1').innerText(), /Hello/)
    await context.close()
  })
})
