/** A member of staff has checked a service's details with the service today (directory:manage). Audited. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findService, markServiceVerified, recordServiceChanges } from '../../db/repositories/directory.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** Throws NotFoundError when there is no such service. Returns the service id. */
export async function markServiceChecked(
  db: Db,
  actor: Actor,
  input: { serviceId: string },
  settings: { today?: string } = {}
): Promise<string> {
  const existing = found(await findService(db, input.serviceId), 'support_service')
  await markServiceVerified(db, existing.id, settings.today ?? new Date().toISOString().slice(0, 10))
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'support_service',
    entityId: existing.id,
    detail: { verified: true }
  })
  await recordServiceChanges(db, [{ serviceId: existing.id, orgId: actor.orgId, change: 'checked' }])
  return existing.id
}
