/** Whether the database answers: for the health check. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.js'

export async function databaseResponds(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
