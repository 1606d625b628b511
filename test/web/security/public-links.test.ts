// Finding 7: self-completion links were built from the request's Host header and rendered raw into
// HTML. They now come from the configured REACH_PUBLIC_URL, whatever Host says, and are escaped.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { build } from '../../helpers/build.js'
import { signedIn } from '../../helpers/browser-session.js'
import { testDialects } from '../../helpers/databases.js'
import { loadConfig, ConfigError } from '../../../src/config.js'

const [kind] = await testDialects()

test('the self-completion link uses REACH_PUBLIC_URL, not the Host header', async (t) => {
  const built = await build(kind ?? 'pglite', { REACH_PUBLIC_URL: 'https://reach.example.nhs.uk' }, t)
  const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
  const patient = built.fixture.orgA.patients[0]
  assert.ok(patient)
  await clinician.get(`/patients/${patient.id}`)
  const res = await built.app.inject({
    method: 'POST',
    url: `/patients/${patient.id}/screening/invite`,
    headers: {
      cookie: clinician.cookieHeader(),
      host: 'evil.test"><script>alert(1)</script>',
      'content-type': 'application/x-www-form-urlencoded'
    },
    payload: new URLSearchParams({ _csrf: clinician.csrfToken(), language: 'en' }).toString()
  })
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /https:\/\/reach\.example\.nhs\.uk\/s\/[A-Za-z0-9_-]{43}/)
  assert.doesNotMatch(res.body, /evil\.test/)
  assert.doesNotMatch(res.body, /<script>alert/)
})

test('REACH_PUBLIC_URL must be an http(s) address, and is required in production', () => {
  const base = { NODE_ENV: 'test', REACH_SESSION_SECRET: 's'.repeat(40) }
  assert.equal(
    loadConfig({ ...base, REACH_PUBLIC_URL: 'https://reach.example.nhs.uk/' }).publicUrl,
    'https://reach.example.nhs.uk'
  )
  assert.equal(loadConfig({ ...base, PORT: '3100' }).publicUrl, 'http://localhost:3100')
  assert.throws(() => loadConfig({ ...base, REACH_PUBLIC_URL: 'javascript:alert(1)' }), ConfigError)
  assert.throws(() => loadConfig({ ...base, NODE_ENV: 'production' }), /REACH_PUBLIC_URL must be set in production/)
})
