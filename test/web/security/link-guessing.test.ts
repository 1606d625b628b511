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
