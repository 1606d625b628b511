// Referrals: suggestions, the consent rule, lifecycle through the web, follow-ups, partner links,
// audit rows and tenant isolation; plus the public directory search.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, InjectSession } from '../helpers/browser-session.js'
import { parseDirectoryImport } from '../../src/domain/directory/oruk.js'
import { upsertServices } from '../../src/db/repositories/directory.js'
import { screeningColumns, type NewScreening } from '../../src/db/repositories/screenings.js'
import { assessScreening } from '../../src/domain/screening/index.js'
import { suggestServices } from '../../src/app/referrals/suggest-services.js'
import { testServices } from '../helpers/test-services.js'

async function addScreening(built: Built, orgId: string, patientId: string, levels: Record<string, string>) {
  const input: NewScreening = {
    patientId,
    mode: 'clinician',
    language: 'en',
    answers: {},
    screenedAt: new Date('2026-10-01T10:00:00Z'),
    enteredBy: null,
    teamId: null
  }
  const cols = screeningColumns(input, assessScreening({}, { now: input.screenedAt }))
  // the levels are set directly: these tests are about referrals, not about scoring answers
  const row = await built.database.db
    .insertInto('screening')
    .values({
      org_id: orgId,
      ...cols,
      status: 'complete',
      ...Object.fromEntries(Object.entries(levels).map(([b, l]) => [`${b}_level`, l])),
      has_high_barrier: Object.values(levels).includes('high')
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

for (const kind of await testDialects()) {
  describe(`referrals and directory (${kind})`, () => {
    let built: Built
    let clinicianA: InjectSession
    let patientA: string
    before(async () => {
      built = await build(kind)
      await upsertServices(built.database.db, parseDirectoryImport(testServices).services)
      clinicianA = await signedIn(built.app, built.fixture.emailA('clinician'))
      patientA = built.fixture.orgA.patients[0]!.id
      await addScreening(built, built.fixture.orgA.id, patientA, { access: 'high', skills: 'some' })
      await addScreening(built, built.fixture.orgB.id, built.fixture.orgB.patients[0]!.id, { access: 'high' })
    })
    after(() => built.close())

    const count = async (table: 'referral' | 'referral_event' | 'outbox_message') =>
      Number(
        (
          await built.database.db
            .selectFrom(table)
            .select(sql<string>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )

    test('public directory: no login, searchable by barrier, offer type and language, small', async () => {
      const anon = new InjectSession(built.app)
      const all = await anon.get('/services')
      assert.equal(all.statusCode, 200)
      assert.match(all.body, /Device Bank/)
      assert.doesNotMatch(all.body, /nhsuk-frontend/)
      assert.ok(all.body.length < 30_000)
      const byBarrier = await anon.get('/services?barrier=skills')
      assert.match(byBarrier.body, /Skills Club/)
      assert.doesNotMatch(byBarrier.body, /Device Bank/)
      assert.match((await anon.get('/services?offerType=device')).body, /Device Bank/)
      const tr = await anon.get('/services?language=tr')
      assert.match(tr.body, /Skills Club/)
      assert.doesNotMatch(tr.body, /Device Bank/)
      assert.equal((await anon.get('/services?barrier=%3Cscript%3E')).statusCode, 200)
      assert.equal((await anon.get('/services/device-bank')).statusCode, 200)
      assert.equal((await anon.get('/services/nope')).statusCode, 404)
    })

    test('suggestions: verified services only, best first, with reasons', async () => {
      const result = await suggestServices(
        built.database.db,
        { orgId: built.fixture.orgA.id },
        { patientId: patientA, today: '2026-11-25' }
      )
      assert.deepEqual(
        result!.suggestions.map((s) => s.serviceId),
        ['device-bank', 'skills-club']
      )
      const page = await clinicianA.get(`/patients/${patientA}/referrals`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Offers free or loaned devices, which matches the patient&#39;s high access/)
      assert.doesNotMatch(page.body, /Unchecked Help/)
      // honest wording: stale entries are suggested, with a mark, so the page does not claim only checked ones are
      assert.match(
        page.body,
        /Services are ranked by how well they fit, best first. Entries not checked in the last 12 months are marked/
      )
      assert.doesNotMatch(page.body, /Only checked \(verified\) services are suggested|No verified services match/)
      const noBarriers = built.fixture.orgA.patients[2]!.id
      await addScreening(built, built.fixture.orgA.id, noBarriers, { access: 'none' })
      const none = await clinicianA.get(`/patients/${noBarriers}/referrals`)
      assert.match(none.body, /No services in the directory match this patient&#39;s needs where they live/)
    })

    test('a referral without consent is refused with an error summary', async () => {
      const before = await count('referral')
      await clinicianA.get(`/patients/${patientA}/referrals`)
      const res = await clinicianA.post(`/patients/${patientA}/referrals`, {
        serviceId: 'device-bank',
        consent: 'no',
        channel: 'letter'
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /There is a problem/)
      assert.match(res.body, /You cannot refer without the patient/)
      assert.match(res.body, /<title>Error: /)
      const noScope = await clinicianA.post(`/patients/${patientA}/referrals`, {
        serviceId: 'device-bank',
        consent: 'yes',
        channel: 'letter'
      })
      assert.match(noScope.body, /Select what the patient agrees to share/)
      assert.equal(await count('referral'), before)
    })

    let referralId = ''
    test('with consent: referral, event, outbox email and audit row; lifecycle via the web, invalid steps refused', async () => {
      await clinicianA.get(`/patients/${patientA}/referrals`)
      const res = await clinicianA.post(`/patients/${patientA}/referrals`, {
        serviceId: 'device-bank',
        consent: 'yes',
        consentScope: ['contact_details', 'barrier_summary'],
        channel: 'email'
      })
      assert.equal(res.statusCode, 303)
      referralId = String(res.headers.location).split('/').pop()!
      const referral = await built.database.db
        .selectFrom('referral')
        .selectAll()
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow()
      assert.equal(referral.status, 'referred')
      assert.equal(referral.consent_given, true)
      assert.deepEqual(referral.consent_scope, ['contact_details', 'barrier_summary'])
      assert.ok(referral.referred_at && referral.follow_up_due_on && referral.partner_token_hash?.length === 64)
      const outbox = await built.database.db
        .selectFrom('outbox_message')
        .selectAll()
        .where('referral_id', '=', referralId)
        .execute()
      assert.equal(outbox.length, 1)
      assert.equal(outbox[0]!.status, 'queued')
      assert.match(outbox[0]!.body, /\nThe patient:\nAda Lovelace\n/)
      const audit = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'referral')
        .where('entity_id', '=', referralId)
        .where('action', '=', 'create')
        .execute()
      assert.equal(audit.length, 1)

      const page = await clinicianA.get(`/referrals/${referralId}`)
      assert.equal(page.statusCode, 200)
      const bad = await clinicianA.post(`/referrals/${referralId}/status`, { step: 'outcome:skills_gained' })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Skills gained can only be recorded after the patient has attended/)
      assert.equal((await clinicianA.post(`/referrals/${referralId}/status`, { step: 'accepted' })).statusCode, 303)
      const after = await built.database.db
        .selectFrom('referral')
        .select(['status', 'accepted_at'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow()
      assert.equal(after.status, 'accepted')
      assert.ok(after.accepted_at)
      const events = await built.database.db
        .selectFrom('referral_event')
        .selectAll()
        .where('referral_id', '=', referralId)
        .orderBy('id')
        .execute()
      assert.deepEqual(
        events.map((e) => [e.from_status, e.to_status]),
        [
          ['suggested', 'referred'],
          ['referred', 'accepted']
        ]
      )
    })

    test('overdue follow-ups are listed per team', async () => {
      await built.database.db
        .updateTable('referral')
        .set({ follow_up_due_on: '2020-01-01' })
        .where('id', '=', referralId)
        .execute()
      const page = await clinicianA.get('/referrals')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /No team \(1\)/)
      assert.match(page.body, /Ada Lovelace/)
    })

    test("tenant isolation: org B cannot see or change org A's referral", async () => {
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      assert.equal((await clinicianB.get(`/referrals/${referralId}`)).statusCode, 404)
      assert.equal((await clinicianB.get(`/patients/${patientA}/referrals`)).statusCode, 404)
      await clinicianB.get(`/patients/${built.fixture.orgB.patients[0]!.id}/referrals`)
      assert.equal((await clinicianB.post(`/referrals/${referralId}/status`, { step: 'attended' })).statusCode, 404)
      assert.doesNotMatch((await clinicianB.get('/referrals')).body, /Lovelace/)
    })

    test('partner link: updates status without an account; tampered or other tokens reveal nothing', async () => {
      // make a referral in org B to get its token from the outbox letter
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      const patientB = built.fixture.orgB.patients[0]!.id
      await clinicianB.get(`/patients/${patientB}/referrals`)
      const res = await clinicianB.post(`/patients/${patientB}/referrals`, {
        serviceId: 'device-bank',
        consent: 'yes',
        consentScope: ['contact_details'],
        channel: 'letter'
      })
      assert.equal(res.statusCode, 303)
      const idB = String(res.headers.location).split('/').pop()!
      const letter = await built.database.db
        .selectFrom('outbox_message')
        .select('body')
        .where('referral_id', '=', idB)
        .executeTakeFirstOrThrow()
      const token = /\/partner\/([A-Za-z0-9_-]+)/.exec(letter.body)![1]!
      const partner = new InjectSession(built.app)
      const page = await partner.get(`/partner/${token}`)
      assert.equal(page.statusCode, 200)
      assert.doesNotMatch(page.body, /Seacole/)
      const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
      assert.equal((await partner.get(`/partner/${tampered}`)).statusCode, 404)
      assert.equal((await partner.get('/partner/short')).statusCode, 404)
      await partner.get(`/partner/${token}`)
      const bad = await partner.post(`/partner/${token}`, { step: 'outcome:device_provided' })
      assert.match(bad.body, /can only be recorded after the patient has attended/)
      const ok = await partner.post(`/partner/${token}`, { step: 'outcome:did_not_attend' })
      assert.equal(ok.statusCode, 200)
      assert.match(ok.body, /did not attend/)
      const row = await built.database.db
        .selectFrom('referral')
        .select(['status', 'outcome', 'outcome_at', 'org_id'])
        .where('id', '=', idB)
        .executeTakeFirstOrThrow()
      assert.deepEqual([row.status, row.outcome, row.org_id], ['outcome', 'did_not_attend', built.fixture.orgB.id])
      assert.ok(row.outcome_at)
      const ev = await built.database.db
        .selectFrom('referral_event')
        .selectAll()
        .where('referral_id', '=', idB)
        .where('to_status', '=', 'outcome')
        .executeTakeFirstOrThrow()
      assert.equal(ev.changed_by_partner, true)
      // org A's referral is untouched by org B's token
      assert.equal(
        (
          await built.database.db
            .selectFrom('referral')
            .select('status')
            .where('id', '=', referralId)
            .executeTakeFirstOrThrow()
        ).status,
        'accepted'
      )
    })

    test('a lost update: two changes from the same starting status, the second is a 409 with no second event', async () => {
      await clinicianA.get(`/patients/${patientA}/referrals`)
      const made = await clinicianA.post(`/patients/${patientA}/referrals`, {
        serviceId: 'skills-club',
        consent: 'yes',
        consentScope: ['contact_details'],
        channel: 'letter'
      })
      assert.equal(made.statusCode, 303)
      const id = String(made.headers.location).split('/').pop()!
      const page = await clinicianA.get(`/referrals/${id}`)
      assert.match(page.body, /<input type="hidden" name="version" value="referred">/)
      // two people had the page open at 'referred'; the first saves, then the second
      const first = await clinicianA.post(`/referrals/${id}/status`, { step: 'accepted', version: 'referred' })
      assert.equal(first.statusCode, 303)
      await clinicianA.get(`/referrals/${id}`)
      const second = await clinicianA.post(`/referrals/${id}/status`, { step: 'outcome:declined', version: 'referred' })
      assert.equal(second.statusCode, 409)
      const events = async () =>
        (
          await built.database.db
            .selectFrom('referral_event')
            .select(['from_status', 'to_status'])
            .where('referral_id', '=', id)
            .orderBy('id')
            .execute()
        ).map((e) => [e.from_status, e.to_status])
      assert.deepEqual(await events(), [
        ['suggested', 'referred'],
        ['referred', 'accepted']
      ])
      // the partner page too: its form also carries the status it showed
      const letter = await built.database.db
        .selectFrom('outbox_message')
        .select('body')
        .where('referral_id', '=', id)
        .executeTakeFirstOrThrow()
      const token = /\/partner\/([A-Za-z0-9_-]+)/.exec(letter.body)![1]!
      const partner = new InjectSession(built.app)
      await partner.get(`/partner/${token}`)
      const stale = await partner.post(`/partner/${token}`, { step: 'outcome:did_not_attend', version: 'referred' })
      assert.equal(stale.statusCode, 409)
      assert.equal((await events()).length, 2)
      const status = await built.database.db
        .selectFrom('referral')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(status.status, 'accepted')
    })

    const makeReferral = async (serviceId = 'device-bank', consentScope = ['contact_details']) => {
      await clinicianA.get(`/patients/${patientA}/referrals`)
      const made = await clinicianA.post(`/patients/${patientA}/referrals`, {
        serviceId,
        consent: 'yes',
        consentScope,
        channel: 'letter'
      })
      assert.equal(made.statusCode, 303)
      return String(made.headers.location).split('/').pop()!
    }
    const partnerToken = async (id: string) => {
      const letter = await built.database.db
        .selectFrom('outbox_message')
        .select('body')
        .where('referral_id', '=', id)
        .executeTakeFirstOrThrow()
      return /\/partner\/([A-Za-z0-9_-]+)/.exec(letter.body)![1]!
    }
    const radioValues = (body: string) =>
      [
        ...body.matchAll(
          /name="step" type="radio" value="([^"]+)"|type="radio" id="[^"]+" name="step" value="([^"]+)"/g
        )
      ].map((m) => m[1] ?? m[2])

    test('the referral page: only valid next steps, history with notes, another outcome after a positive one', async () => {
      const id = await makeReferral()
      await clinicianA.get(`/referrals/${id}`)
      assert.equal(
        (await clinicianA.post(`/referrals/${id}/status`, { step: 'accepted', version: 'referred' })).statusCode,
        303
      )
      await clinicianA.get(`/referrals/${id}`)
      assert.equal(
        (await clinicianA.post(`/referrals/${id}/status`, { step: 'attended', version: 'accepted' })).statusCode,
        303
      )
      const attended = await clinicianA.get(`/referrals/${id}`)
      assert.deepEqual(radioValues(attended.body), [
        'outcome:device_provided',
        'outcome:connectivity_provided',
        'outcome:skills_gained',
        'outcome:no_change',
        'outcome:not_eligible'
      ])
      assert.doesNotMatch(attended.body, /outcome:did_not_attend|outcome:declined/)
      // a step the page does not offer, sent anyway: the page again with the reason, never a 500
      const dna = await clinicianA.post(`/referrals/${id}/status`, {
        step: 'outcome:did_not_attend',
        version: 'attended'
      })
      assert.equal(dna.statusCode, 200)
      assert.match(dna.body, /Did not attend cannot be recorded: the patient has attended/)
      assert.match(dna.body, /href="#step"/)
      const first = await clinicianA.post(`/referrals/${id}/status`, {
        step: 'outcome:device_provided',
        version: 'attended',
        stepNote: 'Lent a tablet\r\nfor 3 months.'
      })
      assert.equal(first.statusCode, 303)
      const page = await clinicianA.get(`/referrals/${id}`)
      assert.match(page.body, /Add another outcome/)
      assert.deepEqual(radioValues(page.body), ['outcome:connectivity_provided', 'outcome:skills_gained'])
      assert.match(page.body, /Outcome: device provided/)
      assert.match(page.body, /<div class="reach-note">Lent a tablet<br>for 3 months.<\/div>/)
      const again = await clinicianA.post(`/referrals/${id}/status`, {
        step: 'outcome:skills_gained',
        version: 'outcome'
      })
      assert.equal(again.statusCode, 303)
      const twice = await clinicianA.post(`/referrals/${id}/status`, {
        step: 'outcome:skills_gained',
        version: 'outcome'
      })
      assert.equal(twice.statusCode, 200)
      assert.match(twice.body, /Skills gained is already recorded for this referral/)
      const after = await clinicianA.get(`/referrals/${id}`)
      assert.match(after.body, /Another outcome: skills gained/)
      assert.match(after.body, /Outcome: device provided, skills gained/)
    })

    test('notes: an error summary and the text kept on a bad note; a good one is in the history, audited without its text', async () => {
      const id = await makeReferral()
      await clinicianA.get(`/referrals/${id}`)
      const empty = await clinicianA.post(`/referrals/${id}/notes`, { note: '  ' })
      assert.equal(empty.statusCode, 200)
      assert.match(empty.body, /<title>Error: /)
      assert.match(empty.body, /href="#note">\s*Enter a note/)
      const long = 'Tried to ring. '.repeat(70)
      const tooLong = await clinicianA.post(`/referrals/${id}/notes`, { note: long })
      assert.equal(tooLong.statusCode, 200)
      assert.match(tooLong.body, /The note must be 1,000 characters or fewer/)
      assert.ok(tooLong.body.includes(`>${long}</textarea>`), 'the note is kept')
      assert.match(tooLong.body, /data-maxlength="1000"/)
      const ok = await clinicianA.post(`/referrals/${id}/notes`, {
        note: 'Patient asked to be called after 2pm <b>only</b>.'
      })
      assert.equal(ok.statusCode, 303)
      assert.equal(ok.headers.location, `/referrals/${id}#history`)
      const page = await clinicianA.get(`/referrals/${id}`)
      assert.match(page.body, /Patient asked to be called after 2pm &lt;b&gt;only&lt;\/b&gt;\./)
      const status = await built.database.db
        .selectFrom('referral')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(status.status, 'referred')
      const audit = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'referral_note')
        .where('patient_id', '=', patientA)
        .execute()
      assert.equal(audit.length, 1)
      assert.doesNotMatch(JSON.stringify(audit), /2pm/)
      // a receptionist may read the referral but not write notes
      const receptionist = await signedIn(built.app, built.fixture.emailA('receptionist'))
      const read = await receptionist.get(`/referrals/${id}`)
      assert.equal(read.statusCode, 200)
      assert.doesNotMatch(read.body, /Add a note/)
      assert.equal((await receptionist.post(`/referrals/${id}/notes`, { note: 'x' })).statusCode, 403)
    })

    test('partner link: valid steps, another outcome, a note for the care team; notes and names never shown there', async () => {
      const id = await makeReferral()
      await clinicianA.get(`/referrals/${id}`)
      await clinicianA.post(`/referrals/${id}/notes`, { note: 'Staff-only: lives with daughter.' })
      const token = await partnerToken(id)
      const partner = new InjectSession(built.app)
      const page = await partner.get(`/partner/${token}`)
      assert.deepEqual(radioValues(page.body), [
        'accepted',
        'outcome:declined',
        'outcome:did_not_attend',
        'outcome:not_eligible'
      ])
      assert.doesNotMatch(page.body, /lives with daughter/)
      assert.doesNotMatch(page.body, /Seacole|Nightingale/)
      await partner.post(`/partner/${token}`, { step: 'accepted', version: 'referred' })
      await partner.post(`/partner/${token}`, { step: 'attended', version: 'accepted' })
      const attended = await partner.get(`/partner/${token}`)
      assert.doesNotMatch(attended.body, /outcome:did_not_attend|outcome:declined/)
      const first = await partner.post(`/partner/${token}`, {
        step: 'outcome:connectivity_provided',
        version: 'attended',
        stepNote: 'Gave a SIM with 6 months of data.'
      })
      assert.match(first.body, /Thank you. The referral is now: Outcome: connectivity provided/)
      assert.match(first.body, /Add another outcome/)
      assert.doesNotMatch(first.body, /6 months of data/)
      const bad = await partner.post(`/partner/${token}/notes`, { note: '' })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /There is a problem/)
      assert.match(bad.body, /href="#note">Enter a note/)
      const tooLong = await partner.post(`/partner/${token}/notes`, { note: 'y'.repeat(1200) })
      assert.ok(tooLong.body.includes(`>${'y'.repeat(1200)}</textarea>`))
      const sent = await partner.post(`/partner/${token}/notes`, { note: 'Second session booked.' })
      assert.match(sent.body, /Your note has been sent to the care team/)
      assert.doesNotMatch(sent.body, /Second session booked/)
      assert.match(sent.body, /Your service/)
      const staff = await clinicianA.get(`/referrals/${id}`)
      assert.match(staff.body, /Second session booked\./)
      assert.match(staff.body, /Gave a SIM with 6 months of data\./)
      assert.match(staff.body, /The service/)
    })

    test('the letter page: consented contact details from the record, plain needs, a print button, audited', async () => {
      await built.database.db
        .updateTable('patient')
        .set({ phone: '07700 900456', email: 'ada@example.org', address: '1 Analytical Row\nLondon' })
        .where('id', '=', patientA)
        .execute()
      const id = await makeReferral('device-bank', ['contact_details', 'barrier_summary', 'language_needs'])
      const page = await clinicianA.get(`/referrals/${id}/letter`)
      assert.equal(page.statusCode, 200)
      const letter = page.body.slice(page.body.indexOf('<article class="reach-letter-print"'))
      for (const detail of ['Ada Lovelace', '1 Analytical Row', '07700 900456', 'ada@example.org'])
        assert.ok(letter.includes(detail), `${detail} is in the letter`)
      assert.match(letter, /Finds it hard to get a device or to stay connected/)
      assert.doesNotMatch(letter, /access: high|skills: some/)
      assert.match(letter, /What makes getting online hard for them/)
      assert.match(
        page.body,
        /<button class="nhsuk-button nhsuk-button--secondary" type="button" data-print hidden>Print this letter<\/button>/
      )
      assert.match(page.body, /<div class="reach-no-print">/)
      assert.match(page.body, /href="\/static\/referrals.css"/)
      // the print view is the queued letter: the same partner link as the outbox text
      const token = await partnerToken(id)
      assert.ok(letter.includes(`/partner/${token}`))
      const audit = await built.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'referral')
        .where('entity_id', '=', id)
        .where('action', '=', 'view')
        .execute()
      assert.ok(
        audit.some((a) => a.detail.page === 'letter' && a.patient_id === patientA && a.actor_role === 'clinician')
      )
      // the referral page links to it
      assert.match((await clinicianA.get(`/referrals/${id}`)).body, new RegExp(`href="/referrals/${id}/letter"`))
    })

    test('the letter page without consent to contact details: none of them, the patient will get in touch', async () => {
      const id = await makeReferral('device-bank', ['barrier_summary'])
      const page = await clinicianA.get(`/referrals/${id}/letter`)
      assert.equal(page.statusCode, 200)
      const letter = page.body.slice(page.body.indexOf('<article class="reach-letter-print"'))
      for (const detail of ['Lovelace', '1 Analytical Row', '07700 900456', 'ada@example.org'])
        assert.ok(!letter.includes(detail), `${detail} is not in the letter`)
      assert.match(letter, /did not agree to share their contact details: they will contact you themselves/)
      // a referral made before letters kept their content: made again from the record, still as consented
      await built.database.db
        .updateTable('outbox_message')
        .set({ content: null })
        .where('referral_id', '=', id)
        .execute()
      const remade = await clinicianA.get(`/referrals/${id}/letter`)
      assert.equal(remade.statusCode, 200)
      assert.match(remade.body, /This letter was made again from the patient record/)
      const again = remade.body.slice(remade.body.indexOf('<article class="reach-letter-print"'))
      assert.ok(!again.includes('07700 900456') && !again.includes('Lovelace'))
      assert.doesNotMatch(again, /\/partner\//)
      // another organisation: not found
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      assert.equal((await clinicianB.get(`/referrals/${id}/letter`)).statusCode, 404)
    })

    test('staff directory: clinicians view, directory managers add (with errors), retire, all audited', async () => {
      assert.equal((await clinicianA.get('/directory')).statusCode, 200)
      assert.equal((await clinicianA.get('/directory/new')).statusCode, 403)
      const champion = await signedIn(built.app, built.fixture.emailA('champion'))
      await champion.get('/directory/new')
      const bad = await champion.post('/directory/new', {
        name: '',
        organisationName: 'Org',
        description: 'D',
        url: 'nope',
        email: '',
        languages: '',
        eligibility: '',
        minimumAge: '',
        maximumAge: '',
        audience: 'patients',
        verified: 'yes'
      })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Enter the service name/)
      assert.match(bad.body, /href="#barriers"/)
      const good = await champion.post('/directory/new', {
        name: 'Tablet Loans',
        organisationName: 'Library',
        description: 'Loans tablets.',
        url: '',
        email: '',
        barriers: 'access',
        offerTypes: 'device',
        areas: 'Hackney',
        languages: 'tr, pl',
        eligibility: '',
        minimumAge: '',
        maximumAge: '',
        audience: 'patients',
        verified: 'yes'
      })
      assert.equal(good.statusCode, 303)
      const id = decodeURIComponent(String(good.headers.location).split('/').pop()!)
      await champion.get(`/directory/${id}`)
      assert.equal((await champion.post(`/directory/${id}/retire`, {})).statusCode, 303)
      const row = await built.database.db
        .selectFrom('support_service')
        .select(['status', 'languages'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual([row.status, row.languages], ['retired', ['tr', 'pl']])
      const audits = await built.database.db
        .selectFrom('audit_event')
        .select(['action', 'org_id'])
        .where('entity_type', '=', 'support_service')
        .where('entity_id', '=', id)
        .execute()
      assert.deepEqual(audits.map((a) => a.action).sort(), ['create', 'update'])
      assert.ok(audits.every((a) => a.org_id === built.fixture.orgA.id))
      assert.equal((await new InjectSession(built.app).get(`/services/${id}`)).statusCode, 404)
    })
  })
}
