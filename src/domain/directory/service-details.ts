/**
 * What staff enter about a service (the directory form), and the service it makes. Fields the form
 * does not have (locations, contacts, schedules, cost, the ORUK organisation) are kept from the
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
    locations: existing?.locations ?? [],
    contacts: existing?.contacts ?? [],
    schedules: existing?.schedules ?? [],
    verified: details.verified,
    lastVerifiedOn: details.verified ? today : (existing?.lastVerifiedOn ?? null),
    source: existing?.source ?? 'Added by staff'
  }
}
