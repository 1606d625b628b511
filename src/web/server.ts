/**
 * Runs Reach: connect, migrate, optionally seed the demonstration data, listen, and shut down
 * gracefully on SIGINT/SIGTERM (stop taking requests, finish those in flight, close the database).
 */
import type { FastifyInstance } from 'fastify'
import { pgliteDir, type Config } from '../config.js'
import { connectDatabase, detectRlsRole, type ReachDatabase } from '../db/connect.js'
import { migrateToLatest } from '../db/migrate.js'
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo.js'
import { buildApp } from './app.js'

export interface RunningServer {
  app: FastifyInstance
  database: ReachDatabase
  url: string
}

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

export async function startServer(
  config: Config,
  options: { seedIfEmpty: boolean; log: (line: string) => void }
): Promise<RunningServer> {
  const database = await openDatabase(config)
  let seeded = false
  if (options.seedIfEmpty && config.seedDemo && (await isDatabaseEmpty(database.db))) {
    options.log('Empty database: loading the demonstration data (synthetic patients, no real person)…')
    await seedDemo(database.db, { sharedDataDir: config.sharedDataDir, log: options.log })
    seeded = true
  }
  const app = await buildApp({ config, database })
  const address = await app.listen({ host: config.host, port: config.port })
  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost')

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ event: 'shutdown', signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10_000)
    timer.unref()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  void seeded
  return { app, database, url }
}
