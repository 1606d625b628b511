/**
 * The PDSA pages: planning a cycle (errors with a summary and everything typed kept, another organisation's
 * measure refused), the worksheet moving stage by stage, who may save what (a member clinician observations
 * only, the board nothing), the cycle on its measure's chart with a link back, and the rebase suggestion on a
 * chart whose latest points have shifted.
 */
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, type InjectSession } from '../helpers/browser-session.js'

const measureRow = (orgId: string, projectId: string | null, name: string) => ({
  org_id: orgId,
  project_id: projectId,
  team_id: null,
  name,
  type: 'process' as const,
  source: 'manual' as const,
  derived_key: null,
  numerator: 'Patients asked',
  denominator: null,
  inclusions: null,
  exclusions: null,
  frequency: 'monthly' as const,
  improvement: 'increase' as const,
  target: null,
  unit: 'count',
  owner: null,
  notes: null,
  updated_at: new Date()
})

// 24 months from January 2025: 12 around 50, then 12 around 70
const series = [52, 49, 51, 48, 53, 50, 47, 52, 50, 49, 51, 50, 66, 71, 69, 72, 70, 68, 73, 71, 69, 70, 72, 74]
const monthOf = (i: number) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`

/** A complete, valid plan as the form sends it. */
const goodPlan = (changeIdeaId: string, measureIds: string[]) => ({
  changeIdeaId,
  previousId: '',
  title: 'Ask the two questions at booking',
  purpose: 'test',
  objective: 'See whether reception can ask two screening questions at booking',
  question1: 'How long does it take?',
  prediction1: 'Under a minute',
  task1What: 'Ask at booking',
  task1Who: 'Reception',
  task1Where: 'Front desk',
  task1When: 'Week of 5 January',
  dataPlan: 'Tally of patients asked and minutes taken',
  'startsOn[day]': '5',
  'startsOn[month]': '1',
  'startsOn[year]': '2026',
  'endsOn[day]': '',
  'endsOn[month]': '',
  'endsOn[year]': '',
  measureIds
})

for (const kind of await testDialects()) {
  describe(`PDSA pages (${kind})`, () => {
    let built: Built
    let lead: InjectSession
    let board: InjectSession
    let clinician: InjectSession
    let projectId = ''
    let changeIdeaId = ''
    let measureId = ''
    let shiftedId = ''
    let measureB = ''
    let pdsaId = ''
    before(async () => {
      built = await build(kind)
      const db = built.database.db
      const orgA = built.fixture.orgA.id
      const project = await db
        .insertInto('qi_project')
        .values({ org_id: orgA, name: 'Digital inclusion', aim: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      projectId = project.id
      const driver = await db
        .insertInto('qi_driver')
        .values({ org_id: orgA, project_id: projectId, parent_id: null, title: 'Access' })
        .returning('id')
        .executeTakeFirstOrThrow()
      changeIdeaId = (
        await db
          .insertInto('qi_change_idea')
          .values({
            org_id: orgA,
            project_id: projectId,
            driver_id: driver.id,
            title: 'Digital literacy questions at assessment'
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      measureId = (
        await db
          .insertInto('measure')
          .values(measureRow(orgA, projectId, 'Patients asked the questions'))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      shiftedId = (
        await db
          .insertInto('measure')
          .values(measureRow(orgA, projectId, 'Patients referred'))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      await db
        .insertInto('qi_driver_measure')
        .values({ org_id: orgA, driver_id: driver.id, measure_id: measureId })
        .execute()
      for (const id of [measureId, shiftedId])
        await db
          .insertInto('measure_value')
          .values(
            series.map((v, i) => ({
              org_id: orgA,
              measure_id: id,
              period_start: monthOf(i),
              // the first measure is steady, the second shifts up for its last 12 months
              value: id === measureId ? 40 + (i % 3) : v,
              numerator: null,
              denominator: null,
              note: null,
              entered_by: null
            }))
          )
          .execute()
      measureB = (
        await db
          .insertInto('measure')
          .values(measureRow(built.fixture.orgB.id, null, 'Measure of B'))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      const clinicianId = await db
        .selectFrom('staff_user')
        .select('id')
        .where('email', '=', built.fixture.emailA('clinician'))
        .executeTakeFirstOrThrow()
      await db
        .insertInto('qi_project_member')
        .values({ org_id: orgA, project_id: projectId, user_id: clinicianId.id })
        .execute()
      lead = await signedIn(built.app, built.fixture.emailA('qi_lead'))
      board = await signedIn(built.app, built.fixture.emailA('board'))
      clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
    })
    after(() => built.close())

    const newUrl = () => `/projects/${projectId}/pdsa/new?changeIdea=${changeIdeaId}`
    const cycleCount = async () =>
      Number(
        (
          await built.database.db
            .selectFrom('qi_pdsa')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )

    test('the plan form names the change idea and ticks the measures of its driver; the board may not open it', async () => {
      const page = await lead.get(newUrl())
      assert.equal(page.statusCode, 200)
      assert.match(
        page.body,
        /This cycle tests the change idea <strong>Digital literacy questions at assessment<\/strong>/
      )
      assert.match(page.body, new RegExp(`value="${measureId}" checked`))
      assert.doesNotMatch(page.body, new RegExp(`value="${shiftedId}" checked`))
      assert.equal((await board.get(newUrl())).statusCode, 403)
      assert.equal(
        (await lead.get(`/projects/${projectId}/pdsa/new?changeIdea=00000000-0000-4000-8000-000000000000`)).statusCode,
        404
      )
      // without a change idea the form asks for one
      assert.match((await lead.get(`/projects/${projectId}/pdsa/new`)).body, /Which change idea does this cycle test\?/)
    })

    test('a plan with mistakes re-renders with an error summary in page order and everything typed kept', async () => {
      await lead.get(newUrl())
      const res = await lead.post(`/projects/${projectId}/pdsa/new`, {
        ...goodPlan(changeIdeaId, [measureId]),
        title: '',
        purpose: '',
        prediction1: '',
        task1What: '',
        task2Who: 'Practice manager',
        'startsOn[day]': '31',
        'startsOn[month]': '2'
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<title>Error: /)
      const hrefs = [...res.body.matchAll(/<a href="(#[^"]+)"/g)].map((m) => m[1])
      assert.deepEqual(
        hrefs.filter((h) => h !== '#maincontent'),
        ['#title', '#purpose', '#prediction1', '#task1What', '#task2What', '#startsOn-day']
      )
      assert.match(res.body, /Enter your prediction for question 1/)
      assert.match(res.body, /Start date must be a real date/)
      assert.match(res.body, /value="How long does it take\?"/)
      assert.match(res.body, /value="Practice manager"/)
      assert.match(res.body, /See whether reception can ask two screening questions at booking<\/textarea>/)
      assert.match(res.body, new RegExp(`value="${measureId}" checked`))
      assert.equal(await cycleCount(), 0)
    })

    test('a plan linked to another organisation’s measure is refused as a field error, never a 500', async () => {
      await lead.get(newUrl())
      for (const ids of [[measureId, measureB], ['not-a-uuid']]) {
        const res = await lead.post(`/projects/${projectId}/pdsa/new`, goodPlan(changeIdeaId, ids))
        assert.equal(res.statusCode, 200)
        assert.match(res.body, /href="#measureIds"/)
        assert.match(res.body, /one of them is not a measure of your organisation/)
      }
      assert.equal(await cycleCount(), 0)
    })

    test('a good plan is saved and its worksheet opens at the plan stage', async () => {
      await lead.get(newUrl())
      const res = await lead.post(`/projects/${projectId}/pdsa/new`, goodPlan(changeIdeaId, [measureId]))
      assert.equal(res.statusCode, 303)
      const location = String(res.headers.location)
      assert.match(location, new RegExp(`^/projects/${projectId}/pdsa/[0-9a-f-]{36}$`))
      pdsaId = location.split('/').pop() ?? ''
      const page = await lead.get(location)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h1>Ask the two questions at booking<\/h1>/)
      assert.match(page.body, /PDSA cycle planned/)
      assert.match(page.body, /Save and move to do/)
      assert.match(page.body, new RegExp(`href="/measures/${measureId}"`))
    })

    test('moving on with a stage unfilled lists what is missing, keeps what was typed and saves nothing', async () => {
      const url = `/projects/${projectId}/pdsa/${pdsaId}`
      await lead.get(url)
      const res = await lead.post(url, {
        ...goodPlan(changeIdeaId, [measureId]),
        sections: 'plan',
        version: lead.lastHtml.match(/name="version" value="([^"]+)"/)?.[1] ?? '',
        dataPlan: '',
        objective: 'A sharper objective',
        action: 'advance'
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /href="#dataPlan"/)
      assert.match(res.body, /Enter the data you will collect/)
      assert.match(res.body, /A sharper objective<\/textarea>/)
      const row = await built.database.db
        .selectFrom('qi_pdsa')
        .select(['stage', 'objective'])
        .where('id', '=', pdsaId)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row, {
        stage: 'plan',
        objective: 'See whether reception can ask two screening questions at booking'
      })
      // filled in: it moves to do
      const version = res.body.match(/name="version" value="([^"]+)"/)?.[1] ?? ''
      const moved = await lead.post(url, {
        ...goodPlan(changeIdeaId, [measureId]),
        sections: 'plan',
        version,
        action: 'advance'
      })
      assert.equal(moved.statusCode, 303)
      assert.match((await lead.get(url)).body, /The cycle moved to do/)
    })

    test('a member clinician records observations but cannot plan or move the cycle; the board only reads', async () => {
      const url = `/projects/${projectId}/pdsa/${pdsaId}`
      const page = await clinician.get(url)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /As a member of this project you can record what happened/)
      assert.match(page.body, /name="observations"/)
      assert.doesNotMatch(page.body, /name="title"/)
      assert.doesNotMatch(page.body, /Save and move/)
      const version = page.body.match(/name="version" value="([^"]+)"/)?.[1] ?? ''
      const bad = await clinician.post(url, { sections: 'do', version, asPlanned: 'maybe', observations: 'Busy' })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /href="#asPlanned"/)
      assert.match(bad.body, /Busy<\/textarea>/)
      const saved = await clinician.post(url, {
        sections: 'do',
        version,
        asPlanned: 'no',
        observations: 'Mondays were too busy to ask'
      })
      assert.equal(saved.statusCode, 303)
      assert.equal(
        (await clinician.post(url, { ...goodPlan(changeIdeaId, [measureId]), sections: 'plan' })).statusCode,
        403
      )
      await clinician.get(url)
      assert.equal((await clinician.post(url, { sections: 'do', action: 'advance' })).statusCode, 403)

      const read = await board.get(url)
      assert.equal(read.statusCode, 200)
      assert.match(read.body, /Mondays were too busy to ask/)
      assert.doesNotMatch(read.body, /<form method="post" action="\/projects/)
      assert.equal((await board.post(url, { sections: 'do', observations: 'x' })).statusCode, 403)
    })

    test('the cycle shows on its measure’s chart, numbered, with a link back to the worksheet', async () => {
      const page = await board.get(`/measures/${measureId}`)
      assert.equal(page.statusCode, 200)
      assert.match(
        page.body,
        /class="spc-chart__annotation spc-chart__annotation--pdsa"><title>1\. PDSA 1: Ask the two questions at booking \(test\)<\/title>/
      )
      assert.match(
        page.body,
        new RegExp(
          `<a href="/projects/${projectId}/pdsa/${pdsaId}">PDSA 1: Ask the two questions at booking \\(test\\)</a><br><span class="nhsuk-u-secondary-text-colour">Now at the do stage</span>`
        )
      )
      // the other measure has no cycle
      assert.doesNotMatch((await board.get(`/measures/${shiftedId}`)).body, /spc-chart__annotation--pdsa/)
      // and the downloads carry it too
      assert.match(
        (await board.get(`/measures/${measureId}/chart.svg`)).body,
        /PDSA 1: Ask the two questions at booking/
      )
    })

    test('a sustained shift suggests a rebase from its first point, recorded with a reason', async () => {
      const page = await lead.get(`/measures/${shiftedId}`)
      assert.match(page.body, /The last 12 points are all above the mean since January 2026\./)
      assert.match(page.body, /record a rebase from 1 January 2026 with the reason/)
      assert.match(page.body, /name="onDate\[month\]" value="1"/)
      assert.match(page.body, /name="kind" value="rebase"/)
      assert.doesNotMatch((await board.get(`/measures/${shiftedId}`)).body, /record a rebase/)
      assert.doesNotMatch((await lead.get(`/measures/${measureId}`)).body, /record a rebase/)
      const form = { 'onDate[day]': '1', 'onDate[month]': '1', 'onDate[year]': '2026', kind: 'rebase' }
      await lead.get(`/measures/${shiftedId}`)
      const missing = await lead.post(`/measures/${shiftedId}/annotations/new`, { ...form, label: '' })
      assert.equal(missing.statusCode, 200)
      assert.match(missing.body, /href="#label"/)
      assert.match(missing.body, /value="rebase" checked/)
      const ok = await lead.post(`/measures/${shiftedId}/annotations/new`, {
        ...form,
        label: 'Questions added to the booking form'
      })
      assert.equal(ok.statusCode, 303)
      const after = await lead.get(`/measures/${shiftedId}`)
      assert.doesNotMatch(after.body, /record a rebase/)
      assert.match(after.body, /Questions added to the booking form/)
    })
  })
}
