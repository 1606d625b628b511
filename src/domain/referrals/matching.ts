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
 * Matching is by the reason, not only the barrier category (`needs`, from the screening answers):
 * - access: someone who cannot afford data, or has a device but no connection, is matched to free data and
 *   connectivity; someone with no device to device schemes. A service with neither offer gets no access points.
 * - someone who would rather not go online, or cannot get online, is never offered an online-only service.
 * - the patient's spoken languages (main and interpreter language) are matched to the service's languages.
 * Freshness: a service not checked for 12 months is still suggested (the directory's checks are often older
 * than that) but ranked lower, with a plain warning to check it still runs before referring.
 *
 * Score: each matched barrier scores 3 when high and 1 when some; +1 more when the service has an
 * offer type aimed at that barrier. Language: +2 when the service works in the patient's language,
 * or +1 when it offers language help (translation or a language barrier focus) and the patient
 * needs an interpreter or has a language barrier. Distance: +1 when a venue is in the patient's
 * postcode district, +0.5 for a local (borough) service over a national one.
 */
import { BARRIER_LABELS, isDueForReview, OFFER_PHRASES, type ServiceEligibility } from '../directory/service.js'
import { areasForDistrict, postcodeDistrict } from './postcode-area.js'
import { ageOn } from '../shared/dates.js'
import { languageName } from '../shared/languages.js'

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
  /** Why the barriers are there, from the screening answers; without it matching is by barrier only. */
  needs?: MatchingNeeds
}

/** The reasons behind the barriers that change which service fits (matchingNeeds in matching-needs.ts). */
export interface MatchingNeeds {
  /** No smartphone, tablet or computer. */
  noDevice: boolean
  /** Cannot afford, or finds it hard to afford, data or bills. */
  cannotAfford: boolean
  /** Has a device but no way to get online. */
  noConnection: boolean
  /** Would rather not use the internet for their health. */
  prefersOffline: boolean
  /** ISO 639 codes of the languages the patient speaks besides English (main and interpreter language). */
  languages: readonly string[]
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
  /** How people use it: 'in_person', 'phone', 'online'; empty when not known. */
  delivery?: readonly string[]
  /** ISO date the entry was last checked; null when never. */
  lastVerifiedOn?: string | null
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

/** The service can only be used online (its delivery modes are known and are all 'online'). */
export function onlineOnly(service: Pick<ServiceForMatching, 'delivery'>): boolean {
  const delivery = service.delivery ?? []
  return delivery.length > 0 && delivery.every((d) => d === 'online')
}

/** Why a service is left out, or null when it may be suggested. */
export function exclusion(patient: PatientForMatching, service: ServiceForMatching): string | null {
  if (service.status !== 'active') return 'retired'
  if (!service.verified) return 'not verified'
  if (service.eligibility.audience === 'staff') return 'for staff'
  const { minimumAge, maximumAge, requiresBenefits } = service.eligibility
  if (patient.age !== null && minimumAge !== undefined && patient.age < minimumAge) return 'too young'
  if (patient.age !== null && maximumAge !== undefined && patient.age > maximumAge) return 'too old'
  if (requiresBenefits && patient.receivesBenefits === false) return 'benefits required'
  const needs = patient.needs
  if (needs && onlineOnly(service)) {
    if (needs.prefersOffline) return 'online only, and the patient would rather not go online'
    const providesAccess = service.offerTypes.includes('device') || service.offerTypes.includes('data/connectivity')
    if ((needs.noDevice || needs.noConnection) && !providesAccess)
      return 'online only, and the patient cannot get online'
  }
  const district = postcodeDistrict(patient.postcode)
  if (district && service.areas.length && !service.areas.some((a) => areasForDistrict(district).includes(a)))
    return 'outside area'
  return null
}

/** For the access barrier with known reasons: the offers that answer them, with the reason in words. */
function accessOffers(needs: MatchingNeeds): { offer: string; why: string }[] {
  const offers: { offer: string; why: string }[] = []
  if (needs.noDevice) offers.push({ offer: 'device', why: 'has no smartphone, tablet or computer' })
  if (needs.cannotAfford) offers.push({ offer: 'data/connectivity', why: 'cannot always afford data or bills' })
  if (needs.noConnection && !needs.noDevice) offers.push({ offer: 'data/connectivity', why: 'cannot get online' })
  return offers
}

/** Scores one service for a patient; null when it is not suggested. */
export function scoreService(
  patient: PatientForMatching,
  service: ServiceForMatching,
  today?: string
): Suggestion | null {
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
    const label = BARRIER_LABELS[barrier] ?? barrier
    const strength = level === 'high' ? 'high ' : ''
    const byReason = barrier === 'access' && patient.needs ? accessOffers(patient.needs) : null
    if (byReason && byReason.length > 0) {
      const fit = byReason.find((o) => service.offerTypes.includes(o.offer))
      if (!fit) continue
      score += points + 1
      reasons.push(`${OFFER_PHRASES[fit.offer] ?? fit.offer}, for a patient who ${fit.why}`)
      continue
    }
    score += points
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
  const spoken = [
    ...new Set([
      ...(patient.language && patient.language !== 'en' ? [patient.language] : []),
      ...(patient.needs?.languages ?? [])
    ])
  ]
  const shared = spoken.find((l) => service.languages.includes(l))
  if (shared) {
    score += 2
    reasons.push(`Works in ${languageName(shared)}, the patient's language`)
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
  if (today !== undefined && isStale(service, today)) {
    score -= 1
    reasons.push(
      service.lastVerifiedOn
        ? `Last checked ${service.lastVerifiedOn}, over 12 months ago: check it still runs before referring`
        : 'Never checked: check it still runs before referring'
    )
  }
  return { serviceId: service.id, name: service.name, score, reasons }
}

/** Not checked for 12 months or more (the directory's review interval, isDueForReview). */
function isStale(service: ServiceForMatching, today: string): boolean {
  return isDueForReview({ lastVerifiedOn: service.lastVerifiedOn ?? null }, today)
}

/** Ranked suggestions: highest score first, then name (so ties are stable). */
export function rankServices(
  patient: PatientForMatching,
  services: readonly ServiceForMatching[],
  limit = 5,
  today?: string
): Suggestion[] {
  const out: Suggestion[] = []
  for (const service of services) {
    const s = scoreService(patient, service, today)
    if (s) out.push(s)
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit)
}

/** Whole years between a date of birth and today (both ISO dates); null when the date of birth is unknown. */
export function ageOrNull(dateOfBirth: string | null, today: string): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, today) : null
}
