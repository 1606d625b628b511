/**
 * Two-step sign-in (ASVS 2.2.2, 2.8; the DSPT's multi-factor authentication): after the right password, a
 * code from an authenticator app (RFC 6238) opens the session. Someone whose role must use it
 * (REACH_TWO_STEP_ROLES) sets it up at their first sign-in; anyone may set it up from their account, and
 * an administrator can reset it for a member of staff who lost their phone (their sessions end). A wrong
 * code counts towards the account's lockout as a wrong password does; a code is never accepted twice.
 * Entry points: /sign-in/code, /sign-in/set-up, /account/two-step, POST /admin/staff/:id/reset-two-step.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, StaffUserRow } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { createSession, deleteSessionsOfUser, type SessionLifetime } from '../../db/repositories/sessions.js'
import {
  clearTotp,
  findStaff,
  recordSuccessfulSignIn,
  recordTotpUse,
  setPendingTotpSecret
} from '../../db/repositories/staff.js'
import { newTotpSecret, verifyTotp } from '../../security/totp.js'
import { auditFields, type Actor } from '../actor.js'
import { found, ForbiddenError } from '../errors.js'
import { countFailedAttempt, isLocked, signInAuditFields, type SignInClient } from './sign-in.js'

type Db = Kysely<Database> | Transaction<Database>

export interface SecondStepSettings {
  maxFailures: number
  lockMinutes: number
  lifetime: SessionLifetime
}

/** The secret being set up: the one already waiting (so a reload keeps the QR code someone scanned), or a new one. */
export async function twoStepSecretToSetUp(
  db: Db,
  orgId: string,
  userId: string
): Promise<{ secret: string; email: string }> {
  const user = found(await findStaff(db, orgId, userId), 'staff user')
  if (user.totp_enrolled_at !== null) throw new ForbiddenError('staff user', 'two-step sign-in is already set up')
  if (user.totp_secret) return { secret: user.totp_secret, email: user.email }
  const secret = newTotpSecret()
  await setPendingTotpSecret(db, orgId, userId, secret)
  return { secret, email: user.email }
}

const lastStep = (user: StaffUserRow) => (user.totp_last_step === null ? null : Number(user.totp_last_step))

export type SecondStepResult = { ok: true; sessionToken: string } | { ok: false; locked: boolean; error: string }

const WRONG_CODE = 'The code is not right. Enter the 6-digit code your authenticator app shows now'

/**
 * The second step of a sign-in whose password was right (the caller holds that proof, signed, for a few
 * minutes): checks the code, then opens the session. Call inside one transaction.
 */
export async function completeSignIn(
  db: Db,
  client: SignInClient,
  pending: { orgId: string; userId: string },
  code: string,
  settings: SecondStepSettings
): Promise<SecondStepResult> {
  const user = await findStaff(db, pending.orgId, pending.userId)
  if (!user || user.disabled_at || !user.totp_secret) return { ok: false, locked: true, error: WRONG_CODE }
  const audit = signInAuditFields(user, client)
  if (isLocked(user)) {
    await recordAudit(db, { ...audit, action: 'sign_in_failed', detail: { reason: 'locked' } })
    return { ok: false, locked: true, error: WRONG_CODE }
  }
  const step = verifyTotp(user.totp_secret, code, { lastStep: lastStep(user) })
  if (step === null) {
    const { locked } = await countFailedAttempt(db, audit, 'code', settings)
    return { ok: false, locked, error: WRONG_CODE }
  }
  const settingUp = user.totp_enrolled_at === null
  await recordTotpUse(db, user.org_id, user.id, step)
  await recordSuccessfulSignIn(db, user.org_id, user.id)
  if (settingUp) await recordAudit(db, { ...audit, action: 'update', detail: { change: 'two-step set up' } })
  await recordAudit(db, { ...audit, action: 'sign_in', detail: { twoStep: true } })
  return { ok: true, sessionToken: await createSession(db, user.org_id, user.id, settings.lifetime) }
}

/** A signed-in member of staff confirms the app they are setting up from their account. */
export async function confirmTwoStepSetUp(
  db: Db,
  actor: Actor,
  code: string
): Promise<{ ok: boolean; error?: string }> {
  const userId = found(actor.userId, 'staff user')
  const user = found(await findStaff(db, actor.orgId, userId), 'staff user')
  if (!user.totp_secret || user.totp_enrolled_at !== null) return { ok: false, error: WRONG_CODE }
  const step = verifyTotp(user.totp_secret, code, { lastStep: lastStep(user) })
  if (step === null) return { ok: false, error: WRONG_CODE }
  await recordTotpUse(db, actor.orgId, user.id, step)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'staff_user',
    entityId: user.id,
    detail: { change: 'two-step set up' }
  })
  return { ok: true }
}

/**
 * Turns two-step sign-in off: for oneself when one's role does not require it, or for a member of staff
 * of one's organisation by an administrator (a lost phone), whose sessions then end.
 */
export async function turnOffTwoStep(
  db: Db,
  actor: Actor,
  userId: string,
  options: { requiredForRole: boolean }
): Promise<{ sessionsEnded: number; displayName: string }> {
  const user = found(await findStaff(db, actor.orgId, userId), 'staff user')
  const self = actor.userId === user.id
  if (self && options.requiredForRole)
    throw new ForbiddenError('staff user', 'two-step sign-in is required for this role')
  await clearTotp(db, actor.orgId, user.id)
  const sessionsEnded = self ? 0 : await deleteSessionsOfUser(db, actor.orgId, user.id)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'staff_user',
    entityId: user.id,
    detail: { change: self ? 'two-step turned off' : 'two-step reset', sessionsEnded }
  })
  return { sessionsEnded, displayName: user.display_name }
}
