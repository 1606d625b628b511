/** View models for the quality improvement pages: exactly the nhsuk macro params. */
import type { FormErrors } from '../../form-errors.js'

export const qiBreadcrumbs = [
  { href: '/home', text: 'Home' },
  { href: '/measures', text: 'Measures' }
]

export function projectFormFields(values: { name: string; aim: string }, errors: FormErrors) {
  return {
    name: {
      id: 'name',
      name: 'name',
      label: { text: 'Project name', size: 's' },
      value: values.name,
      errorMessage: errors.byField.name
    },
    aim: {
      id: 'aim',
      name: 'aim',
      label: { text: 'Aim (optional)', size: 's' },
      hint: { text: 'What will improve, by how much and by when' },
      value: values.aim,
      errorMessage: errors.byField.aim
    }
  }
}
