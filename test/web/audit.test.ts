// The audit trail: visible and exportable by admins of the same organisation only, never editable.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn } from '../helpers/browser-session.js'

const [kind] = await testDialects()

describe(`audit trail (${kind})`, () => {
  let built: Built
  before(async () => {
    built = await build(kind!)
  })
  after(() => built.close())

  test('admins see patient views with who, when and from where; CSV export is itself audited', async () => {
    const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
    const p = built.fixture.orgA.patients[0]!
    await clinician.get(`/patients/${p.id}`)
    const admin = await signedIn(built.app, built.fixture.emailA('admin'))
    const page = await admin.get('/audit?action=view')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /clinician of ORG-A/)
    assert.match(page.body, new RegExp(`patient ${p.id}`))
    const csv = await admin.get('/audit.csv?action=view')
    assert.equal(csv.statusCode, 200)
    assert.match(String(csv.headers['content-type']), /text\/csv/)
    assert.match(String(csv.headers['content-disposition']), /attachment/)
    const lines = csv.body.trim().split('\n')
    assert.equal(
      lines[0],
      'occurred_at,actor_user_id,actor_name,actor_role,action,entity_type,entity_id,patient_id,ip,user_agent,detail'
    )
    assert.ok(lines.some((l) => l.includes(p.id) && l.includes(',view,')))
    const exports = await built.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'export')
      .execute()
    assert.equal(exports.length, 1)
  })

  test("another organisation's admin sees none of it", async () => {
    const adminB = await signedIn(built.app, built.fixture.emailB('admin'))
    const csv = await adminB.get('/audit.csv')
    assert.doesNotMatch(csv.body, new RegExp(built.fixture.orgA.patients[0]!.id))
    assert.doesNotMatch(csv.body, /clinician of ORG-A/)
  })

  test('more than a page of events has links to the next and previous pages', async () => {
    const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
    const p = built.fixture.orgA.patients[0]!
    for (let i = 0; i < 51; i++) await clinician.get(`/patients/${p.id}`)
    const admin = await signedIn(built.app, built.fixture.emailA('admin'))
    const first = await admin.get('/audit?action=view')
    assert.match(first.body, /class="nhsuk-pagination/)
    assert.match(first.body, /href="\/audit\?action=view&amp;page=2"/)
    const second = await admin.get('/audit?action=view&page=2')
    assert.match(second.body, /href="\/audit\?action=view&amp;page=1"/)
  })

  test('bad filters give field errors, not a crash', async () => {
    const admin = await signedIn(built.app, built.fixture.emailA('admin'))
    const res = await admin.get('/audit?from=yesterday&action=delete')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Enter the start date as YYYY-MM-DD/)
    assert.match(res.body, /Select an action from the list/)
  })

  test('no route can change or delete it', async () => {
    const admin = await signedIn(built.app, built.fixture.emailA('admin'))
    await admin.get('/audit')
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await built.app.inject({ method, url: '/audit', payload: {} })
      assert.equal(res.statusCode, 404, method)
    }
    const writes = built.app.reachRoutes.filter((r) => r.url.startsWith('/audit') && r.method !== 'GET')
    assert.deepEqual(writes, [])
  })
})
