/**
 * One error shape for every form: `{ href: '#field-id', text }` for the NHS error summary,
 * and the same text by field for each field's `errorMessage`.
 */
import type { z } from 'zod'

export interface FieldError {
  href: string
  text: string
}

export interface FormErrors {
  list: FieldError[]
  byField: Record<string, { text: string }>
}

export const noErrors: FormErrors = { list: [], byField: {} }

export function formErrors(errors: { field: string; text: string; anchor?: string }[]): FormErrors {
  const list: FieldError[] = []
  const byField: Record<string, { text: string }> = {}
  for (const e of errors) {
    if (byField[e.field]) continue
    byField[e.field] = { text: e.text }
    list.push({ href: `#${e.anchor ?? e.field}`, text: e.text })
  }
  return { list, byField }
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors }

/** Parses a form body with a zod schema; each issue's message is the text shown to the user. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  anchors: Record<string, string> = {}
): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return { ok: true, data: result.data }
  return {
    ok: false,
    errors: formErrors(
      result.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? 'form')
        return { field, text: issue.message, anchor: anchors[field] ?? field }
      })
    )
  }
}

/** A form value as a trimmed string ('' when absent or not a string). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

/** Checkbox values arrive as a string for one box and an array for several. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return typeof value === 'string' && value !== '' ? [value] : []
}

/** The three boxes of an NHS date input, named `prefix[day]`, `prefix[month]` and `prefix[year]`. */
export function dateParts(body: Record<string, unknown>, prefix: string): { day: string; month: string; year: string } {
  return {
    day: text(body[`${prefix}[day]`]),
    month: text(body[`${prefix}[month]`]),
    year: text(body[`${prefix}[year]`])
  }
}

/** An ISO date as the three boxes of an NHS date input ('2027-03-31' → 31, 3, 2027); empty boxes for none. */
export function datePartsOf(iso: string | null): { day: string; month: string; year: string } {
  if (!iso) return { day: '', month: '', year: '' }
  const [year = '', month = '', day = ''] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

/** The params of the nhsuk `dateInput` macro for a date named `id` (`id[day]`, `id[month]`, `id[year]`). */
export function dateInputField(
  id: string,
  legend: string,
  hint: string,
  value: { day: string; month: string; year: string },
  error: { text: string } | undefined
) {
  const cls = (w: number) => `nhsuk-input--width-${w}${error ? ' nhsuk-input--error' : ''}`
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, size: 's' } },
    hint: { text: hint },
    errorMessage: error,
    items: [
      { name: 'day', label: 'Day', classes: cls(2), value: value.day, inputmode: 'numeric' },
      { name: 'month', label: 'Month', classes: cls(2), value: value.month, inputmode: 'numeric' },
      { name: 'year', label: 'Year', classes: cls(4), value: value.year, inputmode: 'numeric' }
    ]
  }
}
