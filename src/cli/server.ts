/**
 * Runs Reach: connect, migrate, optionally seed the demonstration data, listen, and shut down
 * gracefully on SIGINT/SIGTERM (stop taking requests, finish those in flight, close the database).
 */
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { openDatabase } from '../db/open.js'
import type { ReachDatabase } from '../db/connect.js'
import { demoStaffAccounts, isDatabaseEmpty, seedDemo } from '../db/seed/demo.js'
import { demoPassword } from '../db/seed/demo-accounts.js'
import { buildApp } from '../web/app.js'

export interface RunningServer {
  app: FastifyInstance
  database: ReachDatabase
  url: string
}

export async function startServer(
  config: Config,
  options: { seedIfEmpty: boolean; log: (line: string) => void }
): Promise<RunningServer> {
  const database = await openDatabase(config)
  if (options.seedIfEmpty && config.seedDemo && (await isDatabaseEmpty(database.db))) {
    options.log('Empty database: loading the demonstration data (synthetic patients, no real person)…')
    await seedDemo(database.db, { sharedDataDir: config.sharedDataDir, log: options.log })
  }
  // The sign-in page lists the demonstration accounts, outside production only.
  const demoSignIn =
    config.env === 'production'
      ? undefined
      : async () => {
          const accounts = await demoStaffAccounts(database.db)
          return accounts.length === 0 ? null : { password: demoPassword, accounts }
        }
  const app = await buildApp({ config, database, demoSignIn })
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
  return { app, database, url }
}
