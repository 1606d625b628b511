// Finding 18 (in part): a search records every patient it showed, so a patient's audit trail says who
// saw them in results, not only who opened their record; the audit CSV carries each row's detail.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { build } from '../../helpers/build.js'
import { signedIn } from '../../helpers/browser-session.js'
import { testDialects } from '../../helpers/databases.js'

const [kind] = await testDialects()

test('a search audits each patient shown; the CSV has a detail column', async (t) => {
  const built = await build(kind ?? 'pglite', {}, t)
  const p = built.fixture.orgA.patients[0]
  assert.ok(p)
  const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
  await clinician.get('/patients')
  const res = await clinician.post('/patients/search', { searchBy: 'nhs-number', nhsNumber: p.nhsNumber })
  assert.equal(res.statusCode, 200)
  const rows = await built.database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('patient_id', '=', p.id)
    .where('action', '=', 'view')
    .execute()
  assert.deepEqual(
    rows.map((r) => (r.detail as Record<string, unknown>).list),
    ['search-results']
  )
  const admin = await signedIn(built.app, built.fixture.emailA('admin'))
  const csv = await admin.get('/audit.csv')
  assert.match(csv.body.split('\n')[0] ?? '', /,detail$/)
  assert.match(csv.body, /search-results/)
})

test('the overdue follow-up worklist audits each patient it shows', async (t) => {
  const built = await build(kind ?? 'pglite', {}, t, { records: true })
  const records = built.records
  assert.ok(records)
  const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
  const res = await clinician.get('/referrals')
  assert.equal(res.statusCode, 200)
  const rows = await built.database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('patient_id', '=', records.A.patientId)
    .where('action', '=', 'view')
    .execute()
  assert.ok(rows.some((r) => (r.detail as Record<string, unknown>).list === 'follow-ups'))
})
