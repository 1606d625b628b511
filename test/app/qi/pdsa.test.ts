// The PDSA use cases: plan a cycle under a change idea (audited, linked to the organisation's measures only),
// follow a cycle in a ramp (never one that abandoned the change), save the worksheet and move it on only when
// the stage it leaves is filled in, and who may do what: leads everything, a member clinician the do and study
// fields only, a board member nothing.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg, type ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../../src/app/errors.js'
import { planPdsa, pdsaPlanForm, type NewPdsa } from '../../../src/app/qi/plan-pdsa.js'
import { updatePdsaCycle } from '../../../src/app/qi/update-pdsa.js'
import { viewPdsa } from '../../../src/app/qi/view-pdsa.js'
import { addMember, insertChangeIdea, insertDriver } from '../../../src/db/repositories/qi-workspace.js'
import { insertProject } from '../../../src/db/repositories/projects.js'
import { insertMeasure } from '../../../src/db/repositories/measures.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'
import { actorFor } from '../measures/setup.js'

const measureValues = (orgId: string, projectId: string | null, name: string) => ({
  org_id: orgId,
  project_id: projectId,
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
  notes: null
})

for (const kind of await testDialects()) {
  describe(`PDSA cycles (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    let lead: Actor
    let clinician: Actor
    let champion: Actor
    let board: Actor
    let adminB: Actor
    let projectId = ''
    let changeIdeaId = ''
    let otherIdeaId = ''
    let measureId = ''
    let measureB = ''
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
      lead = await actorFor(database, fixture.orgA.id, 'qi_lead')
      clinician = await actorFor(database, fixture.orgA.id, 'clinician')
      champion = await actorFor(database, fixture.orgA.id, 'champion')
      board = await actorFor(database, fixture.orgA.id, 'board')
      adminB = await actorFor(database, fixture.orgB.id, 'admin')
      const orgA = fixture.orgA.id
      await withOrg(database, orgA, async (trx) => {
        const project = await insertProject(trx, { org_id: orgA, name: 'Digital inclusion', aim: null })
        projectId = project.id
        const driver = await insertDriver(trx, {
          org_id: orgA,
          project_id: project.id,
          parent_id: null,
          title: 'Access'
        })
        changeIdeaId = (
          await insertChangeIdea(trx, {
            org_id: orgA,
            project_id: project.id,
            driver_id: driver.id,
            title: 'Digital literacy questions at initial assessment'
          })
        ).id
        otherIdeaId = (
          await insertChangeIdea(trx, {
            org_id: orgA,
            project_id: project.id,
            driver_id: driver.id,
            title: 'Digital exclusion champions'
          })
        ).id
        measureId = (await insertMeasure(trx, measureValues(orgA, project.id, 'Patients asked the questions'))).id
        await addMember(trx, orgA, project.id, clinician.userId ?? '')
      })
      await withOrg(database, fixture.orgB.id, async (trx) => {
        measureB = (await insertMeasure(trx, measureValues(fixture.orgB.id, null, 'Measure of B'))).id
      })
    })
    after(() => database.close())

    const plan = (over: Partial<NewPdsa> = {}): NewPdsa => ({
      changeIdeaId,
      previousId: null,
      title: 'Ask the two questions at booking',
      purpose: 'test',
      objective: 'See whether reception can ask two screening questions at booking',
      questions: [
        { question: 'How long does it take?', prediction: 'Under a minute' },
        { question: '', prediction: '' }
      ],
      tasks: [
        { what: 'Ask at booking', who: 'Reception', where: 'Front desk', when: 'Week of 5 January' },
        { what: '', who: '', where: '', when: '' }
      ],
      dataPlan: 'Tally of patients asked and minutes taken',
      startsOn: '2027-01-05',
      endsOn: '2027-01-12',
      measureIds: [measureId],
      ...over
    })
    const as = <T>(actor: Actor, work: Parameters<typeof withOrg<T>>[2]) => withOrg(database, actor.orgId, work)
    const pdsaRows = () => database.db.selectFrom('qi_pdsa').selectAll().execute()

    let firstId = ''

    test('plan: the cycle is saved under the change idea with its measures, blank rows dropped, and audited', async () => {
      const result = await as(lead, (trx) => planPdsa(trx, lead, projectId, plan()))
      assert.ok(result.ok)
      firstId = result.pdsa.id
      assert.equal(result.pdsa.stage, 'plan')
      assert.equal(result.pdsa.change_idea_id, changeIdeaId)
      const view = await as(lead, (trx) => viewPdsa(trx, lead, projectId, firstId))
      assert.deepEqual(view.cycle.questions, [{ question: 'How long does it take?', prediction: 'Under a minute' }])
      assert.equal(view.cycle.tasks.length, 1)
      assert.deepEqual(
        view.measures.map((m) => m.id),
        [measureId]
      )
      assert.deepEqual(
        view.ramp.map((s) => s.id),
        [firstId]
      )
      assert.equal(view.access, 'lead')
      assert.equal(view.canPlanNext, false, 'not before the cycle reaches act')
      const audit = await database.db
        .selectFrom('audit_event')
        .select(['action', 'entity_type', 'actor_role', 'detail'])
        .where('entity_id', '=', firstId)
        .execute()
      assert.equal(audit.length, 1)
      assert.equal(audit[0]?.action, 'create')
      assert.equal(audit[0]?.entity_type, 'qi_pdsa')
      assert.equal((audit[0]?.detail as { measures: number }).measures, 1)
    })

    test('plan: another organisation’s measure, or an id that is no measure, is a field error and nothing is written', async () => {
      const before = (await pdsaRows()).length
      for (const ids of [[measureId, measureB], ['not-a-uuid'], ['00000000-0000-4000-8000-000000000000']]) {
        const result = await as(lead, (trx) => planPdsa(trx, lead, projectId, plan({ measureIds: ids })))
        assert.equal(result.ok, false)
        assert.deepEqual(!result.ok && result.errors.map((e) => e.field), ['measureIds'])
      }
      assert.equal((await pdsaRows()).length, before)
    })

    test('plan: an end before the start, or a change idea of no project of ours, is a field error', async () => {
      const result = await as(lead, (trx) =>
        planPdsa(trx, lead, projectId, plan({ endsOn: '2027-01-01', changeIdeaId: 'nope' }))
      )
      assert.equal(result.ok, false)
      assert.deepEqual(!result.ok && result.errors.map((e) => e.field), ['changeIdeaId', 'endsOn'])
    })

    test('plan: another organisation’s project is not found; clinicians, champions and the board may not plan', async () => {
      await assert.rejects(
        as(adminB, (trx) => planPdsa(trx, adminB, projectId, plan())),
        NotFoundError
      )
      for (const actor of [clinician, champion, board])
        await assert.rejects(
          as(actor, (trx) => planPdsa(trx, actor, projectId, plan())),
          ForbiddenError
        )
      await assert.rejects(
        as(board, (trx) => pdsaPlanForm(trx, board, projectId, changeIdeaId, null)),
        ForbiddenError
      )
    })

    test('advance: moving on with the stage unfilled returns what is missing and saves nothing', async () => {
      const result = await as(lead, (trx) =>
        updatePdsaCycle(trx, lead, projectId, firstId, {
          plan: { ...plan(), questions: [{ question: 'How long?', prediction: '' }], dataPlan: null },
          advance: true
        })
      )
      assert.equal(result.ok, false)
      assert.deepEqual(!result.ok && result.errors.map((e) => e.field), ['questions', 'dataPlan'])
      const view = await as(lead, (trx) => viewPdsa(trx, lead, projectId, firstId))
      assert.equal(view.cycle.stage, 'plan')
      assert.equal(view.cycle.dataPlan, 'Tally of patients asked and minutes taken')
      const moved = await as(lead, (trx) =>
        updatePdsaCycle(trx, lead, projectId, firstId, { plan: plan(), advance: true, version: view.version })
      )
      assert.ok(moved.ok)
      assert.equal(moved.movedTo, 'do')
      // the form opened before that save is out of date
      await assert.rejects(
        as(lead, (trx) =>
          updatePdsaCycle(trx, lead, projectId, firstId, { plan: plan(), advance: false, version: view.version })
        ),
        ConflictError
      )
    })

    test('a member clinician may save observations but not plan, decide or move the cycle; a non-member may not', async () => {
      const saved = await as(clinician, (trx) =>
        updatePdsaCycle(trx, clinician, projectId, firstId, {
          do: { asPlanned: false, observations: 'Mondays were too busy to ask', problems: 'Two locums did not know' },
          // study is not reached yet: not taken
          study: { results: 'Ignored', learned: 'Ignored' },
          advance: false
        })
      )
      assert.ok(saved.ok)
      assert.equal(saved.pdsa.observations, 'Mondays were too busy to ask')
      assert.equal(saved.pdsa.as_planned, false)
      assert.equal(saved.pdsa.results, null)
      for (const input of [
        { plan: plan(), advance: false },
        { act: { decision: 'adopt' as const, nextSteps: null }, advance: false },
        { do: { asPlanned: true, observations: 'x', problems: null }, advance: true }
      ])
        await assert.rejects(
          as(clinician, (trx) => updatePdsaCycle(trx, clinician, projectId, firstId, input)),
          ForbiddenError
        )
      // a champion who is not a member reads only
      await assert.rejects(
        as(champion, (trx) =>
          updatePdsaCycle(trx, champion, projectId, firstId, {
            do: { asPlanned: true, observations: 'x', problems: null },
            advance: false
          })
        ),
        ForbiddenError
      )
      const audit = await database.db
        .selectFrom('audit_event')
        .select(['actor_role', 'detail'])
        .where('entity_id', '=', firstId)
        .where('action', '=', 'update')
        .execute()
      assert.ok(audit.some((a) => a.actor_role === 'clinician' && (a.detail as { sections: string }).sections === 'do'))
    })

    test('the board reads the worksheet and may not write', async () => {
      const view = await as(board, (trx) => viewPdsa(trx, board, projectId, firstId))
      assert.equal(view.access, 'reader')
      assert.equal(view.canPlanNext, false)
      await assert.rejects(
        as(board, (trx) =>
          updatePdsaCycle(trx, board, projectId, firstId, {
            study: { results: 'x', learned: 'y' },
            advance: false
          })
        ),
        ForbiddenError
      )
      await assert.rejects(
        as(adminB, (trx) => viewPdsa(trx, adminB, projectId, firstId)),
        NotFoundError
      )
    })

    test('ramps: a cycle follows one that reached act; never one that abandoned the change, nor twice', async () => {
      const step = async (input: Parameters<typeof updatePdsaCycle>[4]) => {
        const r = await as(lead, (trx) => updatePdsaCycle(trx, lead, projectId, firstId, input))
        assert.ok(r.ok, JSON.stringify(!r.ok && r.errors))
      }
      // not yet: the first cycle is at do
      const early = await as(lead, (trx) => planPdsa(trx, lead, projectId, plan({ previousId: firstId })))
      assert.deepEqual(!early.ok && early.errors, [
        { field: 'previousId', text: 'Finish studying the previous cycle before planning the next one' }
      ])
      await step({ advance: true })
      await step({ study: { results: 'Asked 40 of 52', learned: 'Ask on arrival instead' }, advance: true })
      await step({ act: { decision: 'abandon', nextSteps: null }, advance: false })
      const abandoned = await as(lead, (trx) => planPdsa(trx, lead, projectId, plan({ previousId: firstId })))
      assert.deepEqual(!abandoned.ok && abandoned.errors, [
        { field: 'previousId', text: 'The previous cycle abandoned this change' }
      ])
      const form = await as(lead, (trx) => pdsaPlanForm(trx, lead, projectId, changeIdeaId, firstId))
      assert.equal(form.followError, 'The previous cycle abandoned this change')
      assert.equal((await as(lead, (trx) => viewPdsa(trx, lead, projectId, firstId))).canPlanNext, false)

      await step({ act: { decision: 'adapt', nextSteps: 'Ask on arrival' }, advance: false })
      assert.equal((await as(lead, (trx) => viewPdsa(trx, lead, projectId, firstId))).canPlanNext, true)
      const otherIdea = await as(lead, (trx) =>
        planPdsa(trx, lead, projectId, plan({ previousId: firstId, changeIdeaId: otherIdeaId }))
      )
      assert.deepEqual(!otherIdea.ok && otherIdea.errors.map((e) => e.text), [
        'A cycle can only follow a cycle that tests the same change idea'
      ])
      const second = await as(lead, (trx) =>
        planPdsa(
          trx,
          lead,
          projectId,
          plan({ previousId: firstId, title: 'Ask on arrival', startsOn: '2027-02-01', endsOn: null })
        )
      )
      assert.ok(second.ok, JSON.stringify(!second.ok && second.errors))
      const twice = await as(lead, (trx) => planPdsa(trx, lead, projectId, plan({ previousId: firstId })))
      assert.deepEqual(!twice.ok && twice.errors.map((e) => e.field), ['previousId'])
      const view = await as(lead, (trx) => viewPdsa(trx, lead, projectId, second.pdsa.id))
      assert.deepEqual(
        view.ramp.map((s) => s.title),
        ['Ask the two questions at booking', 'Ask on arrival']
      )
      const first = await as(lead, (trx) => viewPdsa(trx, lead, projectId, firstId))
      assert.equal(first.next?.id, second.pdsa.id)
      assert.equal(first.canPlanNext, false)
    })
  })
}
