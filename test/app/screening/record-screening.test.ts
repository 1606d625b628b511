// recordScreening, createScreeningInvite and the audited reads: the use cases every screening entry point calls.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { operatorActor, type Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import {
  InviteAlreadyUsedError,
  recordScreening,
  type RecordScreeningInput
} from '../../../src/app/screening/record-screening.js'
import { createScreeningInvite } from '../../../src/app/screening/create-invite.js'
import { viewScreening, viewScreeningHistory } from '../../../src/app/screening/view-screening.js'
import { withOrg } from '../../../src/db/connect.js'
import { confident } from '../../domain/screening/fixtures.js'

const settings = { rescreenMonths: 3 }

for (const kind of await testDialects()) {
  describe(`screening use cases (${kind})`, () => {
    let built: Built
    let actorA: Actor
    let patientTeam: string
    let staffTeam: string
    before(async () => {
      built = await build(kind)
      actorA = operatorActor(built.fixture.orgA.id)
      const teams = await built.database.db
        .insertInto('team')
        .values([
          { org_id: built.fixture.orgA.id, name: 'Patient team' },
          { org_id: built.fixture.orgA.id, name: 'Staff team' }
        ])
        .returning('id')
        .execute()
      patientTeam = teams[0]!.id
      staffTeam = teams[1]!.id
      await built.database.db
        .updateTable('patient')
        .set({ team_id: patientTeam })
        .where('org_id', '=', built.fixture.orgA.id)
        .execute()
    })
    after(() => built.close())

    const input = (patientId: string, extra: Partial<RecordScreeningInput> = {}): RecordScreeningInput => ({
      patient: { id: patientId },
      mode: 'clinician',
      language: 'en',
      answers: confident,
      screenedAt: new Date('2026-01-31T10:00:00Z'),
      ...extra
    })
    const record = (actor: Actor, value: RecordScreeningInput) =>
      withOrg(built.database, actor.orgId, (trx) => recordScreening(trx, actor, value, settings))
    const count = async (table: 'screening' | 'audit_event') =>
      Number(
        (
          await built.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )

    test('stores the assessment with the configured re-screen interval, the patient team and one audit row', async () => {
      const p = built.fixture.orgA.patients[0]!
      const audits = await count('audit_event')
      const result = await record(actorA, input(p.id))
      assert.ok(result.ok)
      assert.equal(result.row.status, 'complete')
      assert.equal(result.row.readiness, result.assessment.readiness.level)
      // 31 January + 3 months, clamped to the end of April
      assert.equal(result.row.rescreen_due_on, '2026-04-30')
      assert.equal(result.assessment.rescreen?.intervalMonths, 3)
      assert.equal(result.row.team_id, patientTeam)
      assert.equal(result.row.entered_by, null)
      assert.equal(await count('audit_event'), audits + 1)
    })

    test("the acting staff member's team comes before the patient's", async () => {
      const p = built.fixture.orgA.patients[1]!
      const result = await record({ ...actorA, teamId: staffTeam }, input(p.id))
      assert.ok(result.ok)
      assert.equal(result.row.team_id, staffTeam)
    })

    test('a patient by NHS number; another organisation cannot find it', async () => {
      const p = built.fixture.orgA.patients[2]!
      const result = await record(actorA, input(p.id, { patient: { nhsNumber: p.nhsNumber } }))
      assert.ok(result.ok)
      assert.equal(result.patient.id, p.id)
      const before = await count('screening')
      await assert.rejects(record(operatorActor(built.fixture.orgB.id), input(p.id)), NotFoundError)
      await assert.rejects(
        record(operatorActor(built.fixture.orgB.id), input(p.id, { patient: { nhsNumber: p.nhsNumber } })),
        NotFoundError
      )
      assert.equal(await count('screening'), before)
    })

    test('answers that do not fit the Questionnaire are refused with the errors, and nothing is written', async () => {
      const p = built.fixture.orgA.patients[0]!
      const [screenings, audits] = [await count('screening'), await count('audit_event')]
      const result = await record(actorA, input(p.id, { answers: { participation: 'agreed', devices: ['pager'] } }))
      assert.equal(result.ok, false)
      assert.ok(!result.ok && result.errors.some((e) => e.linkId === 'devices' && e.code === 'invalid-option'))
      assert.ok(!result.ok && result.errors.some((e) => e.code === 'required'))
      assert.equal(await count('screening'), screenings)
      assert.equal(await count('audit_event'), audits)
    })

    test('self-completion marks the invitation used; a second submit stores nothing', async () => {
      const p = built.fixture.orgA.patients[1]!
      const created = await withOrg(built.database, actorA.orgId, (trx) =>
        createScreeningInvite(trx, actorA, { patientId: p.id, language: 'pl', easyRead: false })
      )
      assert.equal(created.invite.language, 'pl')
      assert.equal(created.shortCode.length, 8)
      const patientActor: Actor = { ...actorA, role: 'patient', userAgent: null }
      const self = input(p.id, { mode: 'self', inviteId: created.invite.id })
      const first = await record(patientActor, self)
      assert.ok(first.ok)
      const invite = await built.database.db
        .selectFrom('screening_invite')
        .select(['used_at', 'screening_id'])
        .where('id', '=', created.invite.id)
        .executeTakeFirstOrThrow()
      assert.ok(invite.used_at)
      assert.equal(invite.screening_id, first.row.id)
      const audit = await built.database.db
        .selectFrom('audit_event')
        .select(['detail', 'actor_role'])
        .where('entity_id', '=', first.row.id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(audit, {
        actor_role: 'patient',
        detail: { mode: 'self', status: 'complete', inviteId: created.invite.id }
      })
      const before = await count('screening')
      await assert.rejects(record(patientActor, self), InviteAlreadyUsedError)
      assert.equal(await count('screening'), before, 'the second screening was rolled back')
    })

    test('invitations and reads are for the actor organisation only, and audited', async () => {
      const p = built.fixture.orgA.patients[0]!
      const actorB = operatorActor(built.fixture.orgB.id)
      await assert.rejects(
        withOrg(built.database, actorB.orgId, (trx) =>
          createScreeningInvite(trx, actorB, { patientId: p.id, language: 'en', easyRead: false })
        ),
        NotFoundError
      )
      const { rows } = await withOrg(built.database, actorA.orgId, (trx) =>
        viewScreeningHistory(trx, actorA, { patientId: p.id })
      )
      const [row] = rows
      assert.ok(row)
      const audits = await count('audit_event')
      const shown = await withOrg(built.database, actorA.orgId, (trx) =>
        viewScreening(trx, actorA, { patientId: p.id, screeningId: row.id, page: 'result' })
      )
      assert.equal(shown.row.id, row.id)
      assert.equal(await count('audit_event'), audits + 1)
      await assert.rejects(
        withOrg(built.database, actorB.orgId, (trx) =>
          viewScreening(trx, actorB, { patientId: p.id, screeningId: row.id, page: 'result' })
        ),
        NotFoundError
      )
      await assert.rejects(
        withOrg(built.database, actorA.orgId, (trx) =>
          viewScreening(trx, actorA, { patientId: p.id, screeningId: 'not-a-uuid', page: 'result' })
        ),
        NotFoundError
      )
    })
  })
}
