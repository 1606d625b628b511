// Programmes across the organisations of one system (issue 14): a lead adds a programme with system-wide
// measures; each organisation shares its own projects with it and chooses the measures that go along;
// another organisation of the system sees the shared project's name, status, aim and progress score and
// the chosen charts (small numbers suppressed), nothing else; an organisation of another system sees no
// programme at all. Form errors keep the input.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, type InjectSession } from '../helpers/browser-session.js'
import { fixturePassword } from '../helpers/fixture.js'
import { hashPassword } from '../../src/security/password-hash.js'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

const manualMeasure = (orgId: string, projectId: string, name: string) => ({
  org_id: orgId,
  project_id: projectId,
  team_id: null,
  name,
  type: 'process' as const,
  source: 'manual' as const,
  derived_key: null,
  numerator: 'Patients asked',
  denominator: 'New patients',
  inclusions: null,
  exclusions: null,
  frequency: 'monthly' as const,
  improvement: 'increase' as const,
  target: null,
  unit: 'percent',
  owner: null,
  notes: null,
  updated_at: new Date()
})

for (const kind of await testDialects()) {
  describe(`QI programmes (${kind})`, () => {
    let built: Built
    let leadA: InjectSession
    let boardA: InjectSession
    let adminB: InjectSession
    let adminC: InjectSession
    let projectA = ''
    let projectB = ''
    let sharedMeasure = ''
    let privateMeasure = ''
    let otherProjectMeasure = ''
    let programmeId = ''
    const newProject = async (who: InjectSession, name: string) => {
      await who.get('/projects/new')
      const res = await who.post('/projects/new', {
        name,
        aimWhat: 'Screen new patients for digital exclusion',
        aimWho: 'adults seen by the trust',
        aimHowMuch: 'from 10% to 80%',
        'aimByWhen[day]': '31',
        'aimByWhen[month]': '3',
        'aimByWhen[year]': '2099',
        status: 'active',
        'startOn[day]': '1',
        'startOn[month]': '1',
        'startOn[year]': '2025'
      })
      assert.equal(res.statusCode, 303)
      return String(res.headers.location).split('/').pop() ?? ''
    }

    before(async () => {
      built = await build(kind)
      const db = built.database.db
      leadA = await signedIn(built.app, built.fixture.emailA('qi_lead'))
      boardA = await signedIn(built.app, built.fixture.emailA('board'))
      adminB = await signedIn(built.app, built.fixture.emailB('admin'))
      // an organisation of another system
      const system = await db
        .insertInto('system')
        .values({ code: 'OTHER', name: 'Another system', is_synthetic: true })
        .returning('id')
        .executeTakeFirstOrThrow()
      const orgC = await db
        .insertInto('organisation')
        .values({ system_id: system.id, code: 'ORG-C', name: 'Organisation C', kind: 'trust', is_synthetic: true })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('staff_user')
        .values({
          org_id: orgC.id,
          email: 'admin@org-c.test',
          display_name: 'admin of ORG-C',
          role: 'admin',
          team_id: null,
          password_hash: await hashPassword(fixturePassword)
        })
        .execute()
      adminC = await signedIn(built.app, 'admin@org-c.test')

      projectA = await newProject(leadA, 'Screening at every first appointment')
      const otherA = await newProject(leadA, 'Another project of A')
      projectB = await newProject(adminB, 'Digital champions in GP surgeries')
      const orgA = built.fixture.orgA.id
      const insert = async (projectId: string, name: string) =>
        (
          await db
            .insertInto('measure')
            .values(manualMeasure(orgA, projectId, name))
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      sharedMeasure = await insert(projectA, 'New patients asked about digital access')
      privateMeasure = await insert(projectA, 'Private measure of A')
      otherProjectMeasure = await insert(otherA, 'Measure of the other project')
      const months = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01']
      await db
        .insertInto('measure_value')
        .values(
          months.map((m, i) => ({
            org_id: orgA,
            measure_id: sharedMeasure,
            period_start: m,
            // the second month's numerator is 3: a small number, suppressed for everyone on the programme page
            numerator: i === 1 ? 3 : 20 + i,
            denominator: 40,
            value: ((i === 1 ? 3 : 20 + i) * 100) / 40,
            note: null,
            entered_by: null
          }))
        )
        .execute()
      await leadA.get(`/projects/${projectA}`)
      await leadA.post(`/projects/${projectA}/progress`, { score: '2.5', reason: 'Two cycles run' })
    })
    after(() => built.close())

    test('adding a programme: field errors keep the input; the name is unique in the system', async () => {
      const form = await leadA.get('/programmes/new')
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /name="measureKeys" type="checkbox" value="[a-z-_]+" checked/)
      const empty = await leadA.post('/programmes/new', { name: '', aim: 'Keep me', measureKeys: [] })
      assert.equal(empty.statusCode, 200)
      assert.match(empty.body, /href="#name"/)
      assert.match(empty.body, /Keep me<\/textarea>/)
      const unknown = await leadA.post('/programmes/new', { name: 'X', aim: '', measureKeys: ['no-such-measure'] })
      assert.match(unknown.body, /Select measures from the list/)
      const added = await leadA.post('/programmes/new', {
        name: 'City and Hackney digital inclusion',
        aim: 'Everyone can use or get round digital health services',
        measureKeys: ['screened-at-initial-assessment', 'referrals-made']
      })
      assert.equal(added.statusCode, 303, added.body.slice(0, 300))
      programmeId = String(added.headers.location).split('/').pop() ?? ''
      await adminB.get('/programmes/new')
      const clash = await adminB.post('/programmes/new', {
        name: 'CITY AND HACKNEY digital inclusion',
        aim: '',
        measureKeys: []
      })
      assert.match(clash.body, /A programme with this name already exists in your system/)
    })

    test('every organisation of the system sees the programme; another system does not', async () => {
      for (const who of [leadA, boardA, adminB]) {
        const list = await who.get('/programmes')
        assert.match(text(list.body), /City and Hackney digital inclusion Led by Organisation A Projects shared 0/)
      }
      assert.doesNotMatch((await adminC.get('/programmes')).body, /City and Hackney digital inclusion/)
      assert.equal((await adminC.get(`/programmes/${programmeId}`)).statusCode, 404)
      assert.equal((await adminC.get('/programmes/not-a-uuid')).statusCode, 404)
      const page = await boardA.get(`/programmes/${programmeId}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /No organisation has shared a project with this programme yet/)
      assert.match(page.body, /System-wide measures of City and Hackney digital inclusion/)
    })

    test('sharing a project: only its own measures, only with a programme of the system', async () => {
      const form = await leadA.get(`/projects/${projectA}/share`)
      assert.equal(form.statusCode, 200)
      const wrong = await leadA.post(`/projects/${projectA}/share`, {
        programmeId,
        measureIds: [sharedMeasure, otherProjectMeasure]
      })
      assert.equal(wrong.statusCode, 200)
      assert.match(wrong.body, /Select measures of this project only/)
      const none = await leadA.post(`/projects/${projectA}/share`, { programmeId: '', measureIds: [sharedMeasure] })
      assert.match(none.body, /href="#programmeId"/)
      const shared = await leadA.post(`/projects/${projectA}/share`, { programmeId, measureIds: [sharedMeasure] })
      assert.equal(shared.statusCode, 303)
      assert.match(
        text((await leadA.get(`/projects/${projectA}/share`)).body),
        /City and Hackney digital inclusion since/
      )
      // another organisation cannot open or share A's project
      assert.equal((await adminB.get(`/projects/${projectA}/share`)).statusCode, 404)
      await adminB.get(`/projects/${projectB}/share`)
      assert.equal((await adminB.post(`/projects/${projectA}/share`, { programmeId, measureIds: [] })).statusCode, 404)
      // B shares its own project, with no measures
      await adminB.get(`/projects/${projectB}/share`)
      assert.equal((await adminB.post(`/projects/${projectB}/share`, { programmeId, measureIds: [] })).statusCode, 303)
      // a programme of another system cannot be shared with
      await adminC.get('/programmes/new')
      const other = await adminC.post('/programmes/new', { name: 'Elsewhere', aim: '', measureKeys: [] })
      const otherId = String(other.headers.location).split('/').pop() ?? ''
      await leadA.get(`/projects/${projectA}/share`)
      const elsewhere = await leadA.post(`/projects/${projectA}/share`, { programmeId: otherId, measureIds: [] })
      assert.match(elsewhere.body, /Select a programme of your system/)
    })

    test('another organisation sees the shared project and its chosen measure, small numbers suppressed, nothing else', async () => {
      const page = await adminB.get(`/programmes/${programmeId}`)
      assert.equal(page.statusCode, 200)
      const body = text(page.body)
      assert.match(
        body,
        /Screening at every first appointment Organisation Organisation A Status Active Aim Screen new patients for digital exclusion, for adults seen by the trust, from 10% to 80%, by 31 March 2099\. Progress score 2\.5 Changes tested, but no improvement/
      )
      assert.match(body, /Digital champions in GP surgeries Organisation Organisation B Status Active/)
      assert.match(body, /New patients asked about digital access/)
      assert.doesNotMatch(body, /Private measure of A|Measure of the other project|Another project of A|Two cycles run/)
      assert.match(body, /1 month is suppressed/)
      assert.doesNotMatch(page.body, /1 February 2025: |[^.0-9]7\.5%/)
      assert.doesNotMatch(page.body, new RegExp(`href="/projects/${projectA}`))
      assert.doesNotMatch(page.body, new RegExp(privateMeasure))
      // the sharing organisation sees the same page, with links to its own project
      const own = await leadA.get(`/programmes/${programmeId}`)
      assert.match(own.body, new RegExp(`href="/projects/${projectA}/share"`))
      assert.match(text(own.body), /1 month is suppressed/)
    })

    test('stopping sharing takes the project off the programme; the board cannot share', async () => {
      assert.equal((await boardA.get(`/projects/${projectA}/share`)).statusCode, 403)
      await leadA.get(`/projects/${projectA}/share`)
      assert.equal((await leadA.post(`/projects/${projectA}/share/${programmeId}/remove`, {})).statusCode, 303)
      const page = text((await adminB.get(`/programmes/${programmeId}`)).body)
      assert.doesNotMatch(page, /Screening at every first appointment/)
      assert.match(page, /Digital champions in GP surgeries/)
      await leadA.get(`/projects/${projectA}/share`)
      assert.equal((await leadA.post(`/projects/${projectA}/share/${programmeId}/remove`, {})).statusCode, 404)
      const audit = await built.database.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity_type', '=', 'qi_programme_project')
        .orderBy('occurred_at')
        .execute()
      assert.deepEqual(
        audit.map((a) => a.action),
        ['update', 'update', 'delete']
      )
    })
  })
}
