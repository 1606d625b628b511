/**
 * Referral route schemas (zod): params for the type provider (a failure is the NHS 404 page), and
 * the form bodies, parsed in the handlers with `parseForm` so that a mistake re-renders the page.
 */
import { z } from 'zod'
import { CONSENT_SCOPES } from '../../../domain/referrals/consent.js'
import { STATUSES, parseStep, type Status, type Step } from '../../../domain/referrals/status-lifecycle.js'
import { formErrors, list, parseForm, text } from '../../form-errors.js'
import { uuid } from '../../schemas.js'

export const patientParams = z.object({ patientId: uuid })
export const referralParams = z.object({ referralId: uuid })
/** Lenient: any short string, so that an unknown or malformed token gets the same 404 as an expired one. */
export const partnerParams = z.object({ token: z.string().max(200) })

const referralFormSchema = z.object({
  serviceId: z.string().min(1, 'Select a service to refer to'),
  consent: z
    .enum(['yes', 'no'], { message: 'Select yes if the patient agrees to the referral' })
    .refine((v) => v === 'yes', "You cannot refer without the patient's consent. Ask the patient, or do not refer"),
  consentScope: z.array(z.enum(CONSENT_SCOPES)),
  channel: z.enum(['email', 'letter'], { message: 'Select how to send the referral' })
})

export interface ReferralFormValues {
  serviceId: string
  consent: string
  consentScope: string[]
  channel: string
}

export const emptyReferralForm: ReferralFormValues = { serviceId: '', consent: '', consentScope: [], channel: '' }

export function referralFormValues(body: unknown): ReferralFormValues {
  const b = (body ?? {}) as Record<string, unknown>
  return {
    serviceId: text(b.serviceId),
    consent: text(b.consent),
    consentScope: list(b.consentScope),
    channel: text(b.channel)
  }
}

/** Consent scope is checked whatever else is wrong, so every error shows at once. */
export function validateReferralForm(values: ReferralFormValues) {
  const parsed = parseForm(referralFormSchema, values)
  const scopeMissing = values.consent === 'yes' && values.consentScope.length === 0
  if (!scopeMissing) return parsed
  const scopeError = { field: 'consentScope', text: 'Select what the patient agrees to share with the service' }
  const earlier = parsed.ok ? [] : parsed.errors.list.map((e) => ({ field: e.href.slice(1), text: e.text }))
  const order = ['serviceId', 'consent', 'consentScope', 'channel']
  const all = [...earlier, scopeError].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
  return { ok: false as const, errors: formErrors(all) }
}

/**
 * The status form: the step chosen (null when none or unknown) and the status the page showed
 * (`version`), so that a change made from a page someone else has since changed is a conflict.
 */
export function stepFormValues(body: unknown): {
  step: Step | null
  /** The radio value as sent, so that the form comes back with it chosen. */
  stepValue: string
  version: Status | undefined
  /** The optional note, as typed (checked by the use case). */
  stepNote: string
} {
  const b = (body ?? {}) as Record<string, unknown>
  const version = text(b.version)
  return {
    step: parseStep(text(b.step)),
    stepValue: text(b.step),
    version: (STATUSES as readonly string[]).includes(version) ? (version as Status) : undefined,
    stepNote: typeof b.stepNote === 'string' ? b.stepNote : ''
  }
}

/** The note form: the note as typed (checked by the use case, so that every entry point checks the same). */
export function noteFormValues(body: unknown): { note: string } {
  const b = (body ?? {}) as Record<string, unknown>
  return { note: typeof b.note === 'string' ? b.note : '' }
}

/** What the referral page's two forms hold when it comes back with an error. */
export interface ReferralPageValues {
  step: string
  stepNote: string
  note: string
}
export const emptyReferralPage: ReferralPageValues = { step: '', stepNote: '', note: '' }
