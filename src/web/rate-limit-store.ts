/**
 * A store for @fastify/rate-limit that keeps its counts in the database (ASVS 2.2.1, 11.1.4): every
 * process of a deployment sees the same counts, and a restart does not wipe them. One key per route and
 * client (`POST /sign-in|<ip>`). Every 500th hit also sweeps windows that ended an hour ago, so the table
 * stays small without a timer.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { hitRateLimit, sweepRateLimits } from '../db/repositories/rate-limits.js'

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void

export interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void
  child(routeOptions: { routeInfo: { method: string | string[]; url: string } }): RateLimitStore
}

const SWEEP_EVERY = 500

/** The store class for `@fastify/rate-limit`'s `store` option, bound to the database. */
export function databaseRateLimitStore(db: Kysely<Database>): new (options?: unknown) => RateLimitStore {
  const counter = { hits: 0 }
  return class DatabaseRateLimitStore implements RateLimitStore {
    // the plugin passes its options to the constructor; a child store passes its key prefix
    constructor(
      _options?: unknown,
      private readonly prefix = ''
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      counter.hits += 1
      const sweep = counter.hits % SWEEP_EVERY === 0 ? sweepRateLimits(db) : Promise.resolve(0)
      Promise.all([hitRateLimit(db, `${this.prefix}${key}`, timeWindow), sweep]).then(
        ([r]) => callback(null, { current: r.hits, ttl: r.ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)))
      )
    }

    child(routeOptions: { routeInfo: { method: string | string[]; url: string } }): RateLimitStore {
      const { method, url } = routeOptions.routeInfo
      return new DatabaseRateLimitStore(undefined, `${[method].flat().join(',')} ${url}|`)
    }
  }
}
