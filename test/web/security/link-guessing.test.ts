// Finding 14: POST /s was rate limited but GET /s/<code> was not (40 guesses in 0.7 s).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { build } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'

const [kind] = await testDialects()

test('guessing self-completion codes by GET is rate limited, with the NHS page', async (t) => {
  const built = await build(kind ?? 'pglite', {}, t)
  const statuses: number[] = []
  for (let i = 0; i < 35; i++) {
    const res = await built.app.inject({ method: 'GET', url: `/s/ABCD${String(1000 + i)}` })
    statuses.push(res.statusCode)
    if (res.statusCode === 429) assert.match(res.body, /Too many attempts/)
  }
  assert.ok(
    statuses.slice(0, 30).every((s) => s !== 429),
    'a patient opening their link a few times is not limited'
  )
  assert.equal(statuses.at(-1), 429)
})

// ASVS 2.2.1 / 11.1.4: the counts live in the database, so every process of a deployment shares them and a
// restart does not reset them (before, each process kept its own in memory).
test('rate-limit counts are shared by every process on the database and survive a restart', async (t) => {
  const built = await build(kind ?? 'pglite', {}, t)
  const { buildApp } = await import('../../../src/web/app.js')
  const second = await buildApp({ config: built.config, database: built.database, logger: false })
  await second.ready()
  const guess = (app: typeof second, i: number) => app.inject({ method: 'GET', url: `/s/ABCD${String(2000 + i)}` })
  const statuses: number[] = []
  // alternate between the two processes: together they reach the limit a single one would
  for (let i = 0; i < 35; i++) statuses.push((await guess(i % 2 === 0 ? built.app : second, i)).statusCode)
  assert.equal(statuses.at(-1), 429)
  await second.close()
  // a process started afresh on the same database still refuses
  const third = await buildApp({ config: built.config, database: built.database, logger: false })
  await third.ready()
  assert.equal((await guess(third, 99)).statusCode, 429)
  await third.close()
  const rows = await built.database.db.selectFrom('rate_limit').select(['key', 'hits']).execute()
  assert.equal(rows.length, 1)
  assert.match(rows[0]?.key ?? '', /^GET \/s\/:key\|/)
})
