/** View models for the start, sign-in and sign-out pages: exactly the params of the nhsuk macros. */
import { escapeHtml } from '../../escape-html.js'
import { formErrors, type FormErrors } from '../../form-errors.js'

/** The demonstration accounts on the sign-in page (only when the app was built with them). */
export interface DemoAccounts {
  password: string
  accounts: { email: string; role: string }[]
}

/** One message for every failed sign-in: unknown email, wrong password and a locked account alike. */
export const wrongDetails = 'Enter a correct email address and password'

export function wrongDetailsErrors(): FormErrors {
  return formErrors([
    { field: 'email', text: wrongDetails },
    { field: 'password', text: wrongDetails }
  ])
}

/** After any failed attempt: how locking works, said to everyone, so it reveals nothing about one account. */
export function lockoutInset(maxFailures: number, lockMinutes: number): { text: string } {
  return {
    text: `After ${maxFailures} failed attempts in a row an account is locked for ${lockMinutes} minutes. If you cannot sign in, ask an administrator in your organisation to help.`
  }
}

/** `details` params listing the demonstration accounts, or null when there are none. */
export function demoAccountsDetails(demo: DemoAccounts | null): { summaryText: string; html: string } | null {
  if (!demo) return null
  const html =
    `<p>These accounts exist only in the demonstration data. The password for each is <code>${escapeHtml(demo.password)}</code>.</p><ul>` +
    demo.accounts.map((a) => `<li>${escapeHtml(a.role)}: <code>${escapeHtml(a.email)}</code></li>`).join('') +
    '</ul>'
  return { summaryText: 'Demonstration accounts', html }
}

/** The sign-in form's `action`, keeping a safe return address. */
export function signInAction(returnUrl: string): string {
  return returnUrl ? `/sign-in?returnUrl=${encodeURIComponent(returnUrl)}` : '/sign-in'
}
