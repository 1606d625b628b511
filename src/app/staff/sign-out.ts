/** Signing out: this browser's session ends, audited. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { deleteSession } from '../../db/repositories/sessions.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export async function signOut(db: Db, actor: Actor, sessionToken: string): Promise<void> {
  await deleteSession(db, sessionToken)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'sign_out',
    entityType: 'staff_user',
    entityId: actor.userId
  })
}
