/**
 * Signing in with email and password: the one place that checks a password, counts failures,
 * locks an account and opens a session. Every failure looks the same to the person signing in
 * (unknown email, wrong password or a locked account), and takes about as long, so the page
 * never tells which emails have accounts; the audit trail records which it was. With two-step
 * sign-in the right password does not open a session: `second-step.ts` does, after a code.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, StaffUserRow } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { createSession, type SessionLifetime } from '../../db/repositories/sessions.js'
import { findStaffForSignIn, recordFailedSignIn, recordSuccessfulSignIn } from '../../db/repositories/staff.js'
import { verifyAgainstDummy, verifyPassword } from '../../security/password-hash.js'

type Db = Kysely<Database> | Transaction<Database>

/** Where the attempt comes from (there is no actor until it succeeds). */
export interface SignInClient {
  ip: string | null
  userAgent: string | null
}

export interface SignInSettings {
  maxFailures: number
  lockMinutes: number
  lifetime: SessionLifetime
  /** Roles that must use two-step sign-in (REACH_TWO_STEP_ROLES); anyone who set it up uses it too. */
  twoStepRoles?: readonly string[]
}

export type SignInFailure = 'unknown_account' | 'wrong_password' | 'locked'

export type SignInResult =
  | { ok: true; userId: string; sessionToken: string }
  /** The password is right; a code from the authenticator app comes next (or setting one up, `setUp`). */
  | { ok: 'second-step'; userId: string; orgId: string; setUp: boolean }
  | { ok: false; reason: SignInFailure; userId: string | null; lockedNow: boolean }

/** The audit row's fields for a sign-in step of this member of staff, from this client (no actor yet). */
export function signInAuditFields(user: Pick<StaffUserRow, 'org_id' | 'id' | 'role'>, client: SignInClient) {
  return {
    orgId: user.org_id,
    actorUserId: user.id,
    actorRole: user.role,
    entityType: 'staff_user',
    entityId: user.id,
    ip: client.ip,
    userAgent: client.userAgent
  }
}

/** Is the account locked now (after too many failures in a row)? */
export const isLocked = (user: Pick<StaffUserRow, 'locked_until'>): boolean =>
  user.locked_until !== null && user.locked_until > new Date()

/**
 * A wrong password or code: counts towards the account's lockout and audits it (`account_locked` when
 * this failure locks it), with why. The one place every sign-in step records a failure.
 */
export async function countFailedAttempt(
  db: Db,
  audit: ReturnType<typeof signInAuditFields>,
  reason: 'wrong_password' | 'code' | 'confirm',
  settings: { maxFailures: number; lockMinutes: number }
): Promise<{ locked: boolean }> {
  const { locked } = await recordFailedSignIn(
    db,
    audit.orgId,
    audit.entityId,
    settings.maxFailures,
    settings.lockMinutes
  )
  await recordAudit(db, { ...audit, action: locked ? 'account_locked' : 'sign_in_failed', detail: { reason } })
  return { locked }
}

/** Call inside one transaction: a failure's count and audit row commit with the result. */
export async function signIn(
  db: Db,
  client: SignInClient,
  input: { email: string; password: string },
  settings: SignInSettings
): Promise<SignInResult> {
  const user = await findStaffForSignIn(db, input.email)
  if (!user || user.disabled_at) {
    await verifyAgainstDummy(input.password)
    return { ok: false, reason: 'unknown_account', userId: null, lockedNow: false }
  }
  const audit = signInAuditFields(user, client)
  const passwordMatches = await verifyPassword(user.password_hash, input.password)
  if (isLocked(user)) {
    await recordAudit(db, { ...audit, action: 'sign_in_failed', detail: { reason: 'locked' } })
    return { ok: false, reason: 'locked', userId: user.id, lockedNow: false }
  }
  if (!passwordMatches) {
    const { locked } = await countFailedAttempt(db, audit, 'wrong_password', settings)
    return { ok: false, reason: 'wrong_password', userId: user.id, lockedNow: locked }
  }
  const twoStep = user.totp_enrolled_at !== null || (settings.twoStepRoles ?? []).includes(user.role)
  if (twoStep) return { ok: 'second-step', userId: user.id, orgId: user.org_id, setUp: user.totp_enrolled_at === null }
  await recordSuccessfulSignIn(db, user.org_id, user.id)
  await recordAudit(db, { ...audit, action: 'sign_in' })
  const sessionToken = await createSession(db, user.org_id, user.id, settings.lifetime)
  return { ok: true, userId: user.id, sessionToken }
}
