// A project's team (issue 14): leads add staff of their organisation, remove them and choose the owner;
// the owner stays on the team; the board reads the list; another organisation's staff and projects are
// out of reach; every change is audited. A clinician added here records observations on the cycles.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, type InjectSession } from '../helpers/browser-session.js'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

for (const kind of await testDialects()) {
  describe(`QI project members (${kind})`, () => {
    let built: Built
    let lead: InjectSession
    let board: InjectSession
    let adminB: InjectSession
    let projectId = ''
    const idOf = async (email: string) =>
      (
        await built.database.db
          .selectFrom('staff_user')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id
    const members = () => `/projects/${projectId}/members`
    before(async () => {
      built = await build(kind)
      lead = await signedIn(built.app, built.fixture.emailA('qi_lead'))
      board = await signedIn(built.app, built.fixture.emailA('board'))
      adminB = await signedIn(built.app, built.fixture.emailB('admin'))
      await lead.get('/projects/new')
      const res = await lead.post('/projects/new', {
        name: 'Text reminders that reach everyone',
        status: 'active',
        'startOn[day]': '1',
        'startOn[month]': '12',
        'startOn[year]': '2026'
      })
      assert.equal(res.statusCode, 303)
      projectId = String(res.headers.location).split('/').pop() ?? ''
    })
    after(() => built.close())

    test('the owner is the first member; the project page names the team and links to it', async () => {
      const page = await lead.get(members())
      assert.equal(page.statusCode, 200)
      assert.match(text(page.body), /qi_lead of ORG-A Owner/)
      assert.match(page.body, /The owner stays on the team/)
      assert.match(page.body, /<option value="[0-9a-f-]{36}">clinician of ORG-A \(Clinician\)<\/option>/)
      assert.doesNotMatch(page.body, /of ORG-B/)
      const project = await lead.get(`/projects/${projectId}`)
      assert.match(text(project.body), /Team qi_lead of ORG-A/)
      assert.match(project.body, new RegExp(`href="/projects/${projectId}/members"`))
    })

    test('adding a member: nobody chosen, someone of another organisation, and twice are field errors', async () => {
      await lead.get(members())
      const empty = await lead.post(members(), { userId: '' })
      assert.equal(empty.statusCode, 200)
      assert.match(empty.body, /href="#userId"/)
      assert.match(empty.body, /Select a member of staff to add to the project/)
      const other = await lead.post(members(), { userId: await idOf(built.fixture.emailB('clinician')) })
      assert.equal(other.statusCode, 200)
      assert.match(other.body, /Select a member of staff to add to the project/)
      const clinicianId = await idOf(built.fixture.emailA('clinician'))
      const added = await lead.post(members(), { userId: clinicianId })
      assert.equal(added.statusCode, 303)
      const page = await lead.get(members())
      assert.match(text(page.body), /clinician of ORG-A Clinician Records what happened and what was learned/)
      assert.match(page.body, /Member added/)
      const again = await lead.post(members(), { userId: clinicianId })
      assert.equal(again.statusCode, 200)
      assert.match(again.body, /clinician of ORG-A is already a member/)
      const audit = await built.database.db
        .selectFrom('audit_event')
        .select(['action', 'entity_id'])
        .where('entity_type', '=', 'qi_project_member')
        .execute()
      assert.deepEqual(audit, [{ action: 'create', entity_id: projectId }])
    })

    test('the owner cannot be removed until someone else owns the project; then they can', async () => {
      const leadId = await idOf(built.fixture.emailA('qi_lead'))
      const clinicianId = await idOf(built.fixture.emailA('clinician'))
      await lead.get(members())
      const refused = await lead.post(`${members()}/${leadId}/remove`, {})
      assert.equal(refused.statusCode, 200)
      assert.match(refused.body, /The owner stays a member/)
      assert.equal((await lead.post(`${members()}/${clinicianId}/owner`, {})).statusCode, 303)
      assert.match(text((await lead.get(`/projects/${projectId}`)).body), /Owner clinician of ORG-A/)
      await lead.get(members())
      assert.equal((await lead.post(`${members()}/${leadId}/remove`, {})).statusCode, 303)
      const page = await lead.get(members())
      assert.doesNotMatch(text(page.body), /qi_lead of ORG-A (QI lead|Owner)/)
      assert.match(page.body, /<option value="[0-9a-f-]{36}">qi_lead of ORG-A/)
      // someone who is not a member, or an id that is not one, is not found
      assert.equal((await lead.post(`${members()}/${leadId}/remove`, {})).statusCode, 404)
      await lead.get(members())
      assert.equal((await lead.post(`${members()}/not-a-uuid/owner`, {})).statusCode, 404)
    })

    test('the board reads the team without the forms and cannot change it; another organisation gets 404', async () => {
      const page = await board.get(members())
      assert.equal(page.statusCode, 200)
      assert.match(text(page.body), /clinician of ORG-A/)
      assert.doesNotMatch(page.body, /Add a member|Make owner|name="userId"/)
      assert.equal((await board.post(members(), { userId: await idOf(built.fixture.emailA('board')) })).statusCode, 403)
      assert.equal((await adminB.get(members())).statusCode, 404)
      await adminB.get('/projects/new')
      const clinicianB = await idOf(built.fixture.emailB('clinician'))
      assert.equal((await adminB.post(members(), { userId: clinicianB })).statusCode, 404)
    })
  })
}
