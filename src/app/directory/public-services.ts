/**
 * The public directory (/services, no login): active services for patients. Services for staff
 * and volunteers, and retired ones, are never shown; asking for one is the same as a missing one.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findService, listServiceLanguages, listServices, type ServiceFilter } from '../../db/repositories/directory.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { findServiceLanguage } from '../../domain/directory/languages.js'
import { NotFoundError } from '../errors.js'
import { normalisePostcode } from '../../domain/shared/postcode.js'
import { areasForDistrict, postcodeDistrict } from '../../domain/referrals/postcode-area.js'

type Db = Kysely<Database> | Transaction<Database>

const isPublic = (s: DirectoryService) => s.status === 'active' && s.eligibility.audience !== 'staff'

export async function listPublicServices(
  db: Db,
  filter: Omit<ServiceFilter, 'includeRetired'>
): Promise<DirectoryService[]> {
  return (await listServices(db, filter)).filter(isPublic)
}

/** The public search: the language as the person typed it (a code or a name), not a code. */
export type PublicSearch = Omit<ServiceFilter, 'includeRetired' | 'language'> & {
  language?: string | undefined
  /** A postcode as typed: services that work there (or across the UK). */
  postcode?: string | undefined
}

export interface PublicSearchResult {
  services: DirectoryService[]
  /** The language searched for: its code, or null when the text names no language we know. */
  language: { text: string; code: string | null } | null
  /** The postcode searched for, tidied; null when the text is not a postcode (nothing is found then). */
  postcode: { text: string; normalised: string | null } | null
}

/**
 * Public services matching a search. The language may be a code or a name ("tr", "Turkish", "Türkçe");
 * one we cannot recognise finds nothing and says so (code null), rather than being ignored. English
 * matches every service (every service works in English).
 */
export async function searchPublicServices(db: Db, search: PublicSearch): Promise<PublicSearchResult> {
  const { language: text, postcode: postcodeText, ...filter } = search
  const normalised = postcodeText ? normalisePostcode(postcodeText) : null
  const postcode = postcodeText ? { text: postcodeText, normalised } : null
  if (postcode && !normalised) return { services: [], language: text ? { text, code: null } : null, postcode }
  // A postcode keeps the services that work where it is (its district's areas, 'national' always among them).
  const near = (services: DirectoryService[]) => {
    if (!normalised) return services
    const areas = areasForDistrict(postcodeDistrict(normalised))
    return services.filter((s) => s.areas.some((a) => areas.includes(a)))
  }
  if (!text) return { services: near(await listPublicServices(db, filter)), language: null, postcode }
  const code = findServiceLanguage(text, await listServiceLanguages(db))
  if (!code) return { services: [], language: { text, code: null }, postcode }
  const services = await listPublicServices(db, code === 'en' ? filter : { ...filter, language: code })
  return { services: near(services), language: { text, code }, postcode }
}

/** Throws NotFoundError when the service is unknown, retired or for staff. */
export async function findPublicService(db: Db, serviceId: string): Promise<DirectoryService> {
  const service = await findService(db, serviceId)
  if (!service || !isPublic(service)) throw new NotFoundError('support_service')
  return service
}
