// Subject access and erasure: everything held about one patient, and erasing it, both audited;
// another organisation's patient is not found; the audit trail survives erasure.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { signedIn } from '../../helpers/browser-session.js'
import { withOrg } from '../../../src/db/connect.js'
import { erasePatient, readSubjectAccess } from '../../../src/app/patients/subject-access.js'
import { addReferralNote } from '../../../src/app/referrals/add-referral-note.js'
import { NotFoundError } from '../../../src/app/errors.js'
import type { Actor } from '../../../src/app/actor.js'

for (const kind of await testDialects()) {
  describe(`subject access and erasure (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind, {}, undefined, { records: true })
    })
    after(() => built.close())

    const adminA = (): Actor => ({
      orgId: built.fixture.orgA.id,
      userId: null,
      role: 'admin',
      teamId: null,
      ip: '127.0.0.1',
      userAgent: 'test'
    })

    test('the export holds the patient, screenings, invitations, referrals and their history, and no secrets', async () => {
      const records = built.records
      assert.ok(records)
      const got = await withOrg(built.database, built.fixture.orgA.id, (trx) =>
        readSubjectAccess(trx, adminA(), records.A.patientId, 'json')
      )
      assert.equal(got.patient.id, records.A.patientId)
      assert.equal(got.screenings.length, 1)
      assert.equal(got.referrals.length, 1)
      const text = JSON.stringify(got)
      assert.ok(!text.includes('token_hash'), 'no token hashes')
      assert.ok(!text.includes('short_code'), 'no short codes')
      const audit = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('patient_id', '=', records.A.patientId)
        .where('action', '=', 'export')
        .execute()
      assert.equal(audit.length, 1)
    })

    test('referral notes and further outcomes are in the export and on the page', async () => {
      const records = built.records
      assert.ok(records)
      await withOrg(built.database, built.fixture.orgA.id, (trx) =>
        addReferralNote(trx, adminA(), { referralId: records.A.referralId, note: 'Prefers a call after 2pm.' })
      )
      const got = await withOrg(built.database, built.fixture.orgA.id, (trx) =>
        readSubjectAccess(trx, adminA(), records.A.patientId, 'json')
      )
      const note = got.referralEvents.find((e) => e.kind === 'note')
      assert.deepEqual([note?.note, note?.referral_id], ['Prefers a call after 2pm.', records.A.referralId])
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      const page = await admin.get(`/patients/${records.A.patientId}/records`)
      assert.match(page.body, /Prefers a call after 2pm\./)
    })

    test("another organisation's patient is not found", async () => {
      const records = built.records
      assert.ok(records)
      await assert.rejects(
        withOrg(built.database, built.fixture.orgA.id, (trx) =>
          readSubjectAccess(trx, adminA(), records.B.patientId, 'page')
        ),
        NotFoundError
      )
    })

    test('the page lists each kind of record; only admins may open it', async () => {
      const records = built.records
      assert.ok(records)
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      const page = await admin.get(`/patients/${records.A.patientId}/records`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Everything held about this patient/)
      assert.match(page.body, /1 digital inclusion screening(?!s)/)
      assert.match(page.body, /1 referral to a support service/)
      const json = await admin.get(`/patients/${records.A.patientId}/records.json`)
      assert.equal(json.statusCode, 200)
      assert.match(String(json.headers['content-disposition']), /attachment/)
      assert.equal(JSON.parse(json.body).patient.id, records.A.patientId)
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      assert.equal((await clinician.get(`/patients/${records.A.patientId}/records`)).statusCode, 403)
    })

    test('erasure needs the right NHS number; then deletes every record of the patient and keeps the audit trail', async () => {
      const records = built.records
      assert.ok(records)
      const patientId = records.A.patientId
      const admin = await signedIn(built.app, built.fixture.emailA('admin'))
      await admin.get(`/patients/${patientId}/erase`)
      const missing = await admin.post(`/patients/${patientId}/erase`, {})
      assert.equal(missing.statusCode, 200)
      assert.match(missing.body, /Select why you are erasing these records/)
      assert.match(missing.body, /Enter the patient&#39;s NHS number/)
      const wrong = await admin.post(`/patients/${patientId}/erase`, {
        reason: 'patient-request',
        nhsNumber: '9990000000'
      })
      assert.match(wrong.body, /does not match/)
      assert.ok(
        await built.database.db.selectFrom('patient').select('id').where('id', '=', patientId).executeTakeFirst()
      )

      const auditBefore = await built.database.db
        .selectFrom('audit_event')
        .select('id')
        .where('patient_id', '=', patientId)
        .execute()
      const nhs = built.fixture.orgA.patients[0]?.nhsNumber ?? ''
      const done = await admin.post(`/patients/${patientId}/erase`, { reason: 'patient-request', nhsNumber: nhs })
      assert.equal(done.statusCode, 303)
      assert.equal(done.headers.location, '/patients')
      // the referral's history (notes included) goes with it
      assert.equal(
        (
          await built.database.db
            .selectFrom('referral_event')
            .select('id')
            .where('referral_id', '=', records.A.referralId)
            .execute()
        ).length,
        0
      )
      for (const table of ['screening', 'screening_invite', 'referral'] as const) {
        const left = await built.database.db
          .selectFrom(table)
          .select('id')
          .where('patient_id', '=', patientId)
          .execute()
        assert.equal(left.length, 0, `${table} rows erased`)
      }
      assert.equal(
        (await built.database.db.selectFrom('patient').select('id').where('id', '=', patientId).execute()).length,
        0
      )
      const auditAfter = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('patient_id', '=', patientId)
        .execute()
      assert.ok(auditAfter.length > auditBefore.length, 'the audit trail keeps its rows and adds the erasure')
      const erase = auditAfter.find((a) => a.action === 'erase')
      assert.ok(erase)
      assert.deepEqual((erase.detail as Record<string, unknown>).reason, 'patient-request')
      // organisation B is untouched
      assert.ok(
        await built.database.db
          .selectFrom('patient')
          .select('id')
          .where('id', '=', records.B.patientId)
          .executeTakeFirst()
      )
    })

    test('erasePatient refuses a mismatched NHS number without deleting', async () => {
      const records = built.records
      assert.ok(records)
      const result = await withOrg(built.database, built.fixture.orgB.id, (trx) =>
        erasePatient(trx, { ...adminA(), orgId: built.fixture.orgB.id }, records.B.patientId, {
          nhsNumber: '0000000000',
          reason: 'created-in-error'
        })
      )
      assert.deepEqual(result, { ok: false, problem: 'nhs-number-mismatch' })
    })
  })
}
