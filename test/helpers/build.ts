/**
 * build(t, kind): a migrated database with the fixture and the app on it, closed after the test.
 */
import type { TestContext } from 'node:test'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { loadConfig, type Config } from '../../src/config.js'
import type { DatabaseKind, ReachDatabase } from '../../src/db/connect.js'
import { buildApp } from '../../src/web/app.js'
import { freshDatabase } from './databases.js'
import { loadFixture, type Fixture } from './fixture.js'
import { addRecords, type Records } from './records.js'

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    REACH_SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    REACH_DATA_DIR: join(tmpdir(), 'reach-test-data'),
    REACH_LOG_LEVEL: 'silent',
    ...overrides
  })
}

export interface Built {
  app: FastifyInstance
  database: ReachDatabase
  fixture: Fixture
  /** Present when built with `{ records: true }`: real ids for every route parameter. */
  records: Records | undefined
  config: Config
  close: () => Promise<void>
}

/**
 * Use inside `describe`: `before(async () => { built = await build(kind) })` and `after(() => built.close())`,
 * or in a single test: `const built = await build(kind, {}, t)`.
 */
export async function build(
  kind: DatabaseKind,
  configOverrides: Record<string, string> = {},
  t?: TestContext,
  options: { records?: boolean } = {}
): Promise<Built> {
  const database = await freshDatabase(kind)
  const fixture = await loadFixture(database.db)
  const records = options.records ? await addRecords(database.db, fixture) : undefined
  const config = testConfig(configOverrides)
  const app = await buildApp({ config, database, logger: false })
  await app.ready()
  const close = async () => {
    await app.close()
    await database.close()
  }
  t?.after(close)
  return { app, database, fixture, records, config, close }
}
