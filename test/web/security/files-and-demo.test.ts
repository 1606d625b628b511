// Finding 19: PGlite's data files are readable by their owner only, the sign-in page shows no demo
// password unless the app was given the demonstration accounts (the CLI does so outside production
// only), and a production configuration refuses to load the demonstration data.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDatabase } from '../../../src/db/connect.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { ConfigError, loadConfig } from '../../../src/config.js'
import { demoPassword } from '../../../src/db/seed/demo-accounts.js'
import { buildApp } from '../../../src/web/app.js'
import { build, testConfig } from '../../helpers/build.js'
import { freshDatabase } from '../../helpers/databases.js'
import { loadFixture } from '../../helpers/fixture.js'

function walk(path: string): string[] {
  return statSync(path).isDirectory() ? [path, ...readdirSync(path).flatMap((n) => walk(join(path, n)))] : [path]
}

test('PGlite data: the folder is 0700 and every file 0600', { skip: process.platform === 'win32' }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'reach-perm-'))
  const dir = join(root, 'data', 'pglite')
  const previous = process.umask(0o022)
  try {
    const database = await connectDatabase({ pgliteDir: dir })
    await migrateToLatest(database.db)
    await database.close()
    const paths = walk(dir)
    assert.ok(paths.length > 10, 'PGlite wrote its files')
    for (const path of paths) {
      const mode = statSync(path).mode & 0o777
      if (statSync(path).isDirectory()) assert.equal(mode, 0o700, `${path} is ${mode.toString(8)}`)
      else assert.equal(mode & 0o077, 0, `${path} is ${mode.toString(8)}`)
    }
  } finally {
    process.umask(previous)
    rmSync(root, { recursive: true, force: true })
  }
})

test('the sign-in page shows no demo password when the app is built without demoSignIn', async (t) => {
  const built = await build('pglite', {}, t)
  const res = await built.app.inject('/sign-in')
  assert.equal(res.statusCode, 200)
  assert.ok(!res.body.includes(demoPassword))
  assert.doesNotMatch(res.body, /Demonstration accounts/)
})

test('with demoSignIn (development only) the accounts are listed, escaped', async (t) => {
  const database = await freshDatabase('pglite')
  await loadFixture(database.db)
  const app = await buildApp({
    config: testConfig(),
    database,
    logger: false,
    demoSignIn: async () => ({ password: demoPassword, accounts: [{ email: 'a<b@demo.test', role: 'admin' }] })
  })
  t.after(async () => {
    await app.close()
    await database.close()
  })
  const res = await app.inject('/sign-in')
  assert.ok(res.body.includes(demoPassword))
  assert.match(res.body, /a&lt;b@demo.test/)
})

test('NODE_ENV=production refuses to load the demonstration data', () => {
  const production = {
    NODE_ENV: 'production',
    REACH_SESSION_SECRET: 'p'.repeat(48),
    REACH_DATA_DIR: join(tmpdir(), 'reach-prod'),
    REACH_PUBLIC_URL: 'https://reach.example.nhs.uk'
  }
  assert.equal(loadConfig(production).seedDemo, false)
  assert.throws(
    () => loadConfig({ ...production, REACH_SEED_DEMO: 'true' }),
    (error) => error instanceof ConfigError && /REACH_SEED_DEMO/.test(error.message)
  )
  assert.equal(loadConfig({ ...production, NODE_ENV: 'development', REACH_SEED_DEMO: 'true' }).seedDemo, true)
})
