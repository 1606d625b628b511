/**
 * Route schemas (params and querystrings, checked by the zod type provider) and form schemas
 * (parsed in the handler with `parseForm`, so a mistake re-renders the form) for the measures pages.
 */
import { z } from 'zod'
import { isoDateFromParts } from '../../../domain/shared/dates.js'
import { UUID_PATTERN } from '../../../domain/shared/uuid.js'
import { findDerivedMeasure, manualMeasureIssues as definitionIssues } from '../../../domain/qi/measures/index.js'
import { dateParts, formErrors, text, type FormErrors } from '../../form-errors.js'
import { queryText, uuid } from '../../schemas.js'

/** `/measures/:measureId…`: a malformed id is a 404, like a missing one. */
export const measureParams = z.object({ measureId: uuid })

/** `/measures?project=…&team=…`: anything that is not an id shows every measure, as before. */
export const dashboardQuery = z.object({ project: queryText, team: queryText })

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => v || null)
const uuidOrNull = z
  .string()
  .refine((v) => v === '' || UUID_PATTERN.test(v), 'Select an option from the list')
  .transform((v) => v || null)

export function measureFormValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return {
    derivedKey: text(b.derivedKey),
    name: text(b.name),
    type: text(b.type),
    numerator: text(b.numerator),
    denominator: text(b.denominator),
    inclusions: text(b.inclusions),
    exclusions: text(b.exclusions),
    frequency: text(b.frequency),
    improvement: text(b.improvement),
    target: text(b.target),
    unit: text(b.unit),
    owner: text(b.owner),
    notes: text(b.notes),
    projectId: text(b.projectId),
    teamId: text(b.teamId)
  }
}
export type MeasureFormValues = ReturnType<typeof measureFormValues>

export const measureFormSchema = z.object({
  derivedKey: z
    .string()
    .refine(
      (v) => v === '' || findDerivedMeasure(v)?.available === true,
      'Select a derived measure that is available, or none'
    ),
  name: z.string().max(120, 'Name must be 120 characters or fewer'),
  type: z.string(),
  numerator: optionalText(1000, 'Numerator'),
  denominator: optionalText(1000, 'Denominator'),
  inclusions: optionalText(1000, 'Inclusions'),
  exclusions: optionalText(1000, 'Exclusions'),
  frequency: z.enum(['weekly', 'monthly'], { message: 'Select how often the measure is plotted' }),
  improvement: z.enum(['increase', 'decrease', 'neutral'], { message: 'Select which direction is an improvement' }),
  target: z
    .string()
    .refine((v) => v === '' || /^-?\d+(\.\d+)?$/.test(v), 'Target must be a number, like 80 or 12.5, or leave it blank')
    .transform((v) => (v === '' ? null : Number(v))),
  unit: z.string(),
  owner: optionalText(120, 'Owner'),
  notes: optionalText(2000, 'Notes'),
  projectId: uuidOrNull,
  teamId: uuidOrNull
})
export type MeasureForm = z.infer<typeof measureFormSchema>

/** The fields a manual measure needs and a derived one takes from its definition. */
export function manualMeasureIssues(values: MeasureFormValues): { field: string; text: string }[] {
  return values.derivedKey ? [] : definitionIssues(values)
}

/** Field order on the form, so the error summary lists problems in the order of the page. */
export const measureFieldOrder = [
  'derivedKey',
  'name',
  'type',
  'numerator',
  'denominator',
  'inclusions',
  'exclusions',
  'unit',
  'frequency',
  'improvement',
  'target',
  'owner',
  'projectId',
  'teamId',
  'notes'
]

/** Form errors in the order of the fields on the page. */
export function measureFormErrors(issues: readonly { field: string; text: string }[]): FormErrors {
  return formErrors([...issues].sort((a, b) => measureFieldOrder.indexOf(a.field) - measureFieldOrder.indexOf(b.field)))
}

function isoDateField(empty: string, invalid: string) {
  return z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, ctx) => {
    const iso = isoDateFromParts(parts.day, parts.month, parts.year)
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: parts.day || parts.month || parts.year ? invalid : empty })
      return z.NEVER
    }
    return iso
  })
}

export function singleValueValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return { periodStart: dateParts(b, 'periodStart'), value: text(b.value) }
}

export const singleValueSchema = z.object({
  periodStart: isoDateField(
    'Enter the date the period starts',
    'Period start must be a real date, for example 1 3 2026'
  ),
  value: z
    .string()
    .min(1, 'Enter a value')
    .refine((v) => v === '' || /^-?\d+(\.\d+)?$/.test(v), 'Value must be a number, like 42 or 87.5')
    .transform(Number)
})

export function annotationValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return { onDate: dateParts(b, 'onDate'), kind: text(b.kind), label: text(b.label) }
}

export const annotationSchema = z.object({
  onDate: isoDateField('Enter the date', 'Date must be a real date, for example 1 3 2026'),
  kind: z.enum(['pdsa', 'rebase', 'note'], { message: 'Select the kind of annotation' }),
  label: z.string().min(1, 'Enter a short description').max(200, 'Description must be 200 characters or fewer')
})
