import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, NewStaffUser, StaffUserRow } from '../schema.js'
import type { Role } from '../../domain/staff/roles.js'

type Db = Kysely<Database> | Transaction<Database>

export interface StaffUser {
  orgId: string
  id: string
  email: string
  displayName: string
  role: Role
  teamId: string | null
}

export function staffRowToUser(
  row: Pick<StaffUserRow, 'org_id' | 'id' | 'email' | 'display_name' | 'role' | 'team_id'>
): StaffUser {
  return {
    orgId: row.org_id,
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    teamId: row.team_id
  }
}

/** Sign-in is the one lookup across organisations: by email, before we know the organisation. */
export async function findStaffForSignIn(db: Db, email: string): Promise<StaffUserRow | undefined> {
  return db
    .selectFrom('staff_user')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst()
}

export async function findStaff(db: Db, orgId: string, userId: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_user').selectAll().where('org_id', '=', orgId).where('id', '=', userId).executeTakeFirst()
}

export async function listStaff(db: Db, orgId: string): Promise<StaffUserRow[]> {
  return db.selectFrom('staff_user').selectAll().where('org_id', '=', orgId).orderBy('display_name').execute()
}

export async function insertStaff(db: Db, user: NewStaffUser): Promise<StaffUserRow> {
  return db
    .insertInto('staff_user')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (await findStaffForSignIn(db, email)) !== undefined
}

/** Records a failed sign-in; locks the account for `lockMinutes` after `maxFailures` in a row. */
export async function recordFailedSignIn(
  db: Db,
  orgId: string,
  userId: string,
  maxFailures: number,
  lockMinutes: number
): Promise<{ locked: boolean }> {
  const row = await db
    .updateTable('staff_user')
    .set((eb) => ({
      failed_login_count: eb('failed_login_count', '+', 1),
      locked_until: sql`case when failed_login_count + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .returning(['failed_login_count', 'locked_until'])
    .executeTakeFirstOrThrow()
  return { locked: row.failed_login_count >= maxFailures }
}

export async function recordSuccessfulSignIn(db: Db, orgId: string, userId: string): Promise<void> {
  await db
    .updateTable('staff_user')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute()
}

/** A confirmation of the password succeeded: the failure count starts again (the last sign-in stays). */
export async function resetFailedSignIns(db: Db, orgId: string, userId: string): Promise<void> {
  await db
    .updateTable('staff_user')
    .set({ failed_login_count: 0 })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute()
}

export async function updatePasswordHash(db: Db, orgId: string, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('staff_user')
    .set({ password_hash: passwordHash, failed_login_count: 0 })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute()
}

/** Starts setting up two-step sign-in: a new secret, not yet confirmed (`totp_enrolled_at` stays null). */
export async function setPendingTotpSecret(db: Db, orgId: string, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('staff_user')
    .set({ totp_secret: secret, totp_enrolled_at: null, totp_last_step: null })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute()
}

/** A code was accepted: records its step (never again), and the set-up when it was the first. */
export async function recordTotpUse(db: Db, orgId: string, userId: string, step: number): Promise<void> {
  await db
    .updateTable('staff_user')
    .set({ totp_last_step: step, totp_enrolled_at: sql`coalesce(totp_enrolled_at, now())` })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute()
}

/** Turns two-step sign-in off (by the person, or reset by an administrator). */
export async function clearTotp(db: Db, orgId: string, userId: string): Promise<void> {
  await db
    .updateTable('staff_user')
    .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute()
}
