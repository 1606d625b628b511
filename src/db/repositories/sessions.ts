/**
 * Server-side staff sessions. The cookie holds a random token; only its SHA-256 is stored.
 * A session ends at the first of: its idle timeout (slides on every request), its absolute
 * lifetime from `created_at` (never slides), sign-out, or "sign out everywhere".
 */
import { hashToken, newToken } from '../../security/tokens.js'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, Organisation } from '../schema.js'

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

export interface LiveSession {
  authenticatedAt: Date
  user: { org_id: string; id: string; email: string; display_name: string; role: string; team_id: string | null }
  organisation: Organisation
}

/**
 * One query for every signed-in request: finds a live session, slides its idle expiry (never past its
 * absolute lifetime), and returns its member of staff and their organisation. A disabled account has no
 * live session. Before, this was three queries (session, staff, organisation).
 */
export async function touchSessionWithUser(
  db: Db,
  token: string,
  lifetime: SessionLifetime
): Promise<LiveSession | undefined> {
  const result = await sql<{
    authenticated_at: Date
    org_id: string
    user_id: string
    email: string
    display_name: string
    role: string
    team_id: string | null
    system_id: string
    code: string
    org_name: string
    kind: string
    contact_phone: string | null
    is_synthetic: boolean
    org_created_at: Date
  }>`
    update session s set
      last_seen_at = now(),
      expires_at = least(now() + make_interval(mins => ${lifetime.idleMinutes}), s.created_at + make_interval(hours => ${lifetime.maxHours}))
    from staff_user u join organisation o on o.id = u.org_id
    where s.id_hash = ${hashToken(token)}
      and s.expires_at > now()
      and s.created_at > now() - make_interval(hours => ${lifetime.maxHours})
      and u.org_id = s.org_id and u.id = s.user_id and u.disabled_at is null
    returning s.authenticated_at, u.org_id, u.id as user_id, u.email, u.display_name, u.role, u.team_id,
      o.system_id, o.code, o.name as org_name, o.kind, o.contact_phone, o.is_synthetic, o.created_at as org_created_at`.execute(
    db
  )
  const r = result.rows[0]
  if (!r) return undefined
  return {
    authenticatedAt: new Date(r.authenticated_at),
    user: {
      org_id: r.org_id,
      id: r.user_id,
      email: r.email,
      display_name: r.display_name,
      role: r.role,
      team_id: r.team_id
    },
    organisation: {
      id: r.org_id,
      system_id: r.system_id,
      code: r.code,
      name: r.org_name,
      kind: r.kind,
      contact_phone: r.contact_phone,
      is_synthetic: r.is_synthetic,
      created_at: new Date(r.org_created_at)
    }
  }
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
