/**
 * The support directory: services shared by every organisation in the deployment (no org_id).
 * Changes are audited by the caller with the acting user's organisation.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely'
import type { ServiceChangeKind, Database, SupportServiceTable } from '../schema.js'
import { deliveryModes, type DirectoryService, type ServiceEligibility } from '../../domain/directory/service.js'
import { serviceToOruk } from '../../domain/directory/oruk.js'
import { parseJsonColumn } from '../json-column.js'

type Db = Kysely<Database> | Transaction<Database>
export type SupportServiceRow = Selectable<SupportServiceTable>

/** A text[] literal, quoted so that values with spaces, slashes or commas survive. */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`
}

function jsonValue<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback
  return parseJsonColumn<T>(value)
}

export function serviceRowToService(row: SupportServiceRow): DirectoryService {
  const oruk = jsonValue<{ organization?: { id?: string | null; description?: string | null } }>(row.oruk, {})
  return {
    id: row.id,
    name: row.name,
    organisationName: row.organisation_name,
    organisationId: oruk.organization?.id ?? null,
    organisationDescription: oruk.organization?.description ?? null,
    description: row.description,
    url: row.url,
    email: row.email,
    status: row.status,
    barriers: row.barriers,
    offerTypes: row.offer_types,
    languages: row.languages,
    areas: row.areas,
    delivery: deliveryModes(row.delivery),
    eligibility: jsonValue<ServiceEligibility>(row.eligibility, {}),
    cost: row.cost,
    locations: jsonValue(row.locations, []),
    contacts: jsonValue(row.contacts, []),
    schedules: jsonValue(row.schedules, []),
    phones: jsonValue(row.phones, []),
    openingTimes: row.opening_times,
    verified: row.verified,
    lastVerifiedOn: row.last_verified_on,
    source: row.source
  }
}

function columns(s: DirectoryService) {
  const scope = s.areas.includes('national') ? 'national' : s.areas.includes('London') ? 'regional' : 'local'
  return {
    name: s.name,
    organisation_name: s.organisationName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    scope,
    barriers: textArray(s.barriers),
    offer_types: textArray(s.offerTypes),
    languages: textArray(s.languages),
    areas: textArray(s.areas),
    delivery: textArray(s.delivery),
    eligibility: JSON.stringify(s.eligibility),
    cost: s.cost,
    locations: JSON.stringify(s.locations),
    contacts: JSON.stringify(s.contacts),
    schedules: JSON.stringify(s.schedules),
    phones: JSON.stringify(s.phones),
    opening_times: s.openingTimes,
    oruk: JSON.stringify(serviceToOruk(s)),
    verified: s.verified,
    last_verified_on: s.lastVerifiedOn,
    source: s.source,
    updated_at: sql<Date>`now()`
  }
}

/** Inserts or replaces services by id. Call inside one transaction so an import is all or nothing. */
export async function upsertServices(
  db: Db,
  services: readonly DirectoryService[]
): Promise<{ added: number; updated: number }> {
  let added = 0
  let updated = 0
  for (const s of services) {
    const existing = await db.selectFrom('support_service').select('id').where('id', '=', s.id).executeTakeFirst()
    if (existing) {
      await db.updateTable('support_service').set(columns(s)).where('id', '=', s.id).execute()
      updated++
    } else {
      await db
        .insertInto('support_service')
        .values({ id: s.id, ...columns(s) })
        .execute()
      added++
    }
  }
  return { added, updated }
}

export async function findService(db: Db, id: string): Promise<DirectoryService | undefined> {
  if (id.length > 200) return undefined
  const row = await db.selectFrom('support_service').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? serviceRowToService(row) : undefined
}

export interface ServiceFilter {
  barrier?: string | undefined
  offerType?: string | undefined
  language?: string | undefined
  area?: string | undefined
  text?: string | undefined
  includeRetired?: boolean
}

export async function listServices(db: Db, filter: ServiceFilter = {}): Promise<DirectoryService[]> {
  let q = db.selectFrom('support_service').selectAll()
  if (!filter.includeRetired) q = q.where('status', '=', 'active')
  if (filter.barrier) q = q.where(sql<boolean>`${filter.barrier} = any(barriers)`)
  if (filter.offerType) q = q.where(sql<boolean>`${filter.offerType} = any(offer_types)`)
  if (filter.language) q = q.where(sql<boolean>`${filter.language} = any(languages)`)
  if (filter.area)
    q = q.where((eb) =>
      eb.or([
        eb(sql<boolean>`${filter.area} = any(areas)`, '=', true),
        eb(sql<boolean>`'national' = any(areas)`, '=', true)
      ])
    )
  if (filter.text)
    q = q.where((eb) =>
      eb.or([
        eb('name', 'ilike', `%${filter.text}%`),
        eb('description', 'ilike', `%${filter.text}%`),
        eb('organisation_name', 'ilike', `%${filter.text}%`)
      ])
    )
  const rows = await q.orderBy('name').execute()
  return rows.map(serviceRowToService)
}

/** Every language code any service lists (services for staff and retired ones too), once each. */
export async function listServiceLanguages(db: Db): Promise<string[]> {
  const rows = await sql<{ code: string }>`select distinct unnest(languages) as code from support_service`.execute(db)
  return rows.rows.map((r) => r.code).sort()
}

export async function setServiceStatus(db: Db, id: string, status: 'active' | 'retired'): Promise<void> {
  await db
    .updateTable('support_service')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function markServiceVerified(db: Db, id: string, on: string): Promise<void> {
  await db
    .updateTable('support_service')
    .set({ verified: true, last_verified_on: on, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute()
}

/** Records who changed a shared service (in the caller's transaction); `orgId` null for the command line. */
export async function recordServiceChanges(
  db: Db,
  changes: readonly { serviceId: string; orgId: string | null; change: ServiceChangeKind }[]
): Promise<void> {
  if (changes.length === 0) return
  await db
    .insertInto('support_service_change')
    .values(changes.map((c) => ({ service_id: c.serviceId, org_id: c.orgId, change: c.change })))
    .execute()
}

/** A service's changes, newest first, with the organisation's name. */
export async function listServiceChanges(
  db: Db,
  serviceId: string
): Promise<{ change: ServiceChangeKind; changed_at: Date; org_name: string | null }[]> {
  return db
    .selectFrom('support_service_change as c')
    .leftJoin('organisation as o', 'o.id', 'c.org_id')
    .select(['c.change', 'c.changed_at', 'o.name as org_name'])
    .where('c.service_id', '=', serviceId)
    .orderBy('c.changed_at', 'desc')
    .limit(50)
    .execute()
}
