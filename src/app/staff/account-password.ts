/**
 * A signed-in member of staff proving their password again: before a sensitive action (ASVS 3.7.1), and
 * to change it (ASVS 2.1.5, 2.1.6, 3.3.3). A wrong password counts towards the account's lockout as a
 * failed sign-in does, and is audited as one (`reason: 'confirm'`); when it locks the account, every
 * session of the account ends, so a stolen session cannot keep guessing. A change ends every other
 * session. Entry points: POST /account/confirm, POST /account/password.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { deleteOtherSessions, deleteSessionsOfUser, markSessionAuthenticated } from '../../db/repositories/sessions.js'
import { findStaff, resetFailedSignIns, updatePasswordHash } from '../../db/repositories/staff.js'
import { checkPassword, passwordProblemText } from '../../domain/staff/password-policy.js'
import { hashPassword, verifyPassword } from '../../security/password-hash.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'
import { countFailedAttempt, isLocked, signInAuditFields } from './sign-in.js'

type Db = Kysely<Database> | Transaction<Database>

export interface LockoutSettings {
  maxFailures: number
  lockMinutes: number
}

export type PasswordResult =
  { ok: true; sessionsEnded: number } | { ok: false; signedOut: boolean; errors: { field: string; text: string }[] }

const WRONG = 'The password is not right. Enter the password you sign in with'

async function proveCurrent(
  db: Db,
  actor: Actor,
  password: string,
  settings: LockoutSettings
): Promise<{ ok: true } | { ok: false; signedOut: boolean }> {
  const userId = found(actor.userId, 'staff user')
  const user = found(await findStaff(db, actor.orgId, userId), 'staff user')
  const matches = await verifyPassword(user.password_hash, password)
  const lockedAlready = isLocked(user)
  if (matches && !lockedAlready) return { ok: true }
  const audit = signInAuditFields(user, actor)
  let locked = true
  // locked already (by guesses elsewhere): audited, not counted again; otherwise counted towards the lockout
  if (lockedAlready) await recordAudit(db, { ...audit, action: 'sign_in_failed', detail: { reason: 'confirm' } })
  else ({ locked } = await countFailedAttempt(db, audit, 'confirm', settings))
  if (locked) await deleteSessionsOfUser(db, actor.orgId, user.id)
  return { ok: false, signedOut: locked }
}

/** Confirms the password of the acting session before a sensitive action. */
export async function confirmPassword(
  db: Db,
  actor: Actor,
  sessionToken: string,
  password: string,
  settings: LockoutSettings
): Promise<PasswordResult> {
  const proved = await proveCurrent(db, actor, password, settings)
  if (!proved.ok) return { ok: false, signedOut: proved.signedOut, errors: [{ field: 'password', text: WRONG }] }
  const userId = found(actor.userId, 'staff user')
  await resetFailedSignIns(db, actor.orgId, userId)
  await markSessionAuthenticated(db, actor.orgId, sessionToken)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'sign_in',
    entityType: 'staff_user',
    entityId: userId,
    detail: { scope: 'confirm' }
  })
  return { ok: true, sessionsEnded: 0 }
}

/** Changes the acting member of staff's password and ends their other sessions. */
export async function changePassword(
  db: Db,
  actor: Actor,
  sessionToken: string,
  input: { current: string; next: string },
  settings: LockoutSettings
): Promise<PasswordResult> {
  const userId = found(actor.userId, 'staff user')
  const user = found(await findStaff(db, actor.orgId, userId), 'staff user')
  const problem = checkPassword(input.next, { email: user.email })
  const nextErrors = problem
    ? [{ field: 'newPassword', text: passwordProblemText[problem] }]
    : input.next === input.current
      ? [{ field: 'newPassword', text: 'Choose a new password that is different from your current one' }]
      : []
  const proved = await proveCurrent(db, actor, input.current, settings)
  if (!proved.ok)
    return {
      ok: false,
      signedOut: proved.signedOut,
      errors: [{ field: 'currentPassword', text: WRONG }, ...nextErrors]
    }
  if (nextErrors.length > 0) return { ok: false, signedOut: false, errors: nextErrors }
  await updatePasswordHash(db, actor.orgId, user.id, await hashPassword(input.next))
  const sessionsEnded = await deleteOtherSessions(db, actor.orgId, user.id, sessionToken)
  await markSessionAuthenticated(db, actor.orgId, sessionToken)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'staff_user',
    entityId: user.id,
    detail: { change: 'password', sessionsEnded }
  })
  return { ok: true, sessionsEnded }
}
