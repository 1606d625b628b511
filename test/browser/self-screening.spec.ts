// Patient self-completion without JavaScript, on a 320 px screen, in Arabic (right to left); then axe on
// the patient pages (in a JavaScript context) and on the clinician form, result page and printed handout.
// Screenshots go to /tmp/shots/ for a visual check.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
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

const shots = '/tmp/shots'

async function createInvite(page: Page, patientId: string, language: string): Promise<string> {
  await page.goto(`/patients/${patientId}`)
  await page.selectOption('#invite-language', language)
  await page.getByRole('button', { name: 'Create a self-completion link' }).click()
  await page.waitForLoadState()
  const link = await page.locator('code.reach-break').first().textContent()
  assert.ok(link)
  return new URL(link.trim()).pathname
}

/** Answers whatever the page asks: the first option, English for a language, a name and number for text. */
async function answerQuestion(page: Page): Promise<void> {
  if (await page.locator('ul.radios input').count()) await page.locator('ul.radios input').first().check()
  else if (await page.locator('ul.checkboxes input').count()) await page.locator('ul.checkboxes input').first().check()
  else if (await page.locator('select').count()) await page.locator('select').selectOption('en')
  else if (await page.locator('input[type=tel]').count()) await page.locator('input[type=tel]').fill('07700 900123')
  else await page.locator('input.in').fill('Sam Helper')
}

describe('patient self-completion', { skip: skipBrowser }, () => {
  let harness: Harness
  let staff: Page
  before(async () => {
    harness = await startHarness()
    mkdirSync(shots, { recursive: true })
    const context = await newContext(harness)
    staff = await context.newPage()
    await (await SignInPage.open(staff)).signIn(harness.built.fixture.emailA('clinician'), fixturePassword)
  })
  after(() => harness?.close())

  test('without JavaScript at 320 px in Arabic: every question, check answers, send', async () => {
    const path = await createInvite(staff, harness.built.fixture.orgA.patients[0]!.id, 'ar')
    const context = await newContext(harness, { javaScriptEnabled: false, width: 320, height: 640 })
    const page = await context.newPage()
    await page.goto(path)
    assert.equal(await page.locator('html[lang="ar"][dir="rtl"]').count(), 1)
    await page.locator('a.btn-start').click()
    await page.waitForLoadState()
    // a question left unanswered is explained in the error summary, in Arabic
    await page.locator('button.btn').click()
    await page.waitForLoadState()
    assert.equal(await page.locator('.es a[href="#participation"]').count(), 1)
    for (let i = 0; i < 45 && !page.url().endsWith('/check'); i++) {
      assert.equal(await page.locator('.progress').count(), 1)
      await answerQuestion(page)
      await page.locator('button.btn').click()
      await page.waitForLoadState()
    }
    assert.ok(page.url().endsWith('/check'), page.url())
    assert.ok((await page.locator('.sl-row').count()) > 10)
    await page.locator('button.btn').click()
    await page.waitForLoadState()
    assert.equal(await page.locator('h1.ok').count(), 1)
    const rows = await harness.built.database.db
      .selectFrom('screening')
      .select(['mode', 'language'])
      .where('mode', '=', 'self')
      .execute()
    assert.deepEqual(rows, [{ mode: 'self', language: 'ar' }])
    await context.close()
  })

  test('patient pages pass axe and reflow at 320 px (JavaScript context); screenshots in two languages', async () => {
    const patientId = harness.built.fixture.orgA.patients[1]!.id
    for (const language of ['ar', 'pl']) {
      const path = await createInvite(staff, patientId, language)
      const context = await newContext(harness, { width: 320, height: 720 })
      const page = await context.newPage()
      await page.goto(path)
      await expectAccessible(page, `start page (${language})`)
      await expectNoHorizontalScroll(page, `start page (${language})`)
      await page.locator('a.btn-start').click()
      await page.waitForLoadState()
      await page.locator('ul.radios input').first().check()
      await page.locator('button.btn').click()
      await page.waitForLoadState()
      await expectAccessible(page, `question page (${language})`)
      await expectNoHorizontalScroll(page, `question page (${language})`)
      await page.screenshot({ path: `${shots}/self-question-${language}.png`, fullPage: true })
      await page.locator('button.btn').click()
      await page.waitForLoadState()
      await expectAccessible(page, `question with an error (${language})`)
      await page.screenshot({ path: `${shots}/self-error-${language}.png`, fullPage: true })
      await context.close()
    }
    const context = await newContext(harness, { width: 320 })
    const page = await context.newPage()
    await page.goto(`/s/${'A'.repeat(43)}`)
    await expectAccessible(page, 'link not found')
    await page.goto('/s')
    await expectAccessible(page, 'enter your code')
    await context.close()
  })

  test('Easy Read at 320 px and 400% zoom, left to right and right to left: pictures, axe, no sideways scroll', async () => {
    const patientId = harness.built.fixture.orgA.patients[1]!.id
    for (const language of ['en', 'ar']) {
      const path = await createInvite(staff, patientId, language)
      // 400% zoom of a 1280 px window is a 320 px wide layout at four device pixels per CSS pixel
      const context = await newContext(harness, { javaScriptEnabled: false, width: 320, height: 720 })
      const page = await context.newPage()
      await page.goto(`${path}?easy=1`)
      await page.locator('a.btn-start').click()
      await page.waitForLoadState()
      assert.equal(await page.locator('h1.ez-h img[alt=""]').count(), 1)
      await page.locator('ul.radios input').first().check()
      await page.locator('button.btn').click()
      await page.waitForLoadState()
      assert.ok(page.url().endsWith('/q/devices'), page.url())
      assert.equal(await page.locator('li.ez-opt img[alt=""]').count(), 6)
      await expectNoHorizontalScroll(page, `Easy Read devices (${language})`)
      // every picture loaded (served from /static/symbols)
      const broken = await page
        .locator('img')
        .evaluateAll(
          (imgs) =>
            imgs.filter((i) => !(i as HTMLImageElement).complete || (i as HTMLImageElement).naturalWidth === 0).length
        )
      assert.equal(broken, 0)
      await page.screenshot({ path: `${shots}/easy-devices-${language}-320.png`, fullPage: true })
      const questionUrl = page.url()
      await context.close()
      const withJs = await newContext(harness, { width: 320, height: 720 })
      const axePage = await withJs.newPage()
      await axePage.goto(`${path}`)
      await expectAccessible(axePage, `Easy Read start page (${language})`)
      await axePage.goto(questionUrl)
      await expectAccessible(axePage, `Easy Read question page (${language})`)
      await withJs.close()
    }
  })

  test('clinician form, result page and handout pass axe; screenshots', async () => {
    const patientId = harness.built.fixture.orgA.patients[2]!.id
    await staff.setViewportSize({ width: 1024, height: 900 })
    await staff.goto(`/patients/${patientId}/screening/new`)
    await expectAccessible(staff, 'clinician form')
    await staff.screenshot({ path: `${shots}/clinician-form.png` })
    // keyboard: the first question is reachable and answerable with the keyboard
    await staff.locator('#participation').focus()
    await staff.keyboard.press('Space')
    assert.equal(await staff.locator('#participation').isChecked(), true)
    await staff.locator('#devices-2').check()
    await staff.getByRole('button', { name: 'Save screening' }).click()
    await staff.waitForLoadState()
    await expectAccessible(staff, 'clinician form with errors')
    await staff.screenshot({ path: `${shots}/clinician-errors.png` })
    await staff.getByRole('button', { name: 'Patient declined' }).click()
    await staff.waitForLoadState()
    await expectAccessible(staff, 'result page (declined)')
    // a full screening for the result and handout
    await staff.goto(`/patients/${harness.built.fixture.orgA.patients[0]!.id}`)
    await expectAccessible(staff, 'patient record with banner')
    await staff.screenshot({ path: `${shots}/patient-record.png`, fullPage: true })
    await staff.getByRole('link', { name: 'View screening' }).click()
    await staff.waitForLoadState()
    await expectAccessible(staff, 'result page')
    await staff.screenshot({ path: `${shots}/result.png`, fullPage: true })
    const resultUrl = staff.url()
    await staff.goto(`${resultUrl}/handout?lang=en&easy=1`)
    await expectAccessible(staff, 'Easy Read handout')
    await staff.emulateMedia({ media: 'print' })
    await staff.screenshot({ path: `${shots}/handout-easy-print.png`, fullPage: true })
    await staff.emulateMedia({ media: 'screen' })
    await staff.goto(`${resultUrl}/handout?lang=ar`)
    await expectAccessible(staff, 'handout (Arabic)')
    await staff.emulateMedia({ media: 'print' })
    await staff.screenshot({ path: `${shots}/handout-print-ar.png`, fullPage: true })
    await staff.emulateMedia({ media: 'screen' })
    await staff.goto(`/patients/${patientId}/screening/paper?lang=ur&large=1`)
    await expectAccessible(staff, 'paper form (Urdu, large print)')
  })
})
