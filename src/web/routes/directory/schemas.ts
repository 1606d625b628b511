import { z } from 'zod'
import {
  DELIVERY_MODES,
  DIRECTORY_BARRIERS,
  deliveryModes,
  OFFER_TYPES,
  SERVICE_AREAS
} from '../../../domain/directory/service.js'
import { parseLanguageList } from '../../../domain/directory/languages.js'
import { list, text } from '../../form-errors.js'
import { normalisePhone, PHONE_ERROR } from '../../../domain/shared/phone.js'
import { normalisePostcode } from '../../../domain/shared/postcode.js'
import type { ServiceDetails } from '../../../domain/directory/service-details.js'

/** A directory service id: ours are UUIDs, imported ones are ORUK ids ('device-bank'). Longer is a 404. */
export const serviceParams = z.object({ serviceId: z.string().max(200) })

const age = (label: string) =>
  z
    .string()
    .refine(
      (v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 120),
      `${label} must be a whole number from 0 to 120`
    )
    .transform((v) => (v === '' ? undefined : Number(v)))

/**
 * The staff form. `serviceLanguages` are the languages the service already lists, so that a language
 * only an import knew (by code) is still recognised when the form is saved again.
 */
export const serviceFormSchema = (serviceLanguages: readonly string[] = []) =>
  z
    .object({
      name: z.string().min(1, 'Enter the service name').max(200, 'Service name must be 200 characters or fewer'),
      organisationName: z
        .string()
        .min(1, 'Enter the organisation that runs the service')
        .max(200, 'Organisation must be 200 characters or fewer'),
      description: z.string().min(1, 'Enter a description').max(2000, 'Description must be 2000 characters or fewer'),
      url: z
        .string()
        .refine(
          (v) => v === '' || /^https?:\/\/\S+$/.test(v),
          'Enter a website address starting with https://, or leave it blank'
        )
        .transform((v) => v || null),
      email: z
        .string()
        .refine(
          (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
          'Enter an email address in the correct format, like name@example.com'
        )
        .transform((v) => v || null),
      barriers: z.array(z.enum(DIRECTORY_BARRIERS)).min(1, 'Select at least one barrier the service helps with'),
      offerTypes: z.array(z.enum(OFFER_TYPES)).min(1, 'Select at least one type of help'),
      areas: z.array(z.enum(SERVICE_AREAS)).min(1, 'Select where the service works'),
      languages: z
        .string()
        .max(500, 'Languages must be 500 characters or fewer')
        .transform((v, ctx) => {
          const result = parseLanguageList(v, serviceLanguages)
          if (result.ok) return result.codes
          ctx.addIssue({
            code: 'custom',
            message: `We could not find a language called ${result.unknown[0]}. Enter language names like Turkish, Polish, Yiddish, separated by commas`
          })
          return z.NEVER
        }),
      delivery: z
        .array(z.enum(DELIVERY_MODES, { message: 'Select how people use the service from the list' }))
        .transform(deliveryModes),
      eligibility: z.string().max(1000, 'Eligibility must be 1000 characters or fewer'),
      minimumAge: age('Minimum age'),
      maximumAge: age('Maximum age'),
      audience: z.enum(['patients', 'staff'], { message: 'Select who the service is for' }),
      phone: z
        .string()
        .refine((v) => v === '' || normalisePhone(v) !== null, PHONE_ERROR)
        .transform((v) => (v === '' ? null : normalisePhone(v))),
      phoneDescription: z.string().max(100, 'What the line is for must be 100 characters or fewer'),
      venueName: z.string().max(200, 'Venue name must be 200 characters or fewer'),
      venueAddress: z.string().max(300, 'Address must be 300 characters or fewer'),
      venuePostcode: z
        .string()
        .refine((v) => v === '' || normalisePostcode(v) !== null, 'Enter a real postcode, like E8 1DY')
        .transform((v) => (v === '' ? null : normalisePostcode(v))),
      openingTimes: z.string().max(500, 'Opening times must be 500 characters or fewer'),
      verified: z
        .enum(['yes', 'no'], { message: 'Select yes if you have checked the details with the service' })
        .transform((v) => v === 'yes')
    })
    .superRefine((v, ctx) => {
      if (v.minimumAge !== undefined && v.maximumAge !== undefined && v.minimumAge > v.maximumAge)
        ctx.addIssue({
          code: 'custom',
          path: ['maximumAge'],
          message: 'Maximum age must be the same as or more than the minimum age'
        })
      if ((v.venueName || v.venuePostcode) && !v.venueAddress)
        ctx.addIssue({ code: 'custom', path: ['venueAddress'], message: 'Enter the address of the venue' })
      if (v.phoneDescription && !v.phone)
        ctx.addIssue({
          code: 'custom',
          path: ['phone'],
          message: 'Enter the phone number, or leave what it is for blank'
        })
    })
    .transform(
      ({ phone, phoneDescription, venueName, venueAddress, venuePostcode, openingTimes, ...rest }): ServiceDetails => ({
        ...rest,
        phone: phone ? { number: phone, description: phoneDescription.trim() || null } : null,
        venue: venueAddress ? { name: venueName.trim(), address: venueAddress.trim(), postcode: venuePostcode } : null,
        openingTimes: openingTimes.trim() || null
      })
    )

export function serviceFormValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return {
    name: text(b.name),
    organisationName: text(b.organisationName),
    description: text(b.description),
    url: text(b.url),
    email: text(b.email),
    barriers: list(b.barriers),
    offerTypes: list(b.offerTypes),
    areas: list(b.areas),
    languages: text(b.languages),
    delivery: list(b.delivery),
    eligibility: text(b.eligibility),
    minimumAge: text(b.minimumAge),
    maximumAge: text(b.maximumAge),
    audience: text(b.audience),
    phone: text(b.phone),
    phoneDescription: text(b.phoneDescription),
    venueName: text(b.venueName),
    venueAddress: text(b.venueAddress),
    venuePostcode: text(b.venuePostcode),
    openingTimes: text(b.openingTimes),
    verified: text(b.verified)
  }
}
export type ServiceFormValues = ReturnType<typeof serviceFormValues>

export const publicFilterSchema = z.object({
  barrier: z.enum(DIRECTORY_BARRIERS).optional().catch(undefined),
  offerType: z.enum(OFFER_TYPES).optional().catch(undefined),
  area: z.enum(SERVICE_AREAS).optional().catch(undefined),
  /** A postcode as typed; the search keeps services that work there. */
  postcode: z
    .string()
    .trim()
    .transform((v) => v.slice(0, 20))
    .optional()
    .catch(undefined),
  /** A language code or name as typed ("tr", "Turkish", "Türkçe"); the route finds the code. */
  language: z
    .string()
    .trim()
    .transform((v) => v.slice(0, 100))
    .optional()
    .catch(undefined)
})
export type PublicFilter = z.infer<typeof publicFilterSchema>
