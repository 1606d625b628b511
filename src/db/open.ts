/** Connects to the configured database, applies pending migrations and detects the row-level security role. */
import { pgliteDir, type Config } from '../config.js'
import { connectDatabase, detectRlsRole, type ReachDatabase } from './connect.js'
import { migrateToLatest } from './migrate.js'

export async function openDatabase(config: Config): Promise<ReachDatabase> {
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: pgliteDir(config),
    poolSize: config.dbPoolSize
  })
  await migrateToLatest(database.db)
  database.rlsRole = await detectRlsRole(database.db)
  return database
}
