// addReferralNote: a note at any stage leaves the status alone, is one 'note' event and one audit row that
// never holds the text; staff and partner links share it; a note that cannot be saved writes nothing.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg } from '../../../src/db/connect.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { addReferralNote } from '../../../src/app/referrals/add-referral-note.js'
import { changeReferralStatus } from '../../../src/app/referrals/change-referral-status.js'
import { createReferral } from '../../../src/app/referrals/create-referral.js'
import { NoteRefusedError } from '../../../src/app/referrals/errors.js'
import { partnerActor } from '../../../src/app/referrals/partner-actor.js'
import { testDialects } from '../../helpers/databases.js'
import { addScreening, setUp, type Setup } from './setup.js'

for (const kind of await testDialects()) {
  describe(`add a referral note (${kind})`, () => {
    let s: Setup
    let patientA: string
    let referralId: string
    before(async () => {
      s = await setUp(kind)
      patientA = s.fixture.orgA.patients[0]!.id
      await addScreening(s.database, s.fixture.orgA.id, patientA, { access: 'high' })
      referralId = await withOrg(s.database, s.fixture.orgA.id, async (trx) => {
        const created = await createReferral(
          trx,
          s.clinicianA,
          {
            patientId: patientA,
            serviceId: 'device-bank',
            consentGiven: true,
            consentScope: ['contact_details'],
            channel: 'letter'
          },
          { partnerBaseUrl: 'https://reach.test' }
        )
        return created.referralId
      })
    })
    after(() => s.close())

    const notes = () =>
      s.database.db
        .selectFrom('referral_event')
        .selectAll()
        .where('referral_id', '=', referralId)
        .where('kind', '=', 'note')
        .orderBy('id')
        .execute()
    const noteAudits = () =>
      s.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'referral_note')
        .orderBy('id')
        .execute()

    test('a staff note: status unchanged, one note event, audited without its text', async () => {
      const added = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        addReferralNote(trx, s.clinicianA, { referralId, note: '  Rang the patient: prefers mornings.  ' })
      )
      const referral = await s.database.db
        .selectFrom('referral')
        .select('status')
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow()
      assert.equal(referral.status, 'referred')
      const [note] = await notes()
      assert.deepEqual(
        [note?.kind, note?.from_status, note?.to_status, note?.outcome, note?.note, note?.changed_by],
        ['note', 'referred', 'referred', null, 'Rang the patient: prefers mornings.', s.clinicianA.userId]
      )
      const [audit] = await noteAudits()
      assert.deepEqual(
        [audit?.action, audit?.entity_id, audit?.patient_id, audit?.actor_user_id, audit?.detail],
        ['create', added.noteId, patientA, s.clinicianA.userId, { referralId, length: 35 }]
      )
      assert.doesNotMatch(JSON.stringify(audit), /mornings/)
    })

    test('a note through the partner link says so; the referral can still move on', async () => {
      const partner = partnerActor(s.fixture.orgA.id, '198.51.100.7', 'partner-browser')
      await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        addReferralNote(trx, partner, { referralId, note: 'First session booked for Tuesday.' })
      )
      const last = (await notes()).at(-1)
      assert.deepEqual([last?.changed_by, last?.changed_by_partner], [null, true])
      assert.equal((await noteAudits()).at(-1)?.actor_role, 'partner')
      // a note does not change the status, so a form that showed 'referred' is still current
      await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        changeReferralStatus(trx, s.clinicianA, { referralId, step: { to: 'accepted' }, expectedStatus: 'referred' })
      )
    })

    test('empty, too long or control characters: NoteRefusedError, nothing written', async () => {
      const before = (await notes()).length
      for (const note of ['   ', 'x'.repeat(1001), 'bell\u0007'])
        await assert.rejects(
          withOrg(s.database, s.fixture.orgA.id, (trx) => addReferralNote(trx, s.clinicianA, { referralId, note })),
          NoteRefusedError
        )
      assert.equal((await notes()).length, before)
    })

    test("another organisation's referral is not found", async () => {
      await assert.rejects(
        withOrg(s.database, s.fixture.orgB.id, (trx) =>
          addReferralNote(trx, s.clinicianB, { referralId, note: 'Wrong organisation' })
        ),
        NotFoundError
      )
    })
  })
}
