// Values of a manual measure, one or many, all or nothing: a pasted batch with any problem
// (a bad date, a bad number, two lines in one month) saves nothing; a good batch replaces the
// values of the same periods, audited once with the count. Derived measures take no values.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg, type ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { createMeasure } from '../../../src/app/measures/create-measure.js'
import { addMeasureValue, importMeasureValues } from '../../../src/app/measures/add-measure-values.js'
import { annotateMeasure } from '../../../src/app/measures/annotate-measure.js'
import { viewMeasure } from '../../../src/app/measures/view-measure.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'
import { actorFor, manualMeasure } from './setup.js'

for (const kind of await testDialects()) {
  describe(`measure values (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    let lead: Actor
    let adminB: Actor
    let measureId = ''
    let derivedId = ''
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
      lead = await actorFor(database, fixture.orgA.id, 'qi_lead')
      adminB = await actorFor(database, fixture.orgB.id, 'admin')
      const manual = await withOrg(database, lead.orgId, (trx) => createMeasure(trx, lead, manualMeasure()))
      const derived = await withOrg(database, lead.orgId, (trx) =>
        createMeasure(trx, lead, manualMeasure({ derivedKey: 'referrals-made', name: '' }))
      )
      assert.ok(manual.ok && derived.ok)
      measureId = manual.measure.id
      derivedId = derived.measure.id
    })
    after(() => database.close())

    const asLead = <T>(work: Parameters<typeof withOrg<T>>[2]) => withOrg(database, lead.orgId, work)
    const values = () =>
      database.db
        .selectFrom('measure_value')
        .select(['period_start', 'value'])
        .where('measure_id', '=', measureId)
        .orderBy('period_start')
        .execute()
    const valueAudits = () =>
      database.db
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('entity_type', '=', 'measure')
        .where('entity_id', '=', measureId)
        .where('action', '=', 'update')
        .execute()

    test('a pasted batch with one bad line saves nothing, and says which lines', async () => {
      const result = await asLead((trx) =>
        importMeasureValues(trx, lead, measureId, 'date,value\n2024-01-01,50\n2024-02-30,51\n2024-03-01,52')
      )
      assert.ok(!result.ok)
      assert.deepEqual(
        result.problems.map((p) => p.line),
        [3]
      )
      assert.deepEqual(await values(), [])
      assert.deepEqual(await valueAudits(), [])
    })

    test('two lines in the same month save nothing', async () => {
      const result = await asLead((trx) => importMeasureValues(trx, lead, measureId, '2024-01-01,50\n2024-01-15,51'))
      assert.ok(!result.ok)
      assert.deepEqual(result.problems, [{ line: 2, text: 'Line 2: falls in the same month as line 1' }])
      assert.deepEqual(await values(), [])
    })

    test('a good batch saves every value at the start of its month, audited once with the count', async () => {
      const result = await asLead((trx) =>
        importMeasureValues(trx, lead, measureId, '2024-01-20,50\n2024-02-01,51.5\n2024-03-31,52')
      )
      assert.ok(result.ok)
      assert.equal(result.saved, 3)
      assert.deepEqual(await values(), [
        { period_start: '2024-01-01', value: 50 },
        { period_start: '2024-02-01', value: 51.5 },
        { period_start: '2024-03-01', value: 52 }
      ])
      assert.deepEqual(await valueAudits(), [{ action: 'update', detail: { values: 3 } }])
    })

    test('one value replaces the value of its period', async () => {
      const result = await asLead((trx) =>
        addMeasureValue(trx, lead, measureId, { periodStart: '2024-02-14', value: 40 })
      )
      assert.equal(result.saved, 1)
      assert.deepEqual((await values())[1], { period_start: '2024-02-01', value: 40 })
    })

    test('a failing write inside the caller’s transaction leaves nothing behind', async () => {
      await assert.rejects(
        asLead(async (trx) => {
          await importMeasureValues(trx, lead, measureId, '2025-01-01,1\n2025-02-01,2')
          throw new Error('the caller fails after the use case')
        }),
        /the caller fails/
      )
      assert.equal((await values()).length, 3)
    })

    test('a derived measure, another organisation’s measure or none: not found, nothing saved', async () => {
      await assert.rejects(
        asLead((trx) => importMeasureValues(trx, lead, derivedId, '2024-01-01,1')),
        NotFoundError
      )
      await assert.rejects(
        withOrg(database, adminB.orgId, (trx) =>
          addMeasureValue(trx, adminB, measureId, { periodStart: '2024-05-01', value: 1 })
        ),
        NotFoundError
      )
      await assert.rejects(
        asLead((trx) => importMeasureValues(trx, lead, 'not-a-uuid', '2024-01-01,1')),
        NotFoundError
      )
      assert.equal((await values()).length, 3)
    })

    test('an annotation is saved and shown with the measure; the view has the figures', async () => {
      const annotation = await asLead((trx) =>
        annotateMeasure(trx, lead, measureId, { onDate: '2024-02-10', kind: 'rebase', label: 'New script' })
      )
      assert.equal(annotation.measure_id, measureId)
      const view = await asLead((trx) => viewMeasure(trx, lead, measureId, '2026-11-30'))
      assert.deepEqual(
        view.figures.map((f) => [f.periodStart, f.value]),
        [
          ['2024-01-01', 50],
          ['2024-02-01', 40],
          ['2024-03-01', 52]
        ]
      )
      assert.deepEqual(
        view.annotations.map((a) => a.label),
        ['New script']
      )
      await assert.rejects(
        withOrg(database, adminB.orgId, (trx) =>
          annotateMeasure(trx, adminB, measureId, { onDate: '2024-02-10', kind: 'note', label: 'x' })
        ),
        NotFoundError
      )
    })
  })
}
