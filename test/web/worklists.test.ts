// Work to do and patient lists: counts on the home page, the worklists behind them (audited per
// patient shown), reviewing a self-completion, lists by need with an audited CSV, clear errors.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, InjectSession } from '../helpers/browser-session.js'
import { operatorActor } from '../../src/app/actor.js'
import { recordScreening } from '../../src/app/screening/record-screening.js'
import { withOrg } from '../../src/db/connect.js'
import { confident } from '../domain/screening/fixtures.js'

for (const kind of await testDialects()) {
  describe(`work to do (${kind})`, () => {
    let built: Built
    let clinician: InjectSession
    before(async () => {
      built = await build(kind)
      clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
    })
    after(() => built.close())

    const selfCompletion = async (patientId: string) => {
      const actor = operatorActor(built.fixture.orgA.id)
      const recorded = await withOrg(built.database, actor.orgId, (trx) =>
        recordScreening(
          trx,
          actor,
          { patient: { id: patientId }, mode: 'self', language: 'en', answers: confident, screenedAt: new Date() },
          { rescreenMonths: 12 }
        )
      )
      assert.ok(recorded.ok)
      return recorded.row.id
    }

    test('home shows counts for roles that work with patients, with links to each list; not for the board', async () => {
      const p = built.fixture.orgA.patients[0]!
      await selfCompletion(p.id)
      const home = await clinician.get('/home')
      assert.match(home.body, /Work to do/)
      assert.match(home.body, /Self-completions to review/)
      assert.match(home.body, /href="\/work\/self-completed"/)
      const board = await signedIn(built.app, built.fixture.emailA('board'))
      assert.doesNotMatch((await board.get('/home')).body, /Work to do/)
      assert.equal((await board.get('/work/partial')).statusCode, 403)
    })

    test('a self-completion waits for review; the list audits each patient shown; reviewing takes it off', async () => {
      const p = built.fixture.orgA.patients[1]!
      const screeningId = await selfCompletion(p.id)
      const list = await clinician.get('/work/self-completed')
      assert.equal(list.statusCode, 200)
      assert.ok(list.body.includes(`/patients/${p.id}/screening/${screeningId}`))
      const shown = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('patient_id', '=', p.id)
        .where('action', '=', 'view')
        .where('entity_id', '=', screeningId)
        .execute()
      assert.ok(shown.some((a) => (a.detail as { list?: string }).list === 'self-completed'))

      const result = await clinician.get(`/patients/${p.id}/screening/${screeningId}`)
      assert.match(result.body, /Mark as reviewed/)
      const done = await clinician.post(`/patients/${p.id}/screening/${screeningId}/reviewed`, {})
      assert.equal(done.statusCode, 303)
      assert.ok(!(await clinician.get('/work/self-completed')).body.includes(screeningId))
      assert.doesNotMatch((await clinician.get(`/patients/${p.id}/screening/${screeningId}`)).body, /Mark as reviewed/)
    })

    test('everyone needing an interpreter: on screen and as CSV, both audited; an unknown list is a clear error', async () => {
      const p = built.fixture.orgA.patients[2]!
      await built.database.db.updateTable('patient').set({ interpreter_needed: true }).where('id', '=', p.id).execute()
      const page = await clinician.get('/patients/lists?show=need%3Ainterpreter')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Needs an interpreter/)
      assert.ok(page.body.includes(`/patients/${p.id}`))
      const csv = await clinician.get('/patients/lists?show=need%3Ainterpreter&format=csv')
      assert.equal(csv.statusCode, 200)
      assert.match(String(csv.headers['content-type']), /text\/csv/)
      assert.match(csv.body, /^nhs_number,family_name,given_name,/)
      assert.ok(csv.body.includes(p.nhsNumber))
      const exports = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'export')
        .where('entity_type', '=', 'patient')
        .execute()
      assert.equal(exports.length, 1)
      const bad = await clinician.get('/patients/lists?show=need%3Aeverything')
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Choose a list from the options/)
      assert.match(bad.body, /nhsuk-error-summary/)
      // Organisation B sees none of organisation A's patients.
      const other = await signedIn(built.app, built.fixture.emailB('clinician'))
      assert.ok(!(await other.get('/patients/lists?show=need%3Ainterpreter')).body.includes(p.id))
    })

    test('the result page offers the referral step when there is a barrier, and the record lists referrals and links', async () => {
      const p = built.fixture.orgA.patients[0]!
      await clinician.get(`/patients/${p.id}`)
      const saved = await clinician.post(`/patients/${p.id}/screening/new`, {
        ...(confident as unknown as Record<string, string | string[]>),
        afford: 'no',
        'device-sharing': 'own'
      })
      const result = await clinician.get(String(saved.headers.location))
      assert.match(result.body, /href="\/patients\/[^"]+\/referrals"[^>]*>Refer to digital support/)
      await clinician.get(`/patients/${p.id}`)
      await clinician.post(`/patients/${p.id}/screening/invite`, { language: 'en' })
      const record = await clinician.get(`/patients/${p.id}`)
      assert.match(record.body, /Link sent/)
      assert.match(record.body, /No referrals yet/)
    })
  })
}
