// Patients: search, audited views, add and change with validation, and tenant isolation.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, type InjectSession } from '../helpers/browser-session.js'
import { formatNhsNumber } from '../../src/domain/shared/nhs-number.js'

const validNew = {
  nhsNumber: '999 000 0034',
  givenName: 'Nadia',
  familyName: 'Newcomer',
  'dateOfBirth[day]': '3',
  'dateOfBirth[month]': '4',
  'dateOfBirth[year]': '1948',
  postcode: 'e8 1dy',
  sex: '2',
  ethnicCategory: 'N',
  mainLanguage: 'so',
  interpreterNeeded: 'yes',
  disability: 'limited_a_lot',
  communicationNeeds: ['large_print', 'verbal']
}

for (const kind of await testDialects()) {
  describe(`patients (${kind})`, () => {
    let built: Built
    let clinicianA: InjectSession
    before(async () => {
      built = await build(kind)
      clinicianA = await signedIn(built.app, built.fixture.emailA('clinician'))
    })
    after(() => built.close())

    const auditCount = async (action: string, patientId?: string) => {
      let q = built.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', action)
      if (patientId) q = q.where('patient_id', '=', patientId)
      return Number((await q.executeTakeFirstOrThrow()).n)
    }

    test('search by NHS number, with spaces, finds the patient; the search is audited without the number', async () => {
      const p = built.fixture.orgA.patients[0]!
      await clinicianA.get('/patients')
      const res = await clinicianA.post('/patients/search', {
        searchBy: 'nhs-number',
        nhsNumber: formatNhsNumber(p.nhsNumber)
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /1 patient found/)
      assert.match(res.body, new RegExp(`href="/patients/${p.id}"`))
      const rows = await built.database.db
        .selectFrom('audit_event')
        .select(['detail'])
        .where('action', '=', 'search')
        .execute()
      assert.ok(rows.length >= 1)
      assert.doesNotMatch(JSON.stringify(rows), new RegExp(p.nhsNumber))
    })

    test('search by name and date of birth', async () => {
      await clinicianA.get('/patients')
      const res = await clinicianA.post('/patients/search', {
        searchBy: 'name-dob',
        familyName: 'hopper',
        givenName: '',
        'dateOfBirth[day]': '9',
        'dateOfBirth[month]': '12',
        'dateOfBirth[year]': '1936'
      })
      assert.match(res.body, /1 patient found/)
      assert.match(res.body, /HOPPER, Grace/)
    })

    test('search mistakes re-render with a summary and keep what was typed', async () => {
      await clinicianA.get('/patients')
      const res = await clinicianA.post('/patients/search', { searchBy: 'nhs-number', nhsNumber: '123 456 7890' })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /There is a problem/)
      assert.match(res.body, /Enter a valid NHS number/)
      assert.match(res.body, /value="123 456 7890"/)
      await clinicianA.get('/patients')
      const dob = await clinicianA.post('/patients/search', {
        searchBy: 'name-dob',
        familyName: 'Hopper',
        givenName: '',
        'dateOfBirth[day]': '31',
        'dateOfBirth[month]': '2',
        'dateOfBirth[year]': '1936'
      })
      assert.match(dob.body, /href="#dateOfBirth-day"/)
      assert.match(dob.body, /must be a real date/)
    })

    test('viewing a patient is audited', async () => {
      const p = built.fixture.orgA.patients[1]!
      const before = await auditCount('view', p.id)
      const res = await clinicianA.get(`/patients/${p.id}`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /HOPPER, Grace/)
      assert.match(res.body, new RegExp(formatNhsNumber(p.nhsNumber)))
      assert.equal(await auditCount('view', p.id), before + 1)
    })

    test('adding a patient: empty form shows every error, keeps input, status 200', async () => {
      await clinicianA.get('/patients/new')
      const res = await clinicianA.post('/patients/new', { givenName: 'Kept Value', postcode: 'not a postcode' })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<title>Error: Add a patient/)
      for (const text of [
        'Enter an NHS number',
        'Enter a family name',
        'Enter date of birth',
        'Enter a real postcode',
        'Select sex or gender',
        'Select yes if they need an interpreter'
      ]) {
        assert.match(res.body, new RegExp(text))
      }
      assert.match(res.body, /value="Kept Value"/)
      assert.match(res.body, /value="not a postcode"/)
    })

    test('adding a valid patient saves, audits and redirects (303) to the record', async () => {
      await clinicianA.get('/patients/new')
      const res = await clinicianA.post('/patients/new', validNew)
      assert.equal(res.statusCode, 303)
      const location = String(res.headers.location)
      assert.match(location, /^\/patients\/[0-9a-f-]{36}$/)
      const page = await clinicianA.get(location)
      assert.match(page.body, /Patient added/)
      assert.match(page.body, /NEWCOMER, Nadia/)
      assert.match(page.body, /999 000 0034/)
      assert.match(page.body, /E8 1DY/)
      assert.match(page.body, /Large print/)
      const created = location.split('/').pop()!
      assert.equal(await auditCount('create', created), 1)
      // the same NHS number twice in one organisation is refused with a clear message
      await clinicianA.get('/patients/new')
      const again = await clinicianA.post('/patients/new', validNew)
      assert.equal(again.statusCode, 200)
      assert.match(again.body, /already registered/)
    })

    test('changing a patient saves and is audited', async () => {
      const p = built.fixture.orgA.patients[2]!
      await clinicianA.get(`/patients/${p.id}/edit`)
      const res = await clinicianA.post(`/patients/${p.id}/edit`, {
        ...validNew,
        nhsNumber: p.nhsNumber,
        givenName: 'Alan M',
        familyName: 'Turing'
      })
      assert.equal(res.statusCode, 303)
      assert.equal(await auditCount('update', p.id), 1)
      assert.match((await clinicianA.get(`/patients/${p.id}`)).body, /TURING, Alan M/)
    })

    test("tenant isolation: organisation A cannot read or change B's patient by any route", async () => {
      const bPatient = built.fixture.orgB.patients[0]!
      assert.equal((await clinicianA.get(`/patients/${bPatient.id}`)).statusCode, 404)
      assert.equal((await clinicianA.get(`/patients/${bPatient.id}/edit`)).statusCode, 404)
      await clinicianA.get('/patients/new')
      const post = await clinicianA.post(`/patients/${bPatient.id}/edit`, {
        ...validNew,
        nhsNumber: bPatient.nhsNumber,
        givenName: 'Hacked'
      })
      assert.equal(post.statusCode, 404)
      await clinicianA.get('/patients')
      const search = await clinicianA.post('/patients/search', {
        searchBy: 'nhs-number',
        nhsNumber: bPatient.nhsNumber
      })
      assert.match(search.body, /0 patients found/)
      const row = await built.database.db
        .selectFrom('patient')
        .select('given_name')
        .where('id', '=', bPatient.id)
        .executeTakeFirstOrThrow()
      assert.equal(row.given_name, 'Mary')
      // guessed and malformed ids get the same 404
      for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', '1%27%20or%201%3D1']) {
        assert.equal((await clinicianA.get(`/patients/${id}`)).statusCode, 404)
      }
      // and B's clinician can read it
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      assert.equal((await clinicianB.get(`/patients/${bPatient.id}`)).statusCode, 200)
    })
  })
}

for (const kind of await testDialects()) {
  describe(`patients due for re-screening (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    test('lists patients whose latest screening is due, most overdue first, and audits the list', async () => {
      const { recordScreening } = await import('../../src/app/screening/record-screening.js')
      const { operatorActor } = await import('../../src/app/actor.js')
      const [p0, p1, p2] = built.fixture.orgA.patients
      const answers = { participation: 'declined' }
      await built.database.db.transaction().execute(async (trx) => {
        // p0: screened 13 months ago (due); p1: screened 13 months ago then again last month (not due); p2: never
        const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)
        for (const [patient, when] of [
          [p0!, daysAgo(400)],
          [p1!, daysAgo(400)],
          [p1!, daysAgo(30)]
        ] as const) {
          await recordScreening(
            trx,
            operatorActor(built.fixture.orgA.id),
            { patient: { id: patient.id }, mode: 'clinician', language: 'en', answers, screenedAt: when },
            { rescreenMonths: 12 }
          )
        }
      })
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const res = await clinician.get('/patients/rescreen-due')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /1 patient due/)
      assert.match(res.body, new RegExp(`href="/patients/${p0!.id}"`))
      assert.doesNotMatch(res.body, new RegExp(`href="/patients/${p1!.id}"`))
      assert.doesNotMatch(res.body, new RegExp(`href="/patients/${p2!.id}"`))
      // another organisation's list is empty
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      assert.match((await clinicianB.get('/patients/rescreen-due')).body, /No patient is due/)
    })

    test('contact details and the person who helps: saved, shown, and every missing part of the helper is a field error', async () => {
      const clinicianA = await signedIn(built.app, built.fixture.emailA('clinician'))
      await clinicianA.get('/patients/new')
      const partial = await clinicianA.post('/patients/new', {
        ...validNew,
        nhsNumber: '943 476 5919',
        phone: 'ring me',
        helperName: 'Grace Okafor',
        helperAuthority: 'best_interests'
      })
      assert.equal(partial.statusCode, 200)
      for (const message of [
        'Enter a phone number, like 020 7946 0123',
        'Enter how they know the patient',
        'Enter a phone number for the person who helps',
        'Enter the date it was agreed',
        'Enter the capacity assessment and best interests decision this rests on'
      ])
        assert.match(partial.body, new RegExp(message))
      assert.match(partial.body, /href="#helperAgreedOn-day"/)
      assert.match(partial.body, /value="Grace Okafor"/)
      assert.match(partial.body, /value="best_interests" checked/)

      const future = await clinicianA.post('/patients/new', {
        ...validNew,
        nhsNumber: '943 476 5919',
        helperName: 'Grace Okafor',
        helperRelationship: 'paid carer',
        helperPhone: '07700 900222',
        helperAuthority: 'patient',
        'helperAgreedOn[day]': '1',
        'helperAgreedOn[month]': '1',
        'helperAgreedOn[year]': '2999'
      })
      assert.match(future.body, /Date agreed must be today or in the past/)

      const saved = await clinicianA.post('/patients/new', {
        ...validNew,
        nhsNumber: '943 476 5919',
        phone: '07700  900123',
        contactPreferences: ['phone', 'letter'],
        email: 'nadia@example.com',
        address: '1 Mare Street\nLondon',
        helperName: 'Grace Okafor',
        helperRelationship: 'paid carer',
        helperPhone: '07700 900222',
        helperAuthority: 'lpa_health',
        'helperAgreedOn[day]': '20',
        'helperAgreedOn[month]': '11',
        'helperAgreedOn[year]': '2026',
        helperCapacityNote: 'Attorney decides about appointments.'
      })
      assert.equal(saved.statusCode, 303)
      const id = String(saved.headers.location).split('/').pop()!
      const row = await built.database.db
        .selectFrom('patient')
        .select(['phone', 'email', 'address', 'helper', 'contact_preferences'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.phone, '07700 900123')
      assert.equal(row.email, 'nadia@example.com')
      assert.deepEqual(row.contact_preferences, ['letter', 'phone'])
      assert.deepEqual(row.helper, {
        name: 'Grace Okafor',
        relationship: 'paid carer',
        phone: '07700 900222',
        authority: 'lpa_health',
        agreedOn: '2026-11-20',
        capacityNote: 'Attorney decides about appointments.'
      })
      const show = (await clinicianA.get(`/patients/${id}`)).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
      assert.match(
        show,
        /Person who helps with contact Grace Okafor \(paid carer\), 07700 900222\. Lasting power of attorney for health and welfare, recorded on 20 November 2026\. Capacity note: Attorney decides about appointments\./
      )
      assert.match(show, /How they like to be contacted Letter, Phone call/)
      const edit = await clinicianA.get(`/patients/${id}/edit`)
      assert.match(edit.body, /name="helperAgreedOn\[day\]"[^>]*value="20"/)
    })
  })
}
