/**
 * The public directory (/services, no login): active services for patients. Services for staff
 * and volunteers, and retired ones, are never shown; asking for one is the same as a missing one.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findService, listServices, type ServiceFilter } from '../../db/repositories/directory.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

const isPublic = (s: DirectoryService) => s.status === 'active' && s.eligibility.audience !== 'staff'

export async function listPublicServices(
  db: Db,
  filter: Omit<ServiceFilter, 'includeRetired'>
): Promise<DirectoryService[]> {
  return (await listServices(db, filter)).filter(isPublic)
}

/** Throws NotFoundError when the service is unknown, retired or for staff. */
export async function findPublicService(db: Db, serviceId: string): Promise<DirectoryService> {
  const service = await findService(db, serviceId)
  if (!service || !isPublic(service)) throw new NotFoundError('support_service')
  return service
}
