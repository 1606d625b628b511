// createReferral: no consent, no referral (a typed error and nothing written); a referral with
// consent writes the referral, its first event, a partner link, the letter or email and one audit row.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg } from '../../../src/db/connect.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { createReferral, type CreateReferralInput } from '../../../src/app/referrals/create-referral.js'
import { ConsentRequiredError, ServiceNotSuggestedError } from '../../../src/app/referrals/errors.js'
import { openPartnerLink } from '../../../src/app/referrals/open-partner-link.js'
import { testDialects } from '../../helpers/databases.js'
import { addScreening, countRows, setUp, type Setup } from './setup.js'

const settings = { partnerBaseUrl: 'https://reach.test', now: new Date('2026-11-25T10:00:00Z') }

for (const kind of await testDialects()) {
  describe(`create referral (${kind})`, () => {
    let s: Setup
    let patientA: string
    let screeningId: string
    const input = (over: Partial<CreateReferralInput> = {}): CreateReferralInput => ({
      patientId: patientA,
      serviceId: 'device-bank',
      consentGiven: true,
      consentScope: ['contact_details', 'barrier_summary'],
      channel: 'email',
      ...over
    })
    const counts = async () =>
      Promise.all(
        (['referral', 'referral_event', 'outbox_message', 'audit_event'] as const).map((t) => countRows(s.database, t))
      )
    before(async () => {
      s = await setUp(kind)
      patientA = s.fixture.orgA.patients[0]!.id
      screeningId = await addScreening(s.database, s.fixture.orgA.id, patientA, { access: 'high', skills: 'some' })
    })
    after(() => s.close())

    test('consent refused, or no scope: ConsentRequiredError and nothing written', async () => {
      const before = await counts()
      for (const refused of [input({ consentGiven: false }), input({ consentScope: [] })])
        await assert.rejects(
          withOrg(s.database, s.fixture.orgA.id, (trx) => createReferral(trx, s.clinicianA, refused, settings)),
          ConsentRequiredError
        )
      assert.deepEqual(await counts(), before)
    })

    test('a service that is not suggested, or another organisation’s patient: refused, nothing written', async () => {
      const before = await counts()
      await assert.rejects(
        withOrg(s.database, s.fixture.orgA.id, (trx) =>
          createReferral(trx, s.clinicianA, input({ serviceId: 'unchecked' }), settings)
        ),
        ServiceNotSuggestedError
      )
      await assert.rejects(
        withOrg(s.database, s.fixture.orgB.id, (trx) => createReferral(trx, s.clinicianB, input(), settings)),
        NotFoundError
      )
      assert.deepEqual(await counts(), before)
    })

    test('with consent: referral, first event, queued email with only what was agreed, partner link, audit', async () => {
      const created = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        createReferral(trx, s.clinicianA, input(), settings)
      )
      assert.equal(created.channel, 'email')
      const { db } = s.database
      const referral = await db
        .selectFrom('referral')
        .selectAll()
        .where('id', '=', created.referralId)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        [referral.status, referral.service_id, referral.screening_id, referral.consent_recorded_by],
        ['referred', 'device-bank', screeningId, s.clinicianA.userId]
      )
      assert.deepEqual(referral.consent_scope, ['contact_details', 'barrier_summary'])
      assert.equal(referral.follow_up_due_on, '2026-12-23')
      assert.equal(referral.partner_token_expires_at?.toISOString(), '2027-02-23T10:00:00.000Z')
      const events = await db.selectFrom('referral_event').selectAll().where('referral_id', '=', referral.id).execute()
      assert.deepEqual(
        events.map((e) => [e.from_status, e.to_status, e.changed_by, e.changed_by_partner]),
        [['suggested', 'referred', s.clinicianA.userId, false]]
      )
      const outbox = await db.selectFrom('outbox_message').selectAll().where('referral_id', '=', referral.id).execute()
      assert.equal(outbox.length, 1)
      assert.deepEqual([outbox[0]!.channel, outbox[0]!.recipient], ['email', 'referrals@example.org'])
      assert.equal(outbox[0]!.subject, 'Referral to Device Bank')
      assert.match(
        outbox[0]!.body,
        /^To: Device Bank, Device Bank charity, Email: referrals@example.org\nDate: 25 November 2026\n/
      )
      assert.match(outbox[0]!.body, /\nThe patient:\nAda Lovelace\nE8 1DY\n/)
      // needs in plain words, never "access (device or internet): high"
      assert.match(
        outbox[0]!.body,
        /- Finds it hard to get a device or to stay connected\n- Finds it hard to use a phone, tablet or computer\n/
      )
      assert.doesNotMatch(outbox[0]!.body, /: (high|some)\b/)
      assert.doesNotMatch(outbox[0]!.body, /Language and communication/)
      assert.match(outbox[0]!.body, /\nFrom: clinician of ORG-A, Organisation A/)
      // the content the body was written from is kept for the print view
      assert.equal((outbox[0]!.content as { subject?: string }).subject, 'Referral to Device Bank')
      const token = /https:\/\/reach\.test\/partner\/([A-Za-z0-9_-]+)/.exec(outbox[0]!.body)?.[1] ?? ''
      const opened = await openPartnerLink(db, { token, now: settings.now })
      assert.equal(opened.id, referral.id)
      assert.equal(opened.service_name, 'Device Bank')
      const audit = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'referral')
        .where('entity_id', '=', referral.id)
        .execute()
      assert.deepEqual(
        audit.map((a) => [a.action, a.actor_user_id, a.actor_role, a.patient_id, a.org_id]),
        [['create', s.clinicianA.userId, 'clinician', patientA, s.fixture.orgA.id]]
      )
      assert.deepEqual(audit[0]!.detail, { serviceId: 'device-bank', channel: 'email' })
    })

    test('a letter when asked for one (or when the service has no email address)', async () => {
      const created = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        createReferral(trx, s.clinicianA, input({ serviceId: 'skills-club', channel: 'letter' }), settings)
      )
      assert.equal(created.channel, 'letter')
      const outbox = await s.database.db
        .selectFrom('outbox_message')
        .select(['channel', 'recipient'])
        .where('referral_id', '=', created.referralId)
        .executeTakeFirstOrThrow()
      assert.deepEqual(outbox, { channel: 'letter', recipient: 'Skills Club charity' })
    })
  })
}
