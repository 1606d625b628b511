import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'

/** The sign-in page, as a page object. */
export class SignInPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<SignInPage> {
    await page.goto('/sign-in')
    return SignInPage.verifyOnPage(page)
  }

  static async verifyOnPage(page: Page): Promise<SignInPage> {
    assert.equal(await page.locator('h1').textContent(), 'Sign in to Reach')
    return new SignInPage(page)
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.getByRole('button', { name: 'Sign in' }).click()
    await this.page.waitForLoadState()
  }
}
