/**
 * A screen in clinic: for three typical patients (offline, smartphone user, declines), how many answers
 * the clinician gives, how many clicks and choices that takes on the form (pre-filled answers need none),
 * and how tall the form is once only the questions that apply are shown: with JavaScript (live) and
 * without (after "Show the questions that apply"), at 1024 px and at 320 px wide. Chromium drives the real
 * form; the figures are for people to read (issue 12: under two minutes in clinic), nothing is asserted.
 */
import type { Page } from 'playwright-core'
import { fixturePassword } from '../test/helpers/fixture.js'
import { newContext, skipBrowser, startHarness } from '../test/browser/harness.js'
import { SignInPage } from '../test/browser/pages/sign-in-page.js'
import { printTable } from './report.js'

type Answers = Record<string, string | string[]>

const PATIENTS: { who: string; answers: Answers }[] = [
  {
    who: 'offline (landline only)',
    answers: {
      participation: 'agreed',
      devices: ['landline'],
      motivation: 'prefers-not',
      worries: ['none'],
      difficulties: ['none'],
      'main-language': 'en',
      interpreter: ['no'],
      helpers: ['family-friend'],
      'proxy-consent': 'no',
      'communication-needs': ['none'],
      'contact-preference': ['phone', 'letter']
    }
  },
  {
    who: 'smartphone user',
    answers: {
      participation: 'agreed',
      devices: ['smartphone'],
      'device-sharing': 'own',
      internet: ['mobile-data'],
      afford: 'sometimes',
      'skill-connect': 'alone',
      'skill-apps': 'alone',
      'skill-online-forms': 'with-help',
      'skill-video': 'alone',
      'skill-messages': 'alone',
      motivation: 'happy',
      worries: ['none'],
      difficulties: ['none'],
      'main-language': 'en',
      interpreter: ['no'],
      helpers: ['none'],
      'communication-needs': ['none'],
      'contact-preference': ['sms', 'nhs-app']
    }
  },
  { who: 'declines', answers: { participation: 'declined' } }
]

/**
 * Answers the questions on show the way a clinician would; returns the clicks and choices it took and how many
 * answers are still waiting for their question to be shown.
 */
async function answer(page: Page, answers: Answers): Promise<{ actions: number; waiting: number }> {
  let actions = 0
  let waiting = 0
  for (const [linkId, value] of Object.entries(answers)) {
    const first = page.locator(`[name="${linkId}"]`).first()
    if (!(await first.isVisible())) {
      waiting++
      continue
    }
    const select = page.locator(`select[name="${linkId}"]`)
    if (await select.count()) {
      if ((await select.inputValue()) !== value) {
        await select.selectOption(String(value))
        actions++
      }
      continue
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      const box = page.locator(`input[name="${linkId}"][value="${v}"]`)
      if (!(await box.isChecked())) {
        await box.check()
        actions++
      }
    }
  }
  return { actions, waiting }
}

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)

export async function benchClinicScreen(): Promise<void> {
  if (skipBrowser) {
    console.log(`skipped: ${skipBrowser}`)
    return
  }
  const harness = await startHarness()
  try {
    const rows: (string | number)[][] = []
    const patientId = harness.built.fixture.orgA.patients[0]!.id
    for (const width of [1024, 320]) {
      for (const javaScriptEnabled of [true, false]) {
        const context = await newContext(harness, { javaScriptEnabled, width })
        const page = await context.newPage()
        await (await SignInPage.open(page)).signIn(harness.built.fixture.emailA('clinician'), fixturePassword)
        for (const p of PATIENTS) {
          await page.goto(`/patients/${patientId}/screening/new`)
          const before = await height(page)
          let { actions, waiting } = await answer(page, p.answers)
          // Without JavaScript the server shows the questions that apply when asked (one click a round).
          for (let round = 0; waiting > 0 && round < 4; round++) {
            await page.getByRole('button', { name: 'Show the questions that apply' }).click()
            await page.waitForLoadState()
            const next = await answer(page, p.answers)
            actions += 1 + next.actions
            waiting = next.waiting
          }
          rows.push([
            p.who,
            `${width} px, ${javaScriptEnabled ? 'JavaScript' : 'no JavaScript'}`,
            String(Object.keys(p.answers).length),
            String(actions),
            String(before),
            String(await height(page))
          ])
        }
        await context.close()
      }
    }
    printTable(
      ['patient', 'form', 'answers', 'clicks and choices', 'page height at start (px)', 'page height answered (px)'],
      rows
    )
  } finally {
    await harness.close()
  }
}
