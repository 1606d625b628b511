/**
 * Suggests support services for a patient, best first, each with plain-English reasons.
 * Pure: the caller passes the patient's barrier profile and details, and the services.
 *
 * Never suggested: retired services, services not verified (the shared directory's README says not
 * to refer automatically to them), services for staff, and services the patient is not eligible
 * for (age outside the range, area not covering the patient's postcode, benefits required when the
 * patient is known not to receive them). A service must help with at least one of the patient's
 * barriers (some or high).
 *
 * Score: each matched barrier scores 3 when high and 1 when some; +1 more when the service has an
 * offer type aimed at that barrier. Language: +2 when the service works in the patient's language,
 * or +1 when it offers language help (translation or a language barrier focus) and the patient
 * needs an interpreter or has a language barrier. Distance: +1 when a venue is in the patient's
 * postcode district, +0.5 for a local (borough) service over a national one.
 */
import { BARRIER_LABELS, OFFER_PHRASES, type ServiceEligibility } from '../directory/service.js'
import { areasForDistrict, postcodeDistrict } from './postcode-area.js'
import { ageOn } from '../shared/dates.js'

export type Level = 'none' | 'some' | 'high' | 'unknown'

export interface PatientForMatching {
  barriers: Partial<Record<string, Level>>
  /** ISO 639 code of the main language, or null. */
  language: string | null
  interpreterNeeded: boolean
  age: number | null
  postcode: string | null
  /** Whether the patient receives means-tested benefits, when known. */
  receivesBenefits?: boolean | null
}

export interface ServiceForMatching {
  id: string
  name: string
  status: string
  verified: boolean
  barriers: readonly string[]
  offerTypes: readonly string[]
  languages: readonly string[]
  areas: readonly string[]
  eligibility: ServiceEligibility
  locations: readonly { postcode: string | null }[]
}

export interface Suggestion {
  serviceId: string
  name: string
  score: number
  reasons: string[]
}

/** Offer types aimed at each barrier. */
export const OFFERS_FOR_BARRIER: Record<string, readonly string[]> = {
  access: ['device', 'data/connectivity', 'assisted digital'],
  skills: ['skills training', 'one-to-one help', 'phone support'],
  motivation: ['one-to-one help', 'skills training'],
  trust: ['one-to-one help', 'assisted digital'],
  accessibility: ['phone support', 'one-to-one help', 'translation'],
  language: ['translation', 'assisted digital'],
  support: ['one-to-one help', 'assisted digital']
}

const LEVEL_POINTS: Record<Level, number> = { high: 3, some: 1, none: 0, unknown: 0 }

/** Why a service is left out, or null when it may be suggested. */
export function exclusion(patient: PatientForMatching, service: ServiceForMatching): string | null {
  if (service.status !== 'active') return 'retired'
  if (!service.verified) return 'not verified'
  if (service.eligibility.audience === 'staff') return 'for staff'
  const { minimumAge, maximumAge, requiresBenefits } = service.eligibility
  if (patient.age !== null && minimumAge !== undefined && patient.age < minimumAge) return 'too young'
  if (patient.age !== null && maximumAge !== undefined && patient.age > maximumAge) return 'too old'
  if (requiresBenefits && patient.receivesBenefits === false) return 'benefits required'
  const district = postcodeDistrict(patient.postcode)
  if (district && service.areas.length && !service.areas.some((a) => areasForDistrict(district).includes(a)))
    return 'outside area'
  return null
}

/** Scores one service for a patient; null when it is not suggested. */
export function scoreService(patient: PatientForMatching, service: ServiceForMatching): Suggestion | null {
  if (exclusion(patient, service)) return null
  let score = 0
  const reasons: string[] = []
  const ordered = [...service.barriers].sort(
    (a, b) => LEVEL_POINTS[patient.barriers[b] ?? 'unknown'] - LEVEL_POINTS[patient.barriers[a] ?? 'unknown']
  )
  for (const barrier of ordered) {
    const level = patient.barriers[barrier] ?? 'unknown'
    const points = LEVEL_POINTS[level]
    if (!points) continue
    score += points
    const label = BARRIER_LABELS[barrier] ?? barrier
    const strength = level === 'high' ? 'high ' : ''
    const offer = service.offerTypes.find((o) => OFFERS_FOR_BARRIER[barrier]?.includes(o))
    if (offer) {
      score += 1
      reasons.push(`${OFFER_PHRASES[offer] ?? offer}, which matches the patient's ${strength}${label} barrier`)
    } else {
      reasons.push(`Helps people with ${label} barriers, which the patient has${level === 'high' ? ' (high)' : ''}`)
    }
  }
  if (score === 0) return null

  const needsLanguageHelp =
    patient.interpreterNeeded ||
    (patient.language !== null && patient.language !== 'en') ||
    LEVEL_POINTS[patient.barriers.language ?? 'unknown'] > 0
  if (patient.language && patient.language !== 'en' && service.languages.includes(patient.language)) {
    score += 2
    reasons.push(`Works in the patient's language (${patient.language})`)
  } else if (
    needsLanguageHelp &&
    (service.offerTypes.includes('translation') || service.barriers.includes('language'))
  ) {
    score += 1
    reasons.push('Offers help with language or interpreting, which the patient needs')
  }

  const district = postcodeDistrict(patient.postcode)
  if (district && service.locations.some((l) => postcodeDistrict(l.postcode) === district)) {
    score += 1
    reasons.push(`Has a venue in the patient's postcode district (${district})`)
  } else if (
    district &&
    service.areas.some((a) => a !== 'national' && a !== 'London' && areasForDistrict(district).includes(a))
  ) {
    score += 0.5
    reasons.push("A local service in the patient's borough")
  }
  if (service.eligibility.requiresBenefits && patient.receivesBenefits == null)
    reasons.push('Check eligibility: only for people receiving benefits')
  return { serviceId: service.id, name: service.name, score, reasons }
}

/** Ranked suggestions: highest score first, then name (so ties are stable). */
export function rankServices(
  patient: PatientForMatching,
  services: readonly ServiceForMatching[],
  limit = 5
): Suggestion[] {
  const out: Suggestion[] = []
  for (const service of services) {
    const s = scoreService(patient, service)
    if (s) out.push(s)
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit)
}

/** Whole years between a date of birth and today (both ISO dates); null when the date of birth is unknown. */
export function ageOrNull(dateOfBirth: string | null, today: string): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, today) : null
}
