import { z } from 'zod'
import { validateNhsNumber } from '../../../domain/shared/nhs-number.js'
import { normalisePostcode } from '../../../domain/shared/postcode.js'
import { isoDateFromParts } from '../../../domain/shared/dates.js'
import {
  communicationNeedCodes,
  disabilityCodes,
  ethnicCategoryCodes,
  languageCodes,
  sexCodes
} from '../../../domain/patients/patient-codes.js'
import { dateParts, list, text } from '../../form-errors.js'

const codesOf = (items: readonly { code: string }[]) => items.map((i) => i.code)

const nhsNumberField = z.string().transform((value, ctx) => {
  const result = validateNhsNumber(value)
  if (result.valid) return result.value
  ctx.addIssue({
    code: 'custom',
    message:
      result.problem === 'empty'
        ? 'Enter an NHS number'
        : result.problem === 'wrong-length'
          ? 'NHS number must be 10 digits'
          : result.problem === 'non-digit'
            ? 'NHS number must contain only digits and spaces'
            : 'Enter a valid NHS number. Check it for mistakes'
  })
  return z.NEVER
})

/** Date of birth from the three boxes of the NHS date input: a real date, in the past, under 130 years ago. */
function dateOfBirthField(today: string) {
  return z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, ctx) => {
    if (!parts.day && !parts.month && !parts.year) {
      ctx.addIssue({ code: 'custom', message: 'Enter date of birth' })
      return z.NEVER
    }
    const iso = isoDateFromParts(parts.day, parts.month, parts.year)
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'Date of birth must be a real date, for example 27 3 1950' })
      return z.NEVER
    }
    if (iso > today) {
      ctx.addIssue({ code: 'custom', message: 'Date of birth must be in the past' })
      return z.NEVER
    }
    if (Number(iso.slice(0, 4)) < Number(today.slice(0, 4)) - 130) {
      ctx.addIssue({ code: 'custom', message: 'Date of birth must be after ' + (Number(today.slice(0, 4)) - 130) })
      return z.NEVER
    }
    return iso
  })
}

export function patientFormSchema(today: string) {
  return z.object({
    nhsNumber: nhsNumberField,
    givenName: z.string().min(1, 'Enter a given name').max(100, 'Given name must be 100 characters or fewer'),
    familyName: z.string().min(1, 'Enter a family name').max(100, 'Family name must be 100 characters or fewer'),
    dateOfBirth: dateOfBirthField(today),
    postcode: z.string().transform((value, ctx) => {
      if (value === '') return null
      const normalised = normalisePostcode(value)
      if (!normalised) {
        ctx.addIssue({ code: 'custom', message: 'Enter a real postcode, like E8 1DY, or leave it blank' })
        return z.NEVER
      }
      return normalised
    }),
    sex: z.enum(codesOf(sexCodes) as [string, ...string[]], { message: 'Select sex or gender' }),
    ethnicCategory: z
      .string()
      .refine((v) => v === '' || codesOf(ethnicCategoryCodes).includes(v), 'Select an ethnic category from the list')
      .transform((v) => v || null),
    mainLanguage: z
      .string()
      .refine((v) => v === '' || codesOf(languageCodes).includes(v), 'Select a main language from the list')
      .transform((v) => v || null),
    interpreterNeeded: z
      .enum(['yes', 'no'], { message: 'Select yes if they need an interpreter' })
      .transform((v) => v === 'yes'),
    disability: z
      .string()
      .refine((v) => v === '' || codesOf(disabilityCodes).includes(v), 'Select an answer from the list')
      .transform((v) => v || null),
    communicationNeeds: z
      .array(z.string())
      .refine(
        (v) => v.every((c) => codesOf(communicationNeedCodes).includes(c)),
        'Select communication needs from the list'
      )
  })
}

export type PatientForm = z.infer<ReturnType<typeof patientFormSchema>>

/** The raw form body, as typed, for re-rendering after a mistake. */
export function patientFormValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return {
    nhsNumber: text(b.nhsNumber),
    givenName: text(b.givenName),
    familyName: text(b.familyName),
    dateOfBirth: dateParts(b, 'dateOfBirth'),
    postcode: text(b.postcode),
    sex: text(b.sex),
    ethnicCategory: text(b.ethnicCategory),
    mainLanguage: text(b.mainLanguage),
    interpreterNeeded: text(b.interpreterNeeded),
    disability: text(b.disability),
    communicationNeeds: list(b.communicationNeeds)
  }
}

export type PatientFormValues = ReturnType<typeof patientFormValues>

export const patientSearchSchema = z.discriminatedUnion(
  'searchBy',
  [
    z.object({ searchBy: z.literal('nhs-number'), nhsNumber: nhsNumberField }),
    z.object({
      searchBy: z.literal('name-dob'),
      familyName: z.string().min(1, 'Enter a family name').max(100, 'Family name must be 100 characters or fewer'),
      givenName: z.string().max(100, 'Given name must be 100 characters or fewer'),
      dateOfBirth: z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, ctx) => {
        const iso = isoDateFromParts(parts.day, parts.month, parts.year)
        if (!iso) {
          ctx.addIssue({
            code: 'custom',
            message:
              parts.day || parts.month || parts.year
                ? 'Date of birth must be a real date, for example 27 3 1950'
                : 'Enter date of birth'
          })
          return z.NEVER
        }
        return iso
      })
    })
  ],
  { message: 'Select how you want to search' }
)
