/** View models for the staff account pages: exactly the params of the nhsuk macros. */
import type { StaffUserRow } from '../../../db/schema.js'
import { roles } from '../../../domain/staff/roles.js'
import { formatDateTime } from '../../../domain/shared/dates.js'
import { escapeHtml } from '../../escape-html.js'
import type { FormErrors } from '../../form-errors.js'
import { translate } from '../../i18n.js'

/** The one answer for an email that cannot be used, whether it is taken here or anywhere else. */
export const emailUnavailable =
  'This email address cannot be used for a new account. Check it, or ask the person for another work email address'

export function staffStatus(row: StaffUserRow, now: Date): string {
  if (row.disabled_at) return 'Disabled'
  return row.locked_until && row.locked_until > now ? 'Locked' : 'Active'
}

/** A small one-button form acting on one account, for the staff table's last column. */
function staffActionFormHtml(row: StaffUserRow, csrfToken: string, action: string, label: string): string {
  return (
    `<form method="post" action="/admin/staff/${encodeURIComponent(row.id)}/${action}" novalidate>` +
    `<input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}">` +
    '<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" data-module="nhsuk-button" type="submit">' +
    `${label}<span class="nhsuk-u-visually-hidden">: ${escapeHtml(row.display_name)}</span></button></form>`
  )
}

/** The form that ends every session of one account. */
export const signOutEverywhereFormHtml = (row: StaffUserRow, csrfToken: string): string =>
  staffActionFormHtml(row, csrfToken, 'sign-out-everywhere', 'Sign out everywhere')

/** The form that turns off an account's two-step sign-in (a lost phone), shown when it is on. */
export const resetTwoStepFormHtml = (row: StaffUserRow, csrfToken: string): string =>
  staffActionFormHtml(row, csrfToken, 'reset-two-step', 'Reset two-step sign-in')

function devices(count: number): string {
  if (count === 0) return 'No'
  return count === 1 ? 'On 1 device' : `On ${count} devices`
}

/** `table` rows for the staff list, with a "Sign out everywhere" button for each account signed in now. */
export function staffTableRows(staff: StaffUserRow[], liveSessions: Map<string, number>, csrfToken: string, now: Date) {
  return staff.map((s) => {
    const live = liveSessions.get(s.id) ?? 0
    return [
      { text: s.display_name, header: 'Name' },
      { text: s.email, header: 'Email' },
      { text: translate('en', `roles.${s.role}`), header: 'Role' },
      { text: s.last_login_at ? formatDateTime(s.last_login_at) : 'Never', header: 'Last signed in' },
      { text: staffStatus(s, now), header: 'Status' },
      { text: devices(live), header: 'Signed in now' },
      { text: s.totp_enrolled_at ? 'On' : 'Off', header: 'Two-step sign-in' },
      {
        html:
          (live > 0 ? signOutEverywhereFormHtml(s, csrfToken) : '') +
          (s.totp_enrolled_at ? resetTwoStepFormHtml(s, csrfToken) : ''),
        header: 'Action'
      }
    ]
  })
}

/** The fields of the "Add a staff account" form, with what was typed and any errors. */
export function staffFormFields(values: Record<string, string>, errors: FormErrors) {
  return {
    displayName: {
      id: 'displayName',
      name: 'displayName',
      label: { text: 'Full name', size: 's' },
      value: values.displayName,
      autocomplete: 'off',
      errorMessage: errors.byField.displayName
    },
    email: {
      id: 'email',
      name: 'email',
      type: 'email',
      label: { text: 'Email address', size: 's' },
      value: values.email,
      autocomplete: 'off',
      spellcheck: false,
      errorMessage: errors.byField.email
    },
    role: {
      idPrefix: 'role',
      name: 'role',
      fieldset: { legend: { text: 'Role', size: 's' } },
      errorMessage: errors.byField.role,
      items: roles.map((r) => ({ value: r, text: translate('en', `roles.${r}`), checked: values.role === r }))
    },
    password: {
      id: 'password',
      name: 'password',
      label: { text: 'Temporary password', size: 's' },
      autocomplete: 'new-password',
      hint: { text: 'At least 12 characters. Three random words work well. Avoid common passwords.' },
      errorMessage: errors.byField.password
    }
  }
}
