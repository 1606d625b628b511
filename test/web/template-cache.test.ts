// The start command caches compiled templates (about 20x the pages a second of recompiling them on
// every request, measured with autocannon on the sign-in page); watching is opt-in (`npm run dev`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadConfig } from '../../src/config.js'

test('templates are cached unless REACH_WATCH_TEMPLATES is set, in development too', () => {
  const base = { REACH_SESSION_SECRET: 's'.repeat(40) }
  assert.equal(loadConfig({ ...base, NODE_ENV: 'development' }).watchTemplates, false)
  assert.equal(loadConfig({ ...base, NODE_ENV: 'development', REACH_WATCH_TEMPLATES: 'true' }).watchTemplates, true)
})
