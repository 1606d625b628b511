// The QI project use cases: create (audited; a name already used, ignoring case, is a field error
// and writes nothing), list and view (with its measures; another organisation's is not found).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg, type ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { createProject } from '../../../src/app/qi/create-project.js'
import { listProjects } from '../../../src/app/qi/list-projects.js'
import { viewProject } from '../../../src/app/qi/view-project.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'

async function actorFor(database: ReachDatabase, orgId: string, role: 'qi_lead' | 'admin'): Promise<Actor> {
  const row = await database.db
    .selectFrom('staff_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow()
  return { orgId, userId: row.id, role, teamId: null, ip: '203.0.113.9', userAgent: 'test' }
}

const plain = {
  aim: { what: '', who: '', howMuch: '', byWhen: null },
  status: 'active' as const,
  startOn: '2026-12-01',
  endOn: null,
  template: null
}

for (const kind of await testDialects()) {
  describe(`QI projects (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    let lead: Actor
    let adminB: Actor
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
      lead = await actorFor(database, fixture.orgA.id, 'qi_lead')
      adminB = await actorFor(database, fixture.orgB.id, 'admin')
    })
    after(() => database.close())

    const projectRows = () => database.db.selectFrom('qi_project').selectAll().execute()

    test('create: the project is saved for the actor’s organisation and audited', async () => {
      const result = await withOrg(database, lead.orgId, (trx) =>
        createProject(trx, lead, {
          ...plain,
          name: 'Digital inclusion at first assessment',
          aim: { what: 'Screen new patients', who: 'adults', howMuch: 'to 90%', byWhen: '2027-03-31' }
        })
      )
      assert.ok(result.ok)
      assert.equal(result.project.org_id, fixture.orgA.id)
      assert.equal(result.project.aim, 'Screen new patients, for adults, to 90%, by 31 March 2027.')
      const audit = await database.db
        .selectFrom('audit_event')
        .select(['action', 'entity_type', 'actor_user_id', 'actor_role', 'org_id', 'ip'])
        .where('entity_id', '=', result.project.id)
        .execute()
      assert.deepEqual(audit, [
        {
          action: 'create',
          entity_type: 'qi_project',
          actor_user_id: lead.userId,
          actor_role: 'qi_lead',
          org_id: fixture.orgA.id,
          ip: '203.0.113.9'
        }
      ])
    })

    test('create: a name already used in the organisation, in any case, is a field error and nothing is written', async () => {
      const before = (await projectRows()).length
      const result = await withOrg(database, lead.orgId, (trx) =>
        createProject(trx, lead, { ...plain, name: 'DIGITAL inclusion at first assessment' })
      )
      assert.deepEqual(result, {
        ok: false,
        errors: [{ field: 'name', text: 'A project with this name already exists' }]
      })
      assert.equal((await projectRows()).length, before)
      // the same name in another organisation is fine
      const other = await withOrg(database, adminB.orgId, (trx) =>
        createProject(trx, adminB, { ...plain, name: 'Digital inclusion at first assessment' })
      )
      assert.ok(other.ok)
    })

    test('list and view: only the organisation’s own projects; another organisation’s project is not found', async () => {
      const mine = await withOrg(database, lead.orgId, (trx) => listProjects(trx, lead))
      assert.deepEqual(
        mine.map((p) => p.name),
        ['Digital inclusion at first assessment']
      )
      const [project] = mine
      assert.ok(project)
      await database.db
        .insertInto('measure')
        .values({
          org_id: lead.orgId,
          project_id: project.id,
          name: 'Clinics asking the question',
          type: 'process',
          source: 'manual',
          derived_key: null,
          numerator: 'Clinic sessions asking',
          denominator: null,
          inclusions: null,
          exclusions: null,
          frequency: 'monthly',
          improvement: 'increase',
          target: null,
          owner: null,
          notes: null
        })
        .execute()
      const view = await withOrg(database, lead.orgId, (trx) => viewProject(trx, lead, project.id, '2026-12-03'))
      assert.equal(view.project.name, 'Digital inclusion at first assessment')
      assert.deepEqual(
        view.series.map((s) => s.measure.name),
        ['Clinics asking the question']
      )
      await assert.rejects(
        withOrg(database, adminB.orgId, (trx) => viewProject(trx, adminB, project.id, '2026-12-03')),
        NotFoundError
      )
      await assert.rejects(
        withOrg(database, lead.orgId, (trx) => viewProject(trx, lead, 'not-a-uuid', '2026-12-03')),
        NotFoundError
      )
    })
  })
}
