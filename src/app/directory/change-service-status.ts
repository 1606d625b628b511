/**
 * Retire a service (no longer listed publicly or suggested) or make it active again
 * (directory:manage). Audited as 'update' with the new status.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findService, recordServiceChanges, setServiceStatus } from '../../db/repositories/directory.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** Throws NotFoundError when there is no such service. Returns the service id. */
export async function changeServiceStatus(
  db: Db,
  actor: Actor,
  input: { serviceId: string; status: 'active' | 'retired' }
): Promise<string> {
  const existing = found(await findService(db, input.serviceId), 'support_service')
  await setServiceStatus(db, existing.id, input.status)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'support_service',
    entityId: existing.id,
    detail: { status: input.status }
  })
  await recordServiceChanges(db, [
    { serviceId: existing.id, orgId: actor.orgId, change: input.status === 'retired' ? 'retired' : 'restored' }
  ])
  return existing.id
}
