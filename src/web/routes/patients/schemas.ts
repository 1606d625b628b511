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
import { normalisePhone, PHONE_ERROR } from '../../../domain/shared/phone.js'
import { HELPER_AUTHORITIES, type PatientHelper } from '../../../domain/patients/helper.js'

/** Channels a patient may choose, in the order the form lists them (communication-plan Channel codes). */
export const CONTACT_CHANNELS = ['letter', 'phone', 'sms', 'email', 'nhs_app', 'video'] as const
export const CONTACT_CHANNEL_LABELS: Record<(typeof CONTACT_CHANNELS)[number], string> = {
  letter: 'Letter',
  phone: 'Phone call',
  sms: 'Text message',
  email: 'Email',
  nhs_app: 'NHS App',
  video: 'Video call'
}

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

const optionalPhone = (message: string) =>
  z
    .string()
    .refine((v) => v === '' || normalisePhone(v) !== null, message)
    .transform((v) => (v === '' ? null : normalisePhone(v)))

/** The date a helper was agreed: a real date, not in the future; '' when the boxes are empty. */
function agreedOnField(today: string) {
  return z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, ctx) => {
    if (!parts.day && !parts.month && !parts.year) return ''
    const iso = isoDateFromParts(parts.day, parts.month, parts.year)
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'Date agreed must be a real date, for example 2 12 2026' })
      return z.NEVER
    }
    if (iso > today) {
      ctx.addIssue({ code: 'custom', message: 'Date agreed must be today or in the past' })
      return z.NEVER
    }
    return iso
  })
}

export function patientFormSchema(today: string) {
  return patientFieldsSchema(today)
    .superRefine((v, ctx) => {
      const any = v.helperName || v.helperRelationship || v.helperPhone || v.helperAuthority || v.helperAgreedOn
      if (!any) return
      const need = (path: string, ok: unknown, message: string) => {
        if (!ok) ctx.addIssue({ code: 'custom', path: [path], message })
      }
      need('helperName', v.helperName, 'Enter the name of the person who helps')
      need(
        'helperRelationship',
        v.helperRelationship,
        'Enter how they know the patient, for example daughter or paid carer'
      )
      need('helperPhone', v.helperPhone, 'Enter a phone number for the person who helps')
      need('helperAuthority', v.helperAuthority, 'Select who agreed that we can contact them')
      need('helperAgreedOn', v.helperAgreedOn, 'Enter the date it was agreed')
      need(
        'helperCapacityNote',
        v.helperAuthority !== 'best_interests' || v.helperCapacityNote,
        'Enter the capacity assessment and best interests decision this rests on'
      )
    })
    .transform(
      ({
        helperName,
        helperRelationship,
        helperPhone,
        helperAuthority,
        helperAgreedOn,
        helperCapacityNote,
        ...rest
      }) => {
        const helper: PatientHelper | null =
          helperName && helperPhone && helperAuthority && helperAgreedOn
            ? {
                name: helperName,
                relationship: helperRelationship,
                phone: helperPhone,
                authority: helperAuthority,
                agreedOn: helperAgreedOn,
                capacityNote: helperCapacityNote || null
              }
            : null
        return { ...rest, helper }
      }
    )
}

function patientFieldsSchema(today: string) {
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
      ),
    contactPreferences: z
      .array(z.enum(CONTACT_CHANNELS, { message: 'Select how they like to be contacted from the list' }))
      .transform((v) => CONTACT_CHANNELS.filter((c) => v.includes(c))),
    phone: optionalPhone(PHONE_ERROR),
    email: z
      .string()
      .max(200, 'Email address must be 200 characters or fewer')
      .refine(
        (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
        'Enter an email address in the correct format, like name@example.com, or leave it blank'
      )
      .transform((v) => v || null),
    address: z
      .string()
      .max(300, 'Address must be 300 characters or fewer')
      .transform((v) => v.trim() || null),
    helperName: z
      .string()
      .max(100, 'Name must be 100 characters or fewer')
      .transform((v) => v.trim()),
    helperRelationship: z
      .string()
      .max(100, 'Relationship must be 100 characters or fewer')
      .transform((v) => v.trim()),
    helperPhone: optionalPhone(PHONE_ERROR),
    helperAuthority: z
      .string()
      .refine(
        (v) => v === '' || (HELPER_AUTHORITIES as readonly string[]).includes(v),
        'Select an answer from the list'
      )
      .transform((v) => (v === '' ? null : (v as (typeof HELPER_AUTHORITIES)[number]))),
    helperAgreedOn: agreedOnField(today),
    helperCapacityNote: z
      .string()
      .max(1000, 'Capacity note must be 1000 characters or fewer')
      .transform((v) => v.trim())
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
    communicationNeeds: list(b.communicationNeeds),
    contactPreferences: list(b.contactPreferences),
    phone: text(b.phone),
    email: text(b.email),
    address: text(b.address),
    helperName: text(b.helperName),
    helperRelationship: text(b.helperRelationship),
    helperPhone: text(b.helperPhone),
    helperAuthority: text(b.helperAuthority),
    helperAgreedOn: dateParts(b, 'helperAgreedOn'),
    helperCapacityNote: text(b.helperCapacityNote)
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
