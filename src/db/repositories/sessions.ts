/**
 * Server-side staff sessions. The cookie holds a random token; only its SHA-256 is stored.
 * A session ends at the first of: its idle timeout (slides on every request), its absolute
 * lifetime from `created_at` (never slides), sign-out, or "sign out everywhere".
 */
import { hashToken, newToken } from '../../security/tokens.js'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export interface SessionLifetime {
  idleMinutes: number
  maxHours: number
}

export async function createSession(db: Db, orgId: string, userId: string, lifetime: SessionLifetime): Promise<string> {
  const token = newToken()
  await db
    .insertInto('session')
    .values({
      id_hash: hashToken(token),
      org_id: orgId,
      user_id: userId,
      expires_at: sql`now() + least(make_interval(mins => ${lifetime.idleMinutes}), make_interval(hours => ${lifetime.maxHours}))`,
      last_seen_at: sql`now()`
    })
    .execute()
  return token
}

/** Finds a live session and slides its idle expiry forward, never past its absolute lifetime. */
export async function touchSession(
  db: Db,
  token: string,
  lifetime: SessionLifetime
): Promise<{ orgId: string; userId: string; authenticatedAt: Date } | undefined> {
  const row = await db
    .updateTable('session')
    .set({
      last_seen_at: sql`now()`,
      expires_at: sql`least(now() + make_interval(mins => ${lifetime.idleMinutes}), created_at + make_interval(hours => ${lifetime.maxHours}))`
    })
    .where('id_hash', '=', hashToken(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .where('created_at', '>', sql<Date>`now() - make_interval(hours => ${lifetime.maxHours})`)
    .returning(['org_id', 'user_id', 'authenticated_at'])
    .executeTakeFirst()
  return row ? { orgId: row.org_id, userId: row.user_id, authenticatedAt: new Date(row.authenticated_at) } : undefined
}

/** The session proved its password again (a confirmation before a sensitive action, or a change). */
export async function markSessionAuthenticated(db: Db, orgId: string, token: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ authenticated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id_hash', '=', hashToken(token))
    .execute()
}

/** Ends every other session of one staff member (after a password change); returns how many. */
export async function deleteOtherSessions(db: Db, orgId: string, userId: string, keepToken: string): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id_hash', '<>', hashToken(keepToken))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', hashToken(token)).execute()
}

/** Ends every session of one staff member ("sign out everywhere"); returns how many were live. */
export async function deleteSessionsOfUser(db: Db, orgId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** How many live sessions each staff member of an organisation has (members without one are absent). */
export async function countLiveSessions(db: Db, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('session')
    .select(['user_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('org_id', '=', orgId)
    .where('expires_at', '>', sql<Date>`now()`)
    .groupBy('user_id')
    .execute()
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]))
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
