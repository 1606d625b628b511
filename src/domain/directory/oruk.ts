/**
 * Open Referral UK (HSDS-UK) service objects to and from our directory services.
 * Import accepts the ORUK service shape (id, name, description, url, email, status, organization,
 * service_areas, languages, eligibilitys, cost_options, service_at_locations with postcodes,
 * contacts, regular_schedules, and taxonomy terms as `attributes` or `service_taxonomys`), or an
 * entry of the shared Reach directory file (Reach metadata plus an `oruk` object).
 * Reach-only metadata (verified, last verified date, source, audience) travels in `x_reach`,
 * which ORUK readers ignore. Every problem is reported with the record's index and field.
 * How people use a service (in person, by phone, online) is a taxonomy of service attributes, like
 * barriers and offer types; a term that is not one of those three is a problem, not dropped.
 */
import { z } from 'zod'
import { DELIVERY_MODES, deliveryModes, isDeliveryMode, type DirectoryService } from './service.js'

export const BARRIER_TAXONOMY = 'reach-digital-inclusion-barrier'
export const OFFER_TAXONOMY = 'reach-digital-inclusion-offer-type'
export const DELIVERY_TAXONOMY = 'reach-delivery-mode'
const DELIVERY_LIST = DELIVERY_MODES.join(', ')

/** ORUK service_areas names and our areas. */
const AREA_NAMES: Record<string, string> = {
  national: 'United Kingdom',
  London: 'London',
  Hackney: 'London Borough of Hackney',
  City: 'City of London'
}
const areaFromName = (name: string): string =>
  Object.entries(AREA_NAMES).find(([, n]) => n.toLowerCase() === name.toLowerCase())?.[0] ?? name

const text = z.string().trim()
const optionalText = z.string().trim().max(500, 'must be 500 characters or fewer').nullish()
const term = z.object({ name: text.min(1), taxonomy: text.optional(), vocabulary: text.optional() })

/**
 * The limits of the staff form apply to every entry point (security finding 17): an id a URL can
 * hold, the form's lengths for names and the description, and web addresses only over http(s)
 * (finding 8: a `javascript:` URL would become a link on public pages).
 */
export const DIRECTORY_LIMITS = { id: 100, name: 200, description: 2000, text: 500 } as const
const webAddress = z
  .string()
  .trim()
  .max(DIRECTORY_LIMITS.text, `url must be ${DIRECTORY_LIMITS.text} characters or fewer`)
  .regex(/^https?:\/\/[^\s]+$/i, 'url must be a web address starting with http:// or https://')

export const orukServiceSchema = z.object({
  id: text
    .min(1, 'id is required')
    .max(DIRECTORY_LIMITS.id, `id must be ${DIRECTORY_LIMITS.id} characters or fewer`)
    .regex(/^[A-Za-z0-9._:-]+$/, 'id may use only letters, digits, dots, colons, hyphens and underscores'),
  name: text
    .min(1, 'name is required')
    .max(DIRECTORY_LIMITS.name, `name must be ${DIRECTORY_LIMITS.name} characters or fewer`),
  description: text
    .min(1, 'description is required')
    .max(DIRECTORY_LIMITS.description, `description must be ${DIRECTORY_LIMITS.description} characters or fewer`),
  url: webAddress.nullish().or(z.literal('')),
  email: z.string().trim().email('email must be an email address').nullish().or(z.literal('')),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed'], {
    message: 'status must be active, inactive, defunct or temporarily closed'
  }),
  organization: z.object({
    id: optionalText,
    name: text
      .min(1, 'organization.name is required')
      .max(DIRECTORY_LIMITS.name, `organization.name must be ${DIRECTORY_LIMITS.name} characters or fewer`),
    description: optionalText
  }),
  service_areas: z.array(z.object({ name: text.min(1) })).default([]),
  languages: z.array(z.object({ code: optionalText, name: optionalText, language: optionalText })).default([]),
  eligibilitys: z
    .array(
      z.object({
        eligibility: optionalText,
        minimum_age: z.number().int().min(0).nullish(),
        maximum_age: z.number().int().min(0).nullish()
      })
    )
    .default([]),
  cost_options: z
    .array(z.object({ option: optionalText, amount: z.number().nullish(), amount_description: optionalText }))
    .default([]),
  service_at_locations: z
    .array(
      z.object({
        location: z.object({
          name: optionalText,
          physical_addresses: z
            .array(z.object({ address_1: optionalText, city: optionalText, postal_code: optionalText }))
            .default([])
        })
      })
    )
    .default([]),
  contacts: z.array(z.object({ name: optionalText, title: optionalText, email: optionalText })).default([]),
  regular_schedules: z
    .array(z.object({ weekday: text.optional(), byday: text.optional(), opens_at: text, closes_at: text }))
    .default([]),
  /** HSDS 3.0 phones (the UK profile leaves them out; Reach reads and writes them so they are not lost). */
  phones: z
    .array(
      z.object({
        number: text
          .min(1, 'phones[].number is required')
          .max(30, 'phones[].number must be 30 characters or fewer')
          .regex(/^\+?[0-9 ()-]{6,30}$/, 'phones[].number must be a phone number of digits and spaces'),
        description: optionalText
      })
    )
    .default([]),
  /** HSDS 3.0 schedules: only the description in words is read ("Mondays, 10am to 1pm"). */
  schedules: z.array(z.object({ description: optionalText })).default([]),
  attributes: z.array(z.object({ taxonomy_term: term })).default([]),
  service_taxonomys: z.array(z.object({ taxonomy: term })).default([]),
  x_reach: z
    .object({
      verified: z.boolean().default(false),
      last_verified_on: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'x_reach.last_verified_on must be YYYY-MM-DD')
        .nullish(),
      source: optionalText,
      audience: z.enum(['patients', 'staff']).nullish(),
      requires_benefits: z.boolean().nullish()
    })
    .optional()
})

export type OrukService = z.input<typeof orukServiceSchema>

export interface ImportProblem {
  index: number
  field: string
  message: string
}
export interface ImportResult {
  services: DirectoryService[]
  problems: ImportProblem[]
}

/** A shared-directory entry: Reach metadata around an ORUK object. */
const sharedEntrySchema = z.object({
  area: z.string().optional(),
  barriers: z.array(z.string()).optional(),
  offerTypes: z.array(z.string()).optional(),
  eligibility: z.string().optional(),
  audience: z.enum(['patients', 'staff']).optional(),
  verified: z.boolean().optional(),
  sourceDate: z.string().optional(),
  source: z.array(z.string()).optional(),
  /** Added by Reach from each entry's description, not from its sources (see reference/README.md). */
  delivery: z.array(z.string()).optional(),
  oruk: z.record(z.string(), z.unknown())
})

/** The last year named in a source date ("2020-2023" → 2023-12-31), as the last verified date. */
function verifiedOnFromSourceDate(sourceDate: string | undefined): string | null {
  const years = (sourceDate ?? '').match(/\d{4}/g)
  return years?.length ? `${years[years.length - 1]}-12-31` : null
}

/** Turns a shared-directory entry into a plain ORUK object carrying our metadata in x_reach. */
function sharedEntryToOruk(entry: z.infer<typeof sharedEntrySchema>): Record<string, unknown> {
  const oruk = { ...entry.oruk }
  if (entry.eligibility && !oruk.eligibilitys) oruk.eligibilitys = [{ eligibility: entry.eligibility }]
  if (entry.delivery?.length) {
    const attributes = Array.isArray(oruk.attributes) ? oruk.attributes : []
    oruk.attributes = [
      ...attributes,
      ...entry.delivery.map((name) => ({ taxonomy_term: { name, taxonomy: DELIVERY_TAXONOMY } }))
    ]
  }
  const verified = entry.verified ?? false
  oruk.x_reach = {
    verified,
    last_verified_on: verified ? verifiedOnFromSourceDate(entry.sourceDate) : null,
    source: entry.source?.join(' ') ?? null,
    audience: entry.audience ?? 'patients'
  }
  return oruk
}

/** Strips the eligibility text the shared file appends to ORUK descriptions (see its orukMapping). */
function descriptionWithoutEligibility(description: string, eligibility: string | undefined): string {
  if (!eligibility) return description
  const suffix = ` Eligibility: ${eligibility}`
  return description.endsWith(suffix) ? description.slice(0, -suffix.length) : description
}

export function orukToService(o: z.infer<typeof orukServiceSchema>): DirectoryService {
  const terms = [...o.attributes.map((a) => a.taxonomy_term), ...o.service_taxonomys.map((s) => s.taxonomy)]
  const termsOf = (taxonomy: string) => [
    ...new Set(terms.filter((t) => (t.taxonomy ?? t.vocabulary) === taxonomy).map((t) => t.name))
  ]
  const eligibility = o.eligibilitys[0]
  const eligibilityText =
    o.eligibilitys
      .map((e) => e.eligibility)
      .filter(Boolean)
      .join(' ') || undefined
  return {
    id: o.id,
    name: o.name,
    organisationName: o.organization.name,
    organisationId: o.organization.id ?? null,
    organisationDescription: o.organization.description ?? null,
    description: descriptionWithoutEligibility(o.description, eligibilityText),
    url: o.url || null,
    email: o.email || null,
    status: o.status === 'active' ? 'active' : 'retired',
    barriers: termsOf(BARRIER_TAXONOMY),
    offerTypes: termsOf(OFFER_TAXONOMY),
    languages: [
      ...new Set(o.languages.map((l) => l.code ?? l.language ?? l.name).filter((l): l is string => Boolean(l)))
    ],
    areas: o.service_areas.map((a) => areaFromName(a.name)),
    delivery: deliveryModes(termsOf(DELIVERY_TAXONOMY)),
    eligibility: {
      text: eligibilityText,
      minimumAge: eligibility?.minimum_age ?? undefined,
      maximumAge: eligibility?.maximum_age ?? undefined,
      audience: o.x_reach?.audience ?? 'patients',
      requiresBenefits: o.x_reach?.requires_benefits ?? undefined
    },
    cost:
      o.cost_options
        .map((c) => c.option ?? c.amount_description)
        .filter(Boolean)
        .join('; ') || null,
    locations: o.service_at_locations.flatMap((sal) => {
      const address = sal.location.physical_addresses[0]
      return [
        {
          name: sal.location.name ?? '',
          address: [address?.address_1, address?.city].filter(Boolean).join(', '),
          postcode: address?.postal_code ?? null
        }
      ]
    }),
    contacts: o.contacts.map((c) => ({ name: c.name ?? c.title ?? '', email: c.email ?? null })),
    schedules: o.regular_schedules.map((s) => ({
      weekday: s.weekday ?? s.byday ?? '',
      opensAt: s.opens_at,
      closesAt: s.closes_at
    })),
    phones: o.phones.map((p) => ({ number: p.number, description: p.description ?? null })),
    openingTimes:
      o.schedules
        .map((s) => s.description)
        .filter(Boolean)
        .join('; ') || null,
    verified: o.x_reach?.verified ?? false,
    lastVerifiedOn: o.x_reach?.last_verified_on ?? null,
    source: o.x_reach?.source ?? null
  }
}

/** Our service as an ORUK service object (ids of sub-objects derived from the service id). */
export function serviceToOruk(s: DirectoryService): Record<string, unknown> {
  const sub = (kind: string, i: number) => `${s.id}:${kind}:${i}`
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status === 'active' ? 'active' : 'inactive',
    organization: { id: s.organisationId, name: s.organisationName, description: s.organisationDescription },
    service_areas: s.areas.map((a, i) => ({ id: sub('area', i), service_id: s.id, name: AREA_NAMES[a] ?? a })),
    languages: s.languages.map((code, i) => ({ id: sub('language', i), service_id: s.id, code })),
    eligibilitys:
      s.eligibility.text || s.eligibility.minimumAge !== undefined || s.eligibility.maximumAge !== undefined
        ? [
            {
              id: sub('eligibility', 0),
              service_id: s.id,
              eligibility: s.eligibility.text ?? null,
              minimum_age: s.eligibility.minimumAge ?? null,
              maximum_age: s.eligibility.maximumAge ?? null
            }
          ]
        : [],
    cost_options: s.cost ? [{ id: sub('cost', 0), service_id: s.id, option: s.cost }] : [],
    service_at_locations: s.locations.map((l, i) => ({
      id: sub('sal', i),
      service_id: s.id,
      location: {
        id: sub('location', i),
        name: l.name,
        physical_addresses: [{ id: sub('address', i), address_1: l.address, city: null, postal_code: l.postcode }]
      }
    })),
    contacts: s.contacts.map((c, i) => ({ id: sub('contact', i), service_id: s.id, name: c.name, email: c.email })),
    regular_schedules: s.schedules.map((r, i) => ({
      id: sub('schedule', i),
      service_id: s.id,
      weekday: r.weekday,
      opens_at: r.opensAt,
      closes_at: r.closesAt
    })),
    phones: s.phones.map((p, i) => ({
      id: sub('phone', i),
      service_id: s.id,
      number: p.number,
      description: p.description
    })),
    schedules: s.openingTimes ? [{ id: sub('opening', 0), service_id: s.id, description: s.openingTimes }] : [],
    attributes: [
      ...s.barriers.map((b, i) => ({
        id: sub('barrier', i),
        link_id: s.id,
        link_type: 'service',
        taxonomy_term: { id: `${BARRIER_TAXONOMY}:${b}`, name: b, taxonomy: BARRIER_TAXONOMY }
      })),
      ...s.offerTypes.map((t, i) => ({
        id: sub('offer', i),
        link_id: s.id,
        link_type: 'service',
        taxonomy_term: { id: `${OFFER_TAXONOMY}:${t}`, name: t, taxonomy: OFFER_TAXONOMY }
      })),
      ...s.delivery.map((d, i) => ({
        id: sub('delivery', i),
        link_id: s.id,
        link_type: 'service',
        taxonomy_term: { id: `${DELIVERY_TAXONOMY}:${d}`, name: d, taxonomy: DELIVERY_TAXONOMY }
      }))
    ],
    x_reach: {
      verified: s.verified,
      last_verified_on: s.lastVerifiedOn,
      source: s.source,
      audience: s.eligibility.audience ?? 'patients',
      requires_benefits: s.eligibility.requiresBenefits ?? null
    }
  }
}

const notADeliveryMode = (index: number, field: string, name: string): ImportProblem => ({
  index,
  field,
  message: `"${name}" is not a way of using a service: use ${DELIVERY_LIST}`
})

/** Delivery terms (in the reach-delivery-mode taxonomy) that are not in_person, phone or online. */
function deliveryProblems(o: z.infer<typeof orukServiceSchema>, index: number): ImportProblem[] {
  const problems: ImportProblem[] = []
  o.attributes.forEach(({ taxonomy_term: t }, i) => {
    if ((t.taxonomy ?? t.vocabulary) === DELIVERY_TAXONOMY && !isDeliveryMode(t.name))
      problems.push(notADeliveryMode(index, `attributes.${i}.taxonomy_term.name`, t.name))
  })
  o.service_taxonomys.forEach(({ taxonomy: t }, i) => {
    if ((t.taxonomy ?? t.vocabulary) === DELIVERY_TAXONOMY && !isDeliveryMode(t.name))
      problems.push(notADeliveryMode(index, `service_taxonomys.${i}.taxonomy.name`, t.name))
  })
  return problems
}

/**
 * Parses a whole import: an array of records, `{ services: [...] }` (ORUK page or the shared file).
 * Returns every service, or every problem (by record index and field) so that nothing is half-imported.
 */
export function parseDirectoryImport(input: unknown): ImportResult {
  const records = Array.isArray(input)
    ? input
    : input && typeof input === 'object' && Array.isArray((input as { services?: unknown }).services)
      ? (input as { services: unknown[] }).services
      : input && typeof input === 'object' && Array.isArray((input as { content?: unknown }).content)
        ? (input as { content: unknown[] }).content
        : null
  if (!records)
    return {
      services: [],
      problems: [
        { index: -1, field: '(file)', message: 'expected a list of services, or an object with a "services" list' }
      ]
    }
  const services: DirectoryService[] = []
  const problems: ImportProblem[] = []
  const seen = new Set<string>()
  records.forEach((record, index) => {
    let candidate: unknown = record
    const shared = sharedEntrySchema.safeParse(record)
    if (shared.success) {
      const unknown = (shared.data.delivery ?? []).flatMap((name, i) =>
        isDeliveryMode(name) ? [] : [notADeliveryMode(index, `delivery.${i}`, name)]
      )
      if (unknown.length) {
        problems.push(...unknown)
        return
      }
      candidate = sharedEntryToOruk(shared.data)
    }
    const parsed = orukServiceSchema.safeParse(candidate)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ index, field: issue.path.join('.') || '(record)', message: issue.message })
      return
    }
    const badDelivery = deliveryProblems(parsed.data, index)
    if (badDelivery.length) {
      problems.push(...badDelivery)
      return
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ index, field: 'id', message: `duplicate id ${parsed.data.id}` })
      return
    }
    seen.add(parsed.data.id)
    services.push(orukToService(parsed.data))
  })
  return problems.length ? { services: [], problems } : { services, problems }
}
