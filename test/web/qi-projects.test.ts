// The QI workspace's project pages (issue 14): create from the Digital inclusion template, the aim helper,
// the driver diagram (SVG and list) and its forms, the timeline, the progress score; roles and isolation.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, type InjectSession } from '../helpers/browser-session.js'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const newProject = (over: Record<string, string> = {}) => ({
  name: 'Digital inclusion in community therapy',
  aimWhat: 'Increase the share of new patients screened for digital exclusion',
  aimWho: 'adults seen by community therapy',
  aimHowMuch: 'from 10% to 80%',
  'aimByWhen[day]': '31',
  'aimByWhen[month]': '3',
  'aimByWhen[year]': '2099',
  status: 'active',
  'startOn[day]': '1',
  'startOn[month]': '12',
  'startOn[year]': '2026',
  template: 'digital-inclusion',
  ...over
})

for (const kind of await testDialects()) {
  describe(`QI projects (${kind})`, () => {
    let built: Built
    let lead: InjectSession
    let board: InjectSession
    let projectId = ''
    const page = async (who: InjectSession = lead) => (await who.get(`/projects/${projectId}`)).body
    before(async () => {
      built = await build(kind)
      lead = await signedIn(built.app, built.fixture.emailA('qi_lead'))
      board = await signedIn(built.app, built.fixture.emailA('board'))
    })
    after(() => built.close())

    test('a project from the Digital inclusion template: aim, six primary drivers, eleven change ideas, four milestones, measures', async () => {
      await lead.get('/projects/new')
      const res = await lead.post('/projects/new', newProject())
      assert.equal(res.statusCode, 303)
      projectId = String(res.headers.location).split('/').pop()!
      const body = await page()
      assert.match(
        text(body),
        /Increase the share of new patients screened for digital exclusion, for adults seen by community therapy, from 10% to 80%, by 31 March 2099\./
      )
      assert.doesNotMatch(body, /Check the aim/)
      const primaries = [...body.matchAll(/<span class="qi-meta">primary driver<\/span>/g)].length
      const ideas = [...body.matchAll(/<span class="qi-meta">change idea<\/span>/g)].length
      assert.equal(primaries, 6)
      assert.equal(ideas, 11)
      assert.match(body, /<svg[^>]*role="img" aria-labelledby="driver-diagram-title driver-diagram-desc"/)
      assert.equal([...body.matchAll(/<li>\s*<strong>[^<]+<\/strong>: due /g)].length, 4)
      assert.match(body, /New patients screened at initial assessment/)
      assert.match(body, /Plan a PDSA cycle/)
      assert.match(text(body), /Reach suggests 1\.5 Planning has begun|Reach suggests 1\.0 Team formed/)
      // the board reads it, without the forms
      const boardView = await page(board)
      assert.match(boardView, /Digital inclusion in community therapy/)
      assert.doesNotMatch(boardView, /Add a driver|Plan a PDSA cycle|Record score/)
      assert.match((await board.get('/projects')).body, /Digital inclusion in community therapy/)
    })

    test('the aim helper flags an aim that is not specific or not time-bound; input kept on errors', async () => {
      await lead.get('/projects/new')
      const bad = await lead.post(
        '/projects/new',
        newProject({ name: '', 'startOn[day]': '', 'startOn[month]': '', 'startOn[year]': '' })
      )
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /href="#name"/)
      assert.match(bad.body, /href="#startOn-day"/)
      assert.match(bad.body, /value="from 10% to 80%"/)
      const vague = await lead.post(
        '/projects/new',
        newProject({
          name: 'Vague',
          aimHowMuch: 'a lot',
          'aimByWhen[day]': '',
          'aimByWhen[month]': '',
          'aimByWhen[year]': '',
          template: ''
        })
      )
      assert.equal(vague.statusCode, 303)
      const body = text((await lead.get(String(vague.headers.location))).body)
      assert.match(body, /Check the aim/)
      assert.match(body, /Say how much, with a number/)
      assert.match(body, /Say by when, with a date/)
    })

    test('driver diagram forms: errors at their own form, two levels only, removing asks what to do with what is under it', async () => {
      const empty = await lead.post(`/projects/${projectId}/drivers`, { title: '', parentId: '' })
      assert.equal(empty.statusCode, 200)
      assert.match(empty.body, /href="#driverTitle"/)
      assert.match(empty.body, /Enter the driver/)
      const drivers = () =>
        built.database.db
          .selectFrom('qi_driver')
          .select(['id', 'title', 'parent_id'])
          .where('project_id', '=', projectId)
          .execute()
      const secondaryId = (await drivers()).find((d) => d.parent_id !== null)?.id
      assert.ok(secondaryId)
      const tooDeep = await lead.post(`/projects/${projectId}/drivers`, { title: 'Third level', parentId: secondaryId })
      assert.equal(tooDeep.statusCode, 200)
      assert.match(tooDeep.body, /A secondary driver goes under a primary driver/)
      assert.match(tooDeep.body, /value="Third level"/)

      const added = await lead.post(`/projects/${projectId}/drivers`, {
        title: 'Digital champions in every team',
        parentId: ''
      })
      assert.equal(added.statusCode, 303)
      const newId = (await drivers()).find((d) => d.title === 'Digital champions in every team')?.id
      assert.ok(newId)
      const idea = await lead.post(`/projects/${projectId}/change-ideas`, {
        title: 'Champion rota',
        driverId: newId,
        description: ''
      })
      assert.equal(idea.statusCode, 303)
      assert.match(await page(), /7\.1 Champion rota/)

      const ask = await lead.post(`/projects/${projectId}/drivers/${newId}/remove`, { mode: 'none', targetId: '' })
      assert.equal(ask.statusCode, 200)
      assert.match(ask.body, /Choose what to do with the drivers and change ideas under it/)
      const primaryOne = (await drivers()).find((d) => d.title.startsWith('Access'))?.id
      const moved = await lead.post(`/projects/${projectId}/drivers/${newId}/remove`, {
        mode: 'move',
        targetId: primaryOne!
      })
      assert.equal(moved.statusCode, 303)
      const after = await page()
      assert.doesNotMatch(after, /Digital champions in every team/)
      assert.match(after, /Champion rota/)
    })

    test('timeline and progress: add a milestone, mark it done; a score needs a reason', async () => {
      const bad = await lead.post(`/projects/${projectId}/milestones`, {
        title: '',
        'dueOn[day]': '31',
        'dueOn[month]': '2',
        'dueOn[year]': '2027'
      })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Enter the milestone/)
      assert.match(bad.body, /must be a real date/)
      const good = await lead.post(`/projects/${projectId}/milestones`, {
        title: 'Board paper',
        'dueOn[day]': '1',
        'dueOn[month]': '6',
        'dueOn[year]': '2027'
      })
      assert.equal(good.statusCode, 303)
      const id =
        /milestones\/([^/]+)\/done"[\s\S]{0,400}?Board paper|Board paper[\s\S]*?milestones\/([^/]+)\/done/.exec(
          await page()
        )
      const milestoneId = id?.[1] ?? id?.[2]
      assert.ok(milestoneId)
      assert.equal((await lead.post(`/projects/${projectId}/milestones/${milestoneId}/done`, {})).statusCode, 303)
      assert.match(text(await page()), /Done \d{1,2} \w+ \d{4}/)

      const noReason = await lead.post(`/projects/${projectId}/progress`, { score: '2.0', reason: '' })
      assert.equal(noReason.statusCode, 200)
      assert.match(noReason.body, /Say why this is the score/)
      const wrong = await lead.post(`/projects/${projectId}/progress`, { score: '2.2', reason: 'x' })
      assert.match(wrong.body, /Select a progress score/)
      const set = await lead.post(`/projects/${projectId}/progress`, { score: '2.0', reason: 'Two cycles planned' })
      assert.equal(set.statusCode, 303)
      assert.match(text(await page()), /Progress score 2 ?: Activity, but no changes tested/)
    })

    test('roles and isolation: the board cannot change a project; another organisation gets 404', async () => {
      assert.equal((await board.post(`/projects/${projectId}/drivers`, { title: 'x', parentId: '' })).statusCode, 403)
      const adminB = await signedIn(built.app, built.fixture.emailB('admin'))
      await adminB.get('/projects')
      assert.equal((await adminB.get(`/projects/${projectId}`)).statusCode, 404)
      await adminB.get('/projects/new')
      assert.equal((await adminB.post(`/projects/${projectId}/drivers`, { title: 'x', parentId: '' })).statusCode, 404)
      assert.doesNotMatch((await adminB.get('/projects')).body, /Digital inclusion in community therapy/)
      assert.equal((await lead.get('/projects/not-a-uuid')).statusCode, 404)
    })
  })
}
