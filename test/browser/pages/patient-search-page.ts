import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'

/** The find-a-patient page, as a page object. */
export class PatientSearchPage {
  constructor(readonly page: Page) {}

  static async verifyOnPage(page: Page): Promise<PatientSearchPage> {
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Find a patient')
    return new PatientSearchPage(page)
  }

  async searchByNhsNumber(value: string): Promise<void> {
    await this.page.getByLabel('NHS number').fill(value)
    await this.page.getByRole('button', { name: 'Search by NHS number' }).click()
    await this.page.waitForLoadState()
  }

  async searchByNameAndDob(familyName: string, day: string, month: string, year: string): Promise<void> {
    await this.page.getByLabel('Family name').fill(familyName)
    await this.page.getByLabel('Day').fill(day)
    await this.page.getByLabel('Month').fill(month)
    await this.page.getByLabel('Year').fill(year)
    await this.page.getByRole('button', { name: 'Search by name and date of birth' }).click()
    await this.page.waitForLoadState()
  }
}
