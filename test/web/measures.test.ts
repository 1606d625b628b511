/**
 * Measures in the app: the summary table, adding measures (manual and derived), values one at a
 * time and pasted (all or nothing, line-numbered errors), annotations, the chart page (run chart
 * under 12 points, SPC from 12), downloads, the system view and tenant isolation. The chart's
 * numbers are checked against `reach spc` on the same data.
 */
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, type InjectSession } from '../helpers/browser-session.js'
import { runReach } from '../helpers/run-cli.js'

const newManual = {
  derivedKey: '',
  name: 'Clinics asking the question',
  type: 'process',
  numerator: 'Clinic sessions asking the question',
  denominator: 'Clinic sessions audited',
  inclusions: '',
  exclusions: '',
  unit: 'percent',
  frequency: 'monthly',
  improvement: 'increase',
  target: '80',
  owner: 'Outpatients manager',
  notes: '',
  projectId: '',
  teamId: ''
}

// 24 months: 12 around 50, then 12 around 70 (a PDSA cycle in between)
const series = [52, 49, 51, 48, 53, 50, 47, 52, 50, 49, 51, 50, 66, 71, 69, 72, 70, 68, 73, 71, 69, 70, 72, 74]
const monthOf = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`
const lines = series.map((v, i) => `${monthOf(i)},${v}`).join('\n')

for (const kind of await testDialects()) {
  describe(`measures (${kind})`, () => {
    let built: Built
    let qiLead: InjectSession
    let board: InjectSession
    let measureId = ''
    before(async () => {
      built = await build(kind)
      qiLead = await signedIn(built.app, built.fixture.emailA('qi_lead'))
      board = await signedIn(built.app, built.fixture.emailA('board'))
    })
    after(() => built.close())

    const valueCount = async () =>
      Number(
        (
          await built.database.db
            .selectFrom('measure_value')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('measure_id', '=', measureId)
            .executeTakeFirstOrThrow()
        ).n
      )

    test('the dashboard opens for reports:read and lists unavailable measures; the add link needs measures:write', async () => {
      const res = await board.get('/measures')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Staff trained in digital inclusion: not yet available/)
      assert.doesNotMatch(res.body, /Add a measure/)
      assert.equal((await board.get('/measures/new')).statusCode, 403)
      assert.match((await qiLead.get('/measures')).body, /Add a measure/)
    })

    test('adding a measure with mistakes re-renders with errors and keeps what was typed', async () => {
      await qiLead.get('/measures/new')
      const res = await qiLead.post('/measures/new', { ...newManual, name: '', improvement: '', target: 'eighty' })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<title>Error: /)
      assert.match(res.body, /href="#name"/)
      assert.match(res.body, /Select which direction is an improvement/)
      assert.match(res.body, /Target must be a number/)
      assert.match(res.body, /value="eighty"/)
    })

    test('a manual measure is added; its page explains there is nothing to chart yet', async () => {
      await qiLead.get('/measures/new')
      const res = await qiLead.post('/measures/new', newManual)
      assert.equal(res.statusCode, 303)
      measureId = String(res.headers.location).split('/').pop() ?? ''
      const page = await qiLead.get(`/measures/${measureId}`)
      assert.match(page.body, /There are no values to chart yet/)
      assert.match(page.body, /Clinic sessions audited/)
    })

    test('pasted values with mistakes are reported by line number and nothing is saved', async () => {
      await qiLead.get(`/measures/${measureId}/values`)
      const res = await qiLead.post(`/measures/${measureId}/values`, {
        mode: 'lines',
        lines: 'date,value\n2024-01-01,50\n2024-02-30,51\n2024-03-01,lots\n\n2024-01-01,52\n2024-04-01;53'
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Line 3: &quot;2024-02-30&quot; is not a real date/)
      assert.match(res.body, /Line 4: &quot;lots&quot; is not a number/)
      assert.match(res.body, /Line 6: 2024-01-01 is already on line 2/)
      assert.match(res.body, /Line 7: enter a date and a value/)
      assert.match(res.body, /Nothing was saved/)
      assert.match(res.body, /href="#lines"/)
      assert.equal(await valueCount(), 0)
      const sameMonth = await qiLead.post(`/measures/${measureId}/values`, {
        mode: 'lines',
        lines: '2024-01-01,50\n2024-01-15,51'
      })
      assert.match(sameMonth.body, /Line 2: falls in the same month as line 1/)
      assert.equal(await valueCount(), 0)
    })

    test('one value: mistakes, then saved to the start of its month', async () => {
      await qiLead.get(`/measures/${measureId}/values`)
      const bad = await qiLead.post(`/measures/${measureId}/values`, {
        mode: 'single',
        'periodStart[day]': '31',
        'periodStart[month]': '2',
        'periodStart[year]': '2024',
        value: ''
      })
      assert.match(bad.body, /href="#periodStart-day"/)
      assert.match(bad.body, /Enter a value/)
      const ok = await qiLead.post(`/measures/${measureId}/values`, {
        mode: 'single',
        'periodStart[day]': '15',
        'periodStart[month]': '1',
        'periodStart[year]': '2024',
        value: '40'
      })
      assert.equal(ok.statusCode, 303)
      const row = await built.database.db
        .selectFrom('measure_value')
        .select(['period_start', 'value'])
        .where('measure_id', '=', measureId)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row, { period_start: '2024-01-01', value: 40 })
    })

    test('with fewer than 12 points the chart page shows a run chart and says why', async () => {
      await qiLead.get(`/measures/${measureId}/values`)
      await qiLead.post(`/measures/${measureId}/values`, {
        mode: 'lines',
        lines: series
          .slice(0, 6)
          .map((v, i) => `${monthOf(i)},${v}`)
          .join('\n')
      })
      const page = await board.get(`/measures/${measureId}`)
      assert.match(page.body, /This is a run chart, not an SPC chart: there are 6 values/)
      assert.match(page.body, /class="spc-chart spc-chart--run"/)
      assert.match(page.body, /Median/)
    })

    test('24 pasted values replace earlier ones; the chart page has the SPC chart, icons, summary and data table', async () => {
      await qiLead.get(`/measures/${measureId}/values`)
      const res = await qiLead.post(`/measures/${measureId}/values`, { mode: 'lines', lines: `date,value\n${lines}` })
      assert.equal(res.statusCode, 303)
      assert.equal(await valueCount(), 24)
      const page = await board.get(`/measures/${measureId}`)
      assert.match(page.body, /<svg[^>]*class="spc-chart"/)
      assert.match(page.body, /Special cause improvement – high/)
      assert.match(page.body, /Special cause improvement: 12 points above the mean since January 2025/)
      assert.match(page.body, /<caption[^>]*>\s*Data/)
      assert.match(page.body, /Upper process limit/)
    })

    test('a rebase annotation starts new limits; CSV numbers equal `reach spc` for the same data', async () => {
      await qiLead.get(`/measures/${measureId}/annotations/new`)
      const bad = await qiLead.post(`/measures/${measureId}/annotations/new`, {
        'onDate[day]': '',
        'onDate[month]': '',
        'onDate[year]': '',
        kind: '',
        label: ''
      })
      assert.match(bad.body, /href="#onDate-day"/)
      assert.match(bad.body, /Select the kind of annotation/)
      const ok = await qiLead.post(`/measures/${measureId}/annotations/new`, {
        'onDate[day]': '20',
        'onDate[month]': '12',
        'onDate[year]': '2024',
        kind: 'rebase',
        label: 'New booking script'
      })
      assert.equal(ok.statusCode, 303)
      const csv = await board.get(`/measures/${measureId}/data.csv`)
      assert.equal(csv.statusCode, 200)
      assert.match(String(csv.headers['content-type']), /text\/csv/)
      // the rebase on 20 December 2024 moves to the first period on or after it: 1 January 2025
      const cli = await runReach(
        [
          'spc',
          '--input',
          'data.csv',
          '--improvement',
          'increase',
          '--target',
          '80',
          '--rebase',
          '2025-01-01',
          '--format',
          'csv'
        ],
        { 'data.csv': `date,value\n${lines}\n` }
      )
      assert.equal(cli.code, 0)
      assert.equal(csv.body, cli.stdout)
      const page = await board.get(`/measures/${measureId}`)
      assert.match(page.body, /New booking script/)
      assert.match(page.body, /class="spc-chart__annotation spc-chart__annotation--rebase"/)
    })

    test('SVG and PNG downloads', async () => {
      const svg = await board.get(`/measures/${measureId}/chart.svg`)
      assert.equal(svg.statusCode, 200)
      assert.match(String(svg.headers['content-type']), /image\/svg\+xml/)
      assert.match(svg.body, /^<\?xml/)
      const png = await board.get(`/measures/${measureId}/chart.png`)
      assert.equal(png.statusCode, 200)
      assert.equal(png.rawPayload.subarray(1, 4).toString('ascii'), 'PNG')
    })

    test('the summary table shows the latest value, target and icons with text equivalents', async () => {
      const res = await board.get('/measures')
      assert.match(res.body, /Clinics asking the question/)
      assert.match(res.body, /74%/)
      // after the rebase the last 12 points have limits of their own: common cause, target above the upper limit
      assert.match(res.body, /aria-label="Common cause variation"/)
      assert.match(res.body, /<span>Common cause variation<\/span>/)
      assert.match(res.body, /<span>Consistently failing the target<\/span>/)
    })

    test('a derived measure is added from the list and computed live', async () => {
      await qiLead.get('/measures/new')
      const res = await qiLead.post('/measures/new', {
        ...newManual,
        derivedKey: 'referrals-made',
        name: '',
        type: '',
        numerator: '',
        improvement: 'increase',
        target: ''
      })
      assert.equal(res.statusCode, 303)
      const id = String(res.headers.location).split('/').pop() ?? ''
      const row = await built.database.db
        .selectFrom('measure')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.source, 'derived')
      assert.equal(row.name, 'Referrals made')
      assert.equal(row.unit, 'count')
      assert.equal((await qiLead.get(`/measures/${id}/values`)).statusCode, 404)
      await qiLead.get('/measures/new')
      const unavailable = await qiLead.post('/measures/new', { ...newManual, derivedKey: 'staff-trained' })
      assert.match(unavailable.body, /Select a derived measure that is available/)
    })

    test('projects filter the dashboard', async () => {
      await qiLead.get('/projects/new')
      const res = await qiLead.post('/projects/new', {
        name: 'Digital inclusion at first assessment',
        aimWhat: 'Screen new patients',
        'startOn[day]': '1',
        'startOn[month]': '12',
        'startOn[year]': '2026',
        status: 'active',
        template: ''
      })
      assert.equal(res.statusCode, 303)
      const projectId = String(res.headers.location).split('/').pop()
      const page = await board.get(`/measures?project=${projectId}`)
      assert.match(page.body, /<h1>Digital inclusion at first assessment<\/h1>/)
      assert.match(page.body, /There are no measures here yet/)
      // the old address for adding a project now leads to the QI workspace
      const old = await qiLead.get('/measures/projects/new')
      assert.equal(old.statusCode, 301)
      assert.equal(old.headers.location, '/projects/new')
    })

    test('an unknown team or project id re-renders the form with an error (not a 500), and adds nothing', async () => {
      const before = await built.database.db
        .selectFrom('measure')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      await qiLead.get('/measures/new')
      const res = await qiLead.post('/measures/new', {
        ...newManual,
        name: 'A measure of no team',
        teamId: '00000000-0000-4000-8000-000000000000',
        projectId: '00000000-0000-4000-8000-000000000001'
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<title>Error: /)
      assert.match(res.body, /href="#projectId"/)
      assert.match(res.body, /href="#teamId"/)
      assert.match(res.body, /Select a team from the list/)
      const after = await built.database.db
        .selectFrom('measure')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      assert.equal(after.n, before.n)
    })

    test('a project name already used is explained on the form', async () => {
      await qiLead.get('/projects/new')
      const res = await qiLead.post('/projects/new', {
        name: 'digital inclusion at first assessment',
        'startOn[day]': '1',
        'startOn[month]': '12',
        'startOn[year]': '2026',
        status: 'active',
        template: ''
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /A project with this name already exists/)
      assert.match(res.body, /value="digital inclusion at first assessment"/)
    })

    test('the system view opens', async () => {
      const res = await board.get('/measures/system')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /small numbers|between 1 and 4/)
    })

    test("tenant isolation: organisation B cannot see or change organisation A's measure", async () => {
      const adminB = await signedIn(built.app, built.fixture.emailB('admin'))
      assert.equal((await adminB.get(`/measures/${measureId}`)).statusCode, 404)
      assert.equal((await adminB.get(`/measures/${measureId}/data.csv`)).statusCode, 404)
      assert.doesNotMatch((await adminB.get('/measures')).body, /Clinics asking the question/)
      assert.equal((await adminB.get('/measures/not-a-uuid')).statusCode, 404)
    })
  })
}
