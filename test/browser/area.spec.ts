// Area and equity as a QI lead uses them: the risk map, the sortable table, an LSOA page and
// the equity page, accessible (axe) with JavaScript, and usable without it at 320 px.
import { referenceDataDir } from '../../src/config.js'
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
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
import { planAreaImport } from '../../src/domain/area/import/plan.js'
import { importAreaFiles } from '../../src/app/area/import-area-files.js'

const areaDir = resolve(process.env.REACH_SHARED_DATA ?? referenceDataDir, 'area')
const skip =
  skipBrowser || (existsSync(join(areaDir, 'MANIFEST.csv')) ? false : `shared area data not found at ${areaDir}`)

async function signIn(page: Page, email: string) {
  await page.goto('/area')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(fixturePassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState()
}

describe('area and equity pages', { skip }, () => {
  let harness: Harness
  before(async () => {
    harness = await startHarness()
    const sources = readdirSync(areaDir).map((name) => ({ name, text: readFileSync(join(areaDir, name), 'utf8') }))
    await harness.built.database.db
      .transaction()
      .execute((trx) => importAreaFiles(trx, planAreaImport(sources), { importedBy: 'test' }))
    await harness.built.database.db
      .insertInto('postcode_lsoa')
      .values({ postcode: 'E81DY', lsoa21_code: 'E01001824', lsoa11_code: null })
      .execute()
  })
  after(() => harness?.close())

  test('with JavaScript: map, table, LSOA page and equity page pass axe', async () => {
    const context = await newContext(harness, { width: 1280, height: 1000 })
    const page = await context.newPage()
    await signIn(page, harness.built.fixture.emailA('qi_lead'))
    assert.match(await page.locator('h1').innerText(), /Digital exclusion risk by area/)
    assert.equal(await page.locator('.reach-area-map a').count(), 155)
    await expectAccessible(page, 'area map and table')
    if (process.env.REACH_SHOTS)
      await page.locator('.reach-area-map').screenshot({ path: join(process.env.REACH_SHOTS, 'area-map.png') })
    await page.goto('/area?sort=deri&dir=desc')
    await expectAccessible(page, 'sorted table')
    await page.goto('/area/lsoa/E01001824')
    await expectAccessible(page, 'LSOA page')
    await page.goto('/area/equity?dimension=imd')
    await expectAccessible(page, 'equity page')
    await page.goto('/area/equity?from%5Bday%5D=40')
    await expectAccessible(page, 'equity page with an error')
    await context.close()
  })

  test('without JavaScript at 320 px: links and forms work', async () => {
    const context = await newContext(harness, { javaScriptEnabled: false, width: 320, height: 640 })
    const page = await context.newPage()
    await signIn(page, harness.built.fixture.emailA('qi_lead'))
    assert.equal(await page.locator('.reach-area-map a').count(), 155)
    await page.getByRole('link', { name: 'Risk index', exact: true }).click()
    await page.waitForLoadState()
    assert.match(page.url(), /sort=deri/)
    await page.getByLabel('% population aged 65 and over').fill('10')
    await page.getByRole('button', { name: 'Recalculate' }).click()
    await page.waitForLoadState()
    assert.match(page.url(), /pct_65_plus=10/)
    await page.goto('/area/equity')
    await page.getByLabel('Break down by').selectOption('sex')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForLoadState()
    assert.match(page.url(), /dimension=sex/)
    await context.close()
  })

  test('at 320 px with JavaScript nothing scrolls sideways except the wide tables', async () => {
    const context = await newContext(harness, { width: 320, height: 640 })
    const page = await context.newPage()
    await signIn(page, harness.built.fixture.emailA('qi_lead'))
    await expectNoHorizontalScroll(page, 'area page')
    await page.goto('/area/equity')
    await expectNoHorizontalScroll(page, 'equity page')
    await context.close()
  })
})
