/** A member of staff changes a service's details (directory:manage). Audited as 'update'. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findService, recordServiceChanges, upsertServices } from '../../db/repositories/directory.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { serviceFromDetails, type ServiceDetails } from '../../domain/directory/service-details.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** Throws NotFoundError when there is no such service. */
export async function editService(
  db: Db,
  actor: Actor,
  input: { serviceId: string; details: ServiceDetails },
  settings: { today?: string } = {}
): Promise<DirectoryService> {
  const existing = found(await findService(db, input.serviceId), 'support_service')
  const today = settings.today ?? new Date().toISOString().slice(0, 10)
  const service = serviceFromDetails(existing.id, input.details, existing, today)
  await upsertServices(db, [service])
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'support_service',
    entityId: service.id
  })
  await recordServiceChanges(db, [{ serviceId: service.id, orgId: actor.orgId, change: 'changed' }])
  return service
}
