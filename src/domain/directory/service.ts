/**
 * A support service in the directory, in our own words (camelCase). Barriers and offer types
 * are the shared directory's vocabulary (REACH_SHARED_DATA/screening/digital-support-directory.json `fields`).
 */
import { BARRIERS, type Barrier } from '../shared/barriers.js'

/** The directory tags services with the same seven barriers that screening scores. */
export const DIRECTORY_BARRIERS = BARRIERS
export type DirectoryBarrier = Barrier

export const OFFER_TYPES = [
  'device',
  'data/connectivity',
  'skills training',
  'one-to-one help',
  'phone support',
  'assisted digital',
  'translation'
] as const
export type OfferType = (typeof OFFER_TYPES)[number]

/** Where a service works. 'national' covers everyone; the others are matched by postcode district. */
export const SERVICE_AREAS = ['national', 'London', 'Hackney', 'City'] as const
export type ServiceArea = (typeof SERVICE_AREAS)[number]

/** How people use a service: go somewhere (or are visited), ring, or go online. A service may do several. */
export const DELIVERY_MODES = ['in_person', 'phone', 'online'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]

/** Labels for the staff form's checkboxes. */
export const DELIVERY_LABELS: Record<DeliveryMode, string> = {
  in_person: 'In person',
  phone: 'By phone',
  online: 'Online'
}

/** Phrases for a sentence ("How to use it: in person, by phone"). */
export const DELIVERY_PHRASES: Record<DeliveryMode, string> = {
  in_person: 'in person',
  phone: 'by phone',
  online: 'online'
}

export const isDeliveryMode = (value: string): value is DeliveryMode =>
  (DELIVERY_MODES as readonly string[]).includes(value)

/** Known delivery modes, once each, in the order of DELIVERY_MODES (unknown values are dropped). */
export function deliveryModes(values: readonly string[]): DeliveryMode[] {
  return DELIVERY_MODES.filter((mode) => values.includes(mode))
}

/** "in person, by phone"; '' when not known. */
export function deliveryText(delivery: readonly DeliveryMode[]): string {
  return deliveryModes(delivery)
    .map((d) => DELIVERY_PHRASES[d])
    .join(', ')
}

export interface ServiceEligibility {
  /** Free text shown to staff and patients. */
  text?: string | undefined
  minimumAge?: number | undefined
  maximumAge?: number | undefined
  /** 'patients' (refer people to it) or 'staff' (support for staff and volunteers: never suggested). */
  audience?: 'patients' | 'staff' | undefined
  /** True when the service is only for people receiving means-tested benefits. */
  requiresBenefits?: boolean | undefined
}

export interface ServiceLocation {
  name: string
  address: string
  postcode: string | null
}
export interface ServiceContact {
  name: string
  email: string | null
}
/** A phone number for the service and what the line is for ("Helpline", "Bookings"). */
export interface ServicePhone {
  number: string
  description: string | null
}

export interface ServiceSchedule {
  weekday: string
  opensAt: string
  closesAt: string
}

export interface DirectoryService {
  id: string
  name: string
  organisationName: string
  organisationId: string | null
  organisationDescription: string | null
  description: string
  url: string | null
  email: string | null
  status: 'active' | 'retired'
  barriers: string[]
  offerTypes: string[]
  /** ISO 639 codes of the languages the service is delivered in (besides English). */
  languages: string[]
  areas: string[]
  /** How people use it; empty when not known. */
  delivery: DeliveryMode[]
  eligibility: ServiceEligibility
  cost: string | null
  locations: ServiceLocation[]
  contacts: ServiceContact[]
  schedules: ServiceSchedule[]
  /** Phone numbers people can ring (shown first to people who are not online); empty when not known. */
  phones: ServicePhone[]
  /** Opening times in words; null when not known. */
  openingTimes: string | null
  verified: boolean
  lastVerifiedOn: string | null
  source: string | null
}

/** Plain-English phrases for offer types, used in reasons and on the public page. */
export const OFFER_PHRASES: Record<string, string> = {
  device: 'Offers free or loaned devices',
  'data/connectivity': 'Offers free mobile data or internet access',
  'skills training': 'Offers digital skills training',
  'one-to-one help': 'Offers one-to-one help',
  'phone support': 'Offers help by phone',
  'assisted digital': 'Offers help to do things online with someone',
  translation: 'Offers translated or easy read information'
}

export const BARRIER_LABELS: Record<string, string> = {
  access: 'access (device or internet)',
  skills: 'skills',
  motivation: 'motivation',
  trust: 'trust',
  accessibility: 'accessibility',
  language: 'language',
  support: 'support from others'
}

/** Services not verified for 12 months or more are due for review. */
export function isDueForReview(service: Pick<DirectoryService, 'lastVerifiedOn'>, today: string): boolean {
  if (!service.lastVerifiedOn) return true
  const year = Number(today.slice(0, 4)) - 1
  return service.lastVerifiedOn <= `${year}${today.slice(4)}`
}

export interface Freshness {
  /** ISO date the details were last checked with the service; null when never. */
  lastCheckedOn: string | null
  /** Not checked for 12 months or more, or never (isDueForReview). */
  dueForReview: boolean
}

/**
 * How fresh a service's details are, for pages: "Last checked: {date}" (or "Not checked yet") and a
 * "Due for review" tag. Pages never call a service checked or verified when it is due for review.
 */
export function freshness(service: Pick<DirectoryService, 'lastVerifiedOn'>, today: string): Freshness {
  return { lastCheckedOn: service.lastVerifiedOn ?? null, dueForReview: isDueForReview(service, today) }
}
