/**
 * "Sign out everywhere": every session of one staff member ends, on every device, audited as a
 * sign-out with `scope: 'everywhere'`. Staff do it for themselves; an administrator (staff:manage)
 * does it for anyone in their organisation, for example after a lost laptop.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { deleteSessionsOfUser } from '../../db/repositories/sessions.js'
import { findStaff } from '../../db/repositories/staff.js'
import { can, isRole } from '../../domain/staff/roles.js'
import { auditFields, type Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** May this actor end the sessions of `userId`? Themselves always; others with staff:manage (or at the command line). */
function mayActOn(actor: Actor, userId: string): boolean {
  if (actor.userId === userId || actor.role === 'operator') return true
  return isRole(actor.role) && can(actor.role, 'staff:manage')
}

export async function signOutEverywhere(
  db: Db,
  actor: Actor,
  input: { userId: string }
): Promise<{ sessionsEnded: number; displayName: string }> {
  // someone who may not act on this account learns nothing about it: the same answer as for no account
  if (!mayActOn(actor, input.userId)) throw new NotFoundError('staff user')
  const user = found(await findStaff(db, actor.orgId, input.userId), 'staff user')
  const sessionsEnded = await deleteSessionsOfUser(db, actor.orgId, user.id)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'sign_out',
    entityType: 'staff_user',
    entityId: user.id,
    detail: { scope: 'everywhere', sessionsEnded }
  })
  return { sessionsEnded, displayName: user.display_name }
}
