/** A member of staff adds a service to the shared directory (directory:manage). Audited as 'create'. */
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { recordServiceChanges, upsertServices } from '../../db/repositories/directory.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { serviceFromDetails, type ServiceDetails } from '../../domain/directory/service-details.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export async function addService(
  db: Db,
  actor: Actor,
  input: { details: ServiceDetails },
  settings: { today?: string } = {}
): Promise<DirectoryService> {
  const today = settings.today ?? new Date().toISOString().slice(0, 10)
  const service = serviceFromDetails(randomUUID(), input.details, null, today)
  await upsertServices(db, [service])
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'support_service',
    entityId: service.id
  })
  await recordServiceChanges(db, [{ serviceId: service.id, orgId: actor.orgId, change: 'added' }])
  return service
}
