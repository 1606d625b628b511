/**
 * What staff enter about a service (the directory form), and the service it makes. Fields the form
 * does not have (further venues and phones, contacts, schedules, cost, the ORUK organisation) are kept from the
 * existing service when it is changed. Pure: `today` comes in as a value.
 */
import type { DeliveryMode, DirectoryService } from './service.js'

export interface ServiceDetails {
  name: string
  organisationName: string
  description: string
  url: string | null
  email: string | null
  barriers: string[]
  offerTypes: string[]
  areas: string[]
  languages: string[]
  /** How people use it; empty when the person did not say. */
  delivery: DeliveryMode[]
  /** Free text; '' when not stated. */
  eligibility: string
  minimumAge: number | undefined
  maximumAge: number | undefined
  audience: 'patients' | 'staff'
  /** A phone number people can ring, and what the line is for; null when not given. */
  phone: { number: string; description: string | null } | null
  /** The venue people go to; null when not given. */
  venue: { name: string; address: string; postcode: string | null } | null
  /** Opening times in words; null when not given. */
  openingTimes: string | null
  /** True when the person has just checked the details with the service. */
  verified: boolean
}

export function serviceFromDetails(
  id: string,
  details: ServiceDetails,
  existing: DirectoryService | null,
  today: string
): DirectoryService {
  return {
    id,
    name: details.name,
    organisationName: details.organisationName,
    organisationId: existing?.organisationId ?? null,
    organisationDescription: existing?.organisationDescription ?? null,
    description: details.description,
    url: details.url,
    email: details.email,
    status: existing?.status ?? 'active',
    barriers: details.barriers,
    offerTypes: details.offerTypes,
    languages: details.languages,
    areas: details.areas,
    delivery: details.delivery,
    eligibility: {
      text: details.eligibility || undefined,
      minimumAge: details.minimumAge,
      maximumAge: details.maximumAge,
      audience: details.audience,
      requiresBenefits: existing?.eligibility.requiresBenefits
    },
    cost: existing?.cost ?? null,
    // The form edits the first phone and the first venue; any others (from an import) are kept after them.
    locations: [...(details.venue ? [details.venue] : []), ...(existing?.locations.slice(1) ?? [])],
    contacts: existing?.contacts ?? [],
    schedules: existing?.schedules ?? [],
    phones: [...(details.phone ? [details.phone] : []), ...(existing?.phones.slice(1) ?? [])],
    openingTimes: details.openingTimes,
    verified: details.verified,
    lastVerifiedOn: details.verified ? today : (existing?.lastVerifiedOn ?? null),
    source: existing?.source ?? 'Added by staff'
  }
}
