import { hashToken, newToken } from '../../security/tokens.js'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export async function createSession(db: Db, orgId: string, userId: string, ttlMinutes: number): Promise<string> {
  const token = newToken()
  await db
    .insertInto('session')
    .values({
      id_hash: hashToken(token),
      org_id: orgId,
      user_id: userId,
      expires_at: sql`now() + make_interval(mins => ${ttlMinutes})`,
      last_seen_at: sql`now()`
    })
    .execute()
  return token
}

/** Finds a live session and slides its expiry forward (idle timeout). */
export async function touchSession(
  db: Db,
  token: string,
  ttlMinutes: number
): Promise<{ orgId: string; userId: string } | undefined> {
  const row = await db
    .updateTable('session')
    .set({ last_seen_at: sql`now()`, expires_at: sql`now() + make_interval(mins => ${ttlMinutes})` })
    .where('id_hash', '=', hashToken(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['org_id', 'user_id'])
    .executeTakeFirst()
  return row ? { orgId: row.org_id, userId: row.user_id } : undefined
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', hashToken(token)).execute()
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
