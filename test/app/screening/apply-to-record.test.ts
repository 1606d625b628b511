// applyScreeningToRecord: staff confirm what a screening says about language and needs, and the record
// follows; nothing is changed without that step; needs are only added; one audit row names the fields.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { operatorActor, type Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { recordScreening } from '../../../src/app/screening/record-screening.js'
import { applyScreeningToRecord } from '../../../src/app/screening/apply-to-record.js'
import { findPatient } from '../../../src/db/repositories/patients.js'
import { withOrg } from '../../../src/db/connect.js'
import { confident } from '../../domain/screening/fixtures.js'

for (const kind of await testDialects()) {
  describe(`apply a screening to the record (${kind})`, () => {
    let built: Built
    let actor: Actor
    before(async () => {
      built = await build(kind)
      actor = operatorActor(built.fixture.orgA.id)
    })
    after(() => built.close())

    test('a self-completion in Arabic saying "interpreter, reads no English" leaves the record alone until staff confirm', async () => {
      const patient = built.fixture.orgA.patients[0]!
      await built.database.db
        .updateTable('patient')
        .set({ main_language: 'en', interpreter_needed: false, communication_needs: ['carer_present'] })
        .where('id', '=', patient.id)
        .execute()
      const answers = {
        ...confident,
        'main-language': 'ar',
        'reads-english': 'not-at-all',
        interpreter: ['spoken'],
        'communication-needs': ['large-print']
      }
      const recorded = await withOrg(built.database, actor.orgId, (trx) =>
        recordScreening(
          trx,
          actor,
          { patient: { id: patient.id }, mode: 'self', language: 'ar', answers, screenedAt: new Date() },
          { rescreenMonths: 12 }
        )
      )
      assert.ok(recorded.ok)
      const before = await findPatient(built.database.db, actor.orgId, patient.id)
      assert.equal(before!.mainLanguage, 'en', 'recording a screening never changes the record by itself')

      const { applied } = await withOrg(built.database, actor.orgId, (trx) =>
        applyScreeningToRecord(trx, actor, { patientId: patient.id, screeningId: recorded.row.id })
      )
      assert.deepEqual(
        applied.map((u) => u.field),
        ['mainLanguage', 'interpreterNeeded', 'communicationNeeds']
      )
      const after = await findPatient(built.database.db, actor.orgId, patient.id)
      assert.equal(after!.mainLanguage, 'ar')
      assert.equal(after!.interpreterNeeded, true)
      assert.deepEqual(after!.communicationNeeds, ['carer_present', 'large_print'], 'needs are added, never removed')
      const audit = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('patient_id', '=', patient.id)
        .where('action', '=', 'update')
        .execute()
      assert.equal(audit.length, 1)
      assert.deepEqual(audit[0]!.detail, {
        from: 'screening',
        screeningId: recorded.row.id,
        fields: 'mainLanguage,interpreterNeeded,communicationNeeds'
      })

      const again = await withOrg(built.database, actor.orgId, (trx) =>
        applyScreeningToRecord(trx, actor, { patientId: patient.id, screeningId: recorded.row.id })
      )
      assert.deepEqual(again.applied, [], 'applying twice changes nothing more')
    })

    test("another organisation's screening is not found", async () => {
      const other = operatorActor(built.fixture.orgB.id)
      const patient = built.fixture.orgA.patients[1]!
      const recorded = await withOrg(built.database, actor.orgId, (trx) =>
        recordScreening(
          trx,
          actor,
          {
            patient: { id: patient.id },
            mode: 'clinician',
            language: 'en',
            answers: confident,
            screenedAt: new Date()
          },
          { rescreenMonths: 12 }
        )
      )
      assert.ok(recorded.ok)
      await assert.rejects(
        withOrg(built.database, other.orgId, (trx) =>
          applyScreeningToRecord(trx, other, { patientId: patient.id, screeningId: recorded.row.id })
        ),
        NotFoundError
      )
    })
  })
}
