// Creating a measure: a manual one (audited), a derived one (its definition from Reach's list),
// and field errors instead of failures: an unknown team or project id, a name already used, an
// unavailable derived measure, a manual definition missing a part. Nothing is written then.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg, type ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { createMeasure } from '../../../src/app/measures/create-measure.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'
import { actorFor, manualMeasure } from './setup.js'

const unknownId = '00000000-0000-4000-8000-000000000000'

for (const kind of await testDialects()) {
  describe(`create measure (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    let lead: Actor
    let teamA: string
    let teamB: string
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
      lead = await actorFor(database, fixture.orgA.id, 'qi_lead')
      const team = (orgId: string, name: string) =>
        database.db.insertInto('team').values({ org_id: orgId, name }).returning('id').executeTakeFirstOrThrow()
      teamA = (await team(fixture.orgA.id, 'Outpatients')).id
      teamB = (await team(fixture.orgB.id, 'Elsewhere')).id
    })
    after(() => database.close())

    const create = (input: Parameters<typeof createMeasure>[2]) =>
      withOrg(database, lead.orgId, (trx) => createMeasure(trx, lead, input))
    const measureCount = async () =>
      Number(
        (
          await database.db
            .selectFrom('measure')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )

    test('an unknown team id, or another organisation’s team, is a field error, not a failure', async () => {
      for (const teamId of [unknownId, teamB, 'not-a-uuid']) {
        const result = await create(manualMeasure({ teamId }))
        assert.deepEqual(result, { ok: false, errors: [{ field: 'teamId', text: 'Select a team from the list' }] })
      }
      assert.equal(await measureCount(), 0)
    })

    test('an unknown project id is a field error', async () => {
      const result = await create(manualMeasure({ projectId: unknownId }))
      assert.deepEqual(result, { ok: false, errors: [{ field: 'projectId', text: 'Select a project from the list' }] })
      assert.equal(await measureCount(), 0)
    })

    test('a manual definition missing its parts lists each one', async () => {
      const result = await create(manualMeasure({ name: '', type: 'kind', numerator: null, unit: 'litres' }))
      assert.ok(!result.ok)
      assert.deepEqual(
        result.errors.map((e) => e.field),
        ['name', 'type', 'numerator', 'unit']
      )
    })

    test('a manual measure of a team is saved and audited', async () => {
      const result = await create(manualMeasure({ teamId: teamA }))
      assert.ok(result.ok)
      assert.equal(result.measure.source, 'manual')
      assert.equal(result.measure.team_id, teamA)
      assert.equal(result.measure.target, 80)
      const audit = await database.db
        .selectFrom('audit_event')
        .select(['action', 'entity_type', 'actor_user_id', 'org_id'])
        .where('entity_id', '=', result.measure.id)
        .execute()
      assert.deepEqual(audit, [
        { action: 'create', entity_type: 'measure', actor_user_id: lead.userId, org_id: fixture.orgA.id }
      ])
    })

    test('a name already used (ignoring case) is a field error', async () => {
      const result = await create(manualMeasure({ name: 'CLINICS asking the question' }))
      assert.deepEqual(result, {
        ok: false,
        errors: [{ field: 'name', text: 'A measure with this name already exists. Choose a different name' }]
      })
    })

    test('a derived measure takes its name, type, unit and definition from Reach’s list', async () => {
      const result = await create(
        manualMeasure({ derivedKey: 'referrals-made', name: '', type: '', numerator: null, unit: 'percent' })
      )
      assert.ok(result.ok)
      assert.equal(result.measure.source, 'derived')
      assert.equal(result.measure.derived_key, 'referrals-made')
      assert.equal(result.measure.name, 'Referrals made')
      assert.equal(result.measure.unit, 'count')
      const unavailable = await create(manualMeasure({ derivedKey: 'staff-trained', name: 'Staff trained' }))
      assert.deepEqual(unavailable, {
        ok: false,
        errors: [{ field: 'derivedKey', text: 'Select a derived measure that is available, or none' }]
      })
    })
  })
}
