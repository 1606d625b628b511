/** Rate-limit windows shared by every process (see migration 2026_12_06_1110_rate_limit). */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Counts one hit of `key` in a window of `windowMs`, atomically: a new key or an ended window starts
 * again at 1. Returns the hits so far and the milliseconds left in the window.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
  const ended = sql<boolean>`rate_limit.window_start + make_interval(secs => rate_limit.window_ms / 1000.0) <= now()`
  const row = await db
    .insertInto('rate_limit')
    .values({ key, hits: 1, window_ms: windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when ${ended} then 1 else rate_limit.hits + 1 end`,
        window_start: sql`case when ${ended} then now() else rate_limit.window_start end`,
        window_ms: windowMs
      })
    )
    .returning([
      'hits',
      sql<number>`greatest(0, extract(epoch from (window_start + make_interval(secs => window_ms / 1000.0) - now())) * 1000)`.as(
        'ttl_ms'
      )
    ])
    .executeTakeFirstOrThrow()
  return { hits: Number(row.hits), ttlMs: Math.round(Number(row.ttl_ms)) }
}

/** Removes windows that ended more than an hour ago; returns how many. */
export async function sweepRateLimits(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit')
    .where(sql<boolean>`window_start + make_interval(secs => window_ms / 1000.0) < now() - interval '1 hour'`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
