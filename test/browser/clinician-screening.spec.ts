// Clinician mode with JavaScript: the error summary takes focus and its links move focus to the question;
// the whole form can be answered with the keyboard.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { fixturePassword } from '../helpers/fixture.js'
import { expectAccessible, newContext, skipBrowser, startHarness, type Harness } from './harness.js'
import { SignInPage } from './pages/sign-in-page.js'

describe('clinician screening', { skip: skipBrowser }, () => {
  let harness: Harness
  before(async () => {
    harness = await startHarness()
  })
  after(() => harness?.close())

  test('error summary link focuses the question; keyboard answers save the screening', async () => {
    const context = await newContext(harness)
    const page = await context.newPage()
    await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('clinician'), fixturePassword)
    const patientId = harness.built.fixture.orgA.patients[0]!.id
    await page.goto(`/patients/${patientId}/screening/new`)
    // given a clinician who ticks a device and saves too early
    await page.locator('#participation').check()
    await page.locator('#devices').check()
    await page.getByRole('button', { name: 'Save screening' }).click()
    await page.waitForLoadState()
    // then the error summary takes focus and keeps the answers
    await page.waitForFunction(() => document.activeElement?.classList.contains('nhsuk-error-summary') ?? false)
    assert.equal(await page.locator('#devices').isChecked(), true)
    await expectAccessible(page, 'clinician form with errors')
    // and its link moves focus to the question
    await page.locator('.nhsuk-error-summary a[href="#internet"]').click()
    await page.waitForFunction(() => document.activeElement?.id === 'internet')
    // when they answer the rest with the keyboard (Space on a focused radio or checkbox)
    const choose = async (id: string) => {
      await page.locator(`#${id}`).focus()
      await page.keyboard.press('Space')
    }
    for (const id of [
      'internet-2',
      'afford',
      'skill-connect',
      'skill-apps',
      'skill-online-forms',
      'skill-video',
      'skill-messages',
      'motivation',
      'worries-4',
      'difficulties-6',
      'interpreter',
      'helpers-4',
      'communication-needs-6'
    ])
      await choose(id)
    await page.locator('#main-language').selectOption('en')
    await page.getByRole('button', { name: 'Save screening' }).click()
    await page.waitForLoadState()
    // then the result shows a plan
    assert.match((await page.locator('h1').textContent()) ?? '', /screening result/)
    await expectAccessible(page, 'result page')
    await context.close()
  })
})
