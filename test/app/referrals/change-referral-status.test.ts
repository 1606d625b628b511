// changeReferralStatus: a valid step changes the referral and writes one event and one audit row;
// a step the lifecycle refuses writes nothing; a lost update (two changes decided from the same
// starting status) is a ConflictError for the second, with no second event or audit row.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { withOrg } from '../../../src/db/connect.js'
import { derivedMeasureCounts } from '../../../src/db/repositories/derived-measures.js'
import { ConflictError, NotFoundError } from '../../../src/app/errors.js'
import { changeReferralStatus } from '../../../src/app/referrals/change-referral-status.js'
import { createReferral } from '../../../src/app/referrals/create-referral.js'
import { NoteRefusedError, StepRefusedError } from '../../../src/app/referrals/errors.js'
import { partnerActor } from '../../../src/app/referrals/partner-actor.js'
import type { Status } from '../../../src/domain/referrals/status-lifecycle.js'
import { testDialects } from '../../helpers/databases.js'
import { addScreening, setUp, type Setup } from './setup.js'

for (const kind of await testDialects()) {
  describe(`change referral status (${kind})`, () => {
    let s: Setup
    let patientA: string
    before(async () => {
      s = await setUp(kind)
      patientA = s.fixture.orgA.patients[0]!.id
      await addScreening(s.database, s.fixture.orgA.id, patientA, { access: 'high' })
    })
    after(() => s.close())

    const newReferral = () =>
      withOrg(s.database, s.fixture.orgA.id, async (trx) => {
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
    const events = (referralId: string) =>
      s.database.db
        .selectFrom('referral_event')
        .selectAll()
        .where('referral_id', '=', referralId)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute()
    const updates = (referralId: string) =>
      s.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_id', '=', referralId)
        .where('action', '=', 'update')
        .execute()
    const status = async (referralId: string) =>
      (
        await s.database.db
          .selectFrom('referral')
          .select(['status', 'outcome', 'accepted_at', 'outcome_at'])
          .where('id', '=', referralId)
          .executeTakeFirstOrThrow()
      ).status
    const change = (
      referralId: string,
      step: Parameters<typeof changeReferralStatus>[2]['step'],
      expected?: Status,
      note?: string
    ) =>
      withOrg(s.database, s.fixture.orgA.id, (trx) =>
        changeReferralStatus(trx, s.clinicianA, { referralId, step, expectedStatus: expected, note })
      )
    const attendedReferral = async () => {
      const id = await newReferral()
      await change(id, { to: 'accepted' })
      await change(id, { to: 'attended' })
      return id
    }

    test('after attending, did not attend and declined are refused; nothing written', async () => {
      const id = await attendedReferral()
      for (const outcome of ['did_not_attend', 'declined'] as const)
        await assert.rejects(change(id, { to: 'outcome', outcome }), (error: unknown) => {
          assert.ok(error instanceof StepRefusedError)
          assert.match(error.message, /cannot be recorded: the patient has attended/)
          return true
        })
      assert.equal(await status(id), 'attended')
      assert.equal((await events(id)).length, 3)
    })

    test('several outcomes: a further positive outcome is added with its note; the same outcome twice is refused', async () => {
      const id = await attendedReferral()
      await change(id, { to: 'outcome', outcome: 'device_provided' }, 'attended')
      const firstAt = await s.database.db
        .selectFrom('referral')
        .select(['outcome', 'outcome_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const added = await change(
        id,
        { to: 'outcome', outcome: 'skills_gained' },
        'outcome',
        'Came to all four sessions.\r\nCan now use the NHS App.'
      )
      assert.deepEqual([added.status, added.outcome, added.added], ['outcome', 'skills_gained', true])
      // the row keeps its first outcome and its date (the measures count each referral once, by it)
      const row = await s.database.db
        .selectFrom('referral')
        .select(['status', 'outcome', 'outcome_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual([row.status, row.outcome, row.outcome_at], ['outcome', 'device_provided', firstAt.outcome_at])
      const last = (await events(id)).at(-1)
      assert.deepEqual(
        [last?.kind, last?.from_status, last?.to_status, last?.outcome, last?.note, last?.changed_by],
        [
          'outcome',
          'outcome',
          'outcome',
          'skills_gained',
          'Came to all four sessions.\nCan now use the NHS App.',
          s.clinicianA.userId
        ]
      )
      await assert.rejects(change(id, { to: 'outcome', outcome: 'skills_gained' }, 'outcome'), (error: unknown) => {
        assert.ok(error instanceof StepRefusedError)
        assert.equal(error.message, 'Skills gained is already recorded for this referral')
        return true
      })
      await assert.rejects(change(id, { to: 'outcome', outcome: 'did_not_attend' }, 'outcome'), StepRefusedError)
      assert.equal((await events(id)).length, 5)
      const audit = (await updates(id)).at(-1)
      // the audit row says a note was written, never what it says
      assert.deepEqual(audit?.detail, { status: 'outcome', outcome: 'skills_gained', added: true, note: true })
    })

    test('a referral with several outcomes counts once in the outcome measures (docs/measures.md), by its first', async () => {
      // a fresh organisation-wide count before and after: the new referral adds exactly one outcome
      const counts = async (key: 'positive-outcome' | 'referral-outcome-recorded' | 'time-to-outcome') => {
        const rows = await derivedMeasureCounts(
          s.database.db,
          key,
          { kind: 'organisation', orgId: s.fixture.orgA.id },
          { frequency: 'monthly' }
        )
        return rows.reduce((sum, r) => sum + (r.denominator ?? 0), 0)
      }
      const before = await Promise.all([counts('positive-outcome'), counts('time-to-outcome')])
      const id = await attendedReferral()
      await change(id, { to: 'outcome', outcome: 'device_provided' })
      await change(id, { to: 'outcome', outcome: 'connectivity_provided' })
      await change(id, { to: 'outcome', outcome: 'skills_gained' })
      assert.deepEqual(await Promise.all([counts('positive-outcome'), counts('time-to-outcome')]), [
        before[0]! + 1,
        before[1]! + 1
      ])
    })

    test('a closing outcome ends the referral', async () => {
      const id = await attendedReferral()
      await change(id, { to: 'outcome', outcome: 'no_change' })
      await assert.rejects(change(id, { to: 'outcome', outcome: 'skills_gained' }), /This referral is closed/)
    })

    test('a note that cannot be saved: NoteRefusedError, nothing written', async () => {
      const id = await newReferral()
      await assert.rejects(change(id, { to: 'accepted' }, 'referred', 'x'.repeat(1001)), NoteRefusedError)
      assert.equal(await status(id), 'referred')
      assert.equal((await events(id)).length, 1)
    })

    test('a valid step: status and timestamp set, one event, one audit row', async () => {
      const id = await newReferral()
      const result = await change(id, { to: 'accepted' })
      assert.deepEqual(result, { referralId: id, patientId: patientA, status: 'accepted', outcome: null, added: false })
      const row = await s.database.db
        .selectFrom('referral')
        .select(['status', 'accepted_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.status, 'accepted')
      assert.ok(row.accepted_at)
      assert.deepEqual(
        (await events(id)).map((e) => [e.from_status, e.to_status, e.changed_by, e.changed_by_partner]),
        [
          ['suggested', 'referred', s.clinicianA.userId, false],
          ['referred', 'accepted', s.clinicianA.userId, false]
        ]
      )
      const audit = await updates(id)
      assert.deepEqual(
        audit.map((a) => [a.actor_user_id, a.actor_role, a.patient_id, a.detail]),
        [[s.clinicianA.userId, 'clinician', patientA, { status: 'accepted', outcome: null }]]
      )
    })

    test('a step the lifecycle refuses: StepRefusedError, nothing written', async () => {
      const id = await newReferral()
      await assert.rejects(change(id, { to: 'outcome', outcome: 'skills_gained' }), (error: unknown) => {
        assert.ok(error instanceof StepRefusedError)
        assert.match(error.message, /Skills gained can only be recorded after the patient has attended/)
        return true
      })
      await assert.rejects(change(id, { to: 'attended' }), StepRefusedError)
      assert.equal(await status(id), 'referred')
      assert.equal((await events(id)).length, 1)
      assert.equal((await updates(id)).length, 0)
    })

    test('a lost update: two changes from the same starting status, the second is a ConflictError', async () => {
      const id = await newReferral()
      // both people saw the referral as 'referred' and chose a step allowed from there
      await change(id, { to: 'accepted' }, 'referred')
      await assert.rejects(change(id, { to: 'outcome', outcome: 'declined' }, 'referred'), ConflictError)
      assert.equal(await status(id), 'accepted')
      assert.deepEqual(
        (await events(id)).map((e) => [e.from_status, e.to_status]),
        [
          ['suggested', 'referred'],
          ['referred', 'accepted']
        ]
      )
      assert.equal((await updates(id)).length, 1)
    })

    test('another organisation’s referral is not found', async () => {
      const id = await newReferral()
      await assert.rejects(
        withOrg(s.database, s.fixture.orgB.id, (trx) =>
          changeReferralStatus(trx, s.clinicianB, { referralId: id, step: { to: 'accepted' } })
        ),
        NotFoundError
      )
      assert.equal(await status(id), 'referred')
    })

    test('through a partner link: the event and audit row say so', async () => {
      const id = await newReferral()
      const partner = partnerActor(s.fixture.orgA.id, '198.51.100.7', 'partner-browser')
      await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        changeReferralStatus(trx, partner, { referralId: id, step: { to: 'outcome', outcome: 'did_not_attend' } })
      )
      const last = (await events(id)).at(-1)
      assert.deepEqual(
        [last?.to_status, last?.outcome, last?.changed_by, last?.changed_by_partner],
        ['outcome', 'did_not_attend', null, true]
      )
      const audit = await updates(id)
      assert.deepEqual(
        audit.map((a) => [a.actor_user_id, a.actor_role, a.ip, a.detail]),
        [[null, 'partner', '198.51.100.7', { status: 'outcome', outcome: 'did_not_attend', partner: true }]]
      )
    })

    // Two transactions really at once: the second reads 'referred' before the first commits, and its
    // update then matches no row. Only a server has concurrent connections (PGlite has one).
    test(
      'a lost update between concurrent transactions is a ConflictError',
      { skip: kind !== 'postgres' },
      async () => {
        const id = await newReferral()
        let release = () => {}
        const gate = new Promise<void>((resolve) => (release = resolve))
        const first = withOrg(s.database, s.fixture.orgA.id, async (trx) => {
          const result = await changeReferralStatus(trx, s.clinicianA, { referralId: id, step: { to: 'accepted' } })
          await gate
          return result
        })
        await new Promise((resolve) => setTimeout(resolve, 200))
        const second = withOrg(s.database, s.fixture.orgA.id, (trx) =>
          changeReferralStatus(trx, s.clinicianA, { referralId: id, step: { to: 'outcome', outcome: 'declined' } })
        )
        const secondOutcome = second.then(
          () => 'changed',
          (error: unknown) => error
        )
        // wait until the second transaction's update is waiting for the first one's row lock
        for (let i = 0; i < 100; i++) {
          const waiting = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(s.database.db)
          if (Number(waiting.rows[0]?.n) > 0) break
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        release()
        assert.equal((await first).status, 'accepted')
        assert.ok((await secondOutcome) instanceof ConflictError)
        assert.equal(await status(id), 'accepted')
        assert.deepEqual(
          (await events(id)).map((e) => e.to_status),
          ['referred', 'accepted']
        )
        assert.equal((await updates(id)).length, 1)
      }
    )
  })
}
