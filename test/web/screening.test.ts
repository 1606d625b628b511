// Screening in the web app: clinician form, declined path, result and banner, self-completion by token,
// paper entry, FHIR import, identical results in every mode, tenant isolation, audit and CSRF.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, InjectSession } from '../helpers/browser-session.js'
import { assessScreening } from '../../src/domain/screening/index.js'
import { storedAnswers, storedAssessment } from '../../src/db/repositories/screenings.js'

/** One set of answers (a smartphone user who needs some help), used in every mode. */
const answers: Record<string, string | string[]> = {
  participation: 'agreed',
  devices: ['smartphone', 'landline'],
  'device-sharing': 'own',
  internet: ['mobile-data'],
  afford: 'sometimes',
  'skill-connect': 'alone',
  'skill-apps': 'alone',
  'skill-online-forms': 'with-help',
  'skill-video': 'cannot',
  'skill-messages': 'alone',
  motivation: 'lacks-confidence',
  worries: ['scams'],
  difficulties: ['sight'],
  'assistive-tech': 'no',
  'main-language': 'pl',
  'reads-english': 'a-little',
  interpreter: ['spoken'],
  'interpreter-language': 'pl',
  helpers: ['family-friend'],
  'proxy-consent': 'no',
  'communication-needs': ['large-print'],
  'contact-preference': ['sms', 'phone']
}

for (const kind of await testDialects()) {
  describe(`screening (${kind})`, () => {
    let built: Built
    let clinicianA: InjectSession
    before(async () => {
      built = await build(kind)
      clinicianA = await signedIn(built.app, built.fixture.emailA('clinician'))
    })
    after(() => built.close())

    const patientA = () => built.fixture.orgA.patients[0]!
    const rowsFor = (patientId: string) =>
      built.database.db
        .selectFrom('screening')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('created_at')
        .execute()
    const auditCount = async (entityType: string, action: string) =>
      Number(
        (
          await built.database.db
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('entity_type', '=', entityType)
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n
      )

    test('the clinician form is rendered from the Questionnaire: every question, the skills as radios, keyboard-usable controls', async () => {
      const res = await clinicianA.get(`/patients/${patientA().id}/screening/new`)
      assert.equal(res.statusCode, 200)
      for (const linkId of ['participation', 'devices', 'skill-video', 'main-language', 'proxy-phone', 'eheals-8'])
        assert.match(res.body, new RegExp(`name="${linkId}"`))
      assert.match(res.body, /reach-skill-radios/)
      assert.match(res.body, /Patient declined/)
    })

    test('missing answers: error summary with links to the questions, answers kept, nothing saved', async () => {
      const p = patientA()
      await clinicianA.get(`/patients/${p.id}/screening/new`)
      const res = await clinicianA.post(`/patients/${p.id}/screening/new`, {
        participation: 'agreed',
        devices: ['smartphone'],
        afford: 'no'
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<title>Error: /)
      assert.match(res.body, /href="#internet"/)
      assert.match(res.body, /value="no" checked/)
      assert.equal((await rowsFor(p.id)).length, 0)
    })

    test('impossible combinations: a clear message at the question, both answers kept, nothing saved', async () => {
      const p = patientA()
      await clinicianA.get(`/patients/${p.id}/screening/new`)
      const res = await clinicianA.post(`/patients/${p.id}/screening/new`, {
        ...answers,
        devices: ['landline'],
        'contact-preference': ['sms', 'letter']
      })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /href="#contact-preference"/)
      assert.match(res.body, /You chose text message, but not a mobile phone in the devices question/)
      assert.match(res.body, /value="landline" checked/)
      assert.match(res.body, /value="sms" checked/)
      assert.equal((await rowsFor(p.id)).length, 0)
    })

    test('saving stores answers, version, who entered it and mode; recomputing from the stored answers gives the stored assessment', async () => {
      const p = patientA()
      await clinicianA.get(`/patients/${p.id}/screening/new`)
      const res = await clinicianA.post(`/patients/${p.id}/screening/new`, answers)
      assert.equal(res.statusCode, 303)
      const [row] = await rowsFor(p.id)
      assert.ok(row)
      assert.equal(res.headers.location, `/patients/${p.id}/screening/${row.id}`)
      assert.equal(row.mode, 'clinician')
      assert.equal(row.questionnaire_version, '1.0.0')
      assert.equal(row.status, 'complete')
      assert.ok(row.entered_by)
      assert.equal(row.readiness, 'online_with_support')
      assert.equal(row.rescreen_due_on !== null, true)
      const recomputed = assessScreening(storedAnswers(row), { now: row.screened_at })
      assert.deepEqual(JSON.parse(JSON.stringify(recomputed)), storedAssessment(row))
      const page = await clinicianA.get(String(res.headers.location))
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Operational triage, not a validated clinical score/i)
      assert.match(page.body, /Barrier profile/)
    })

    test('the result shows where the record differs; staff confirm and the record follows (nothing changes before)', async () => {
      const p = patientA()
      await built.database.db
        .updateTable('patient')
        .set({ main_language: 'en', interpreter_needed: false, communication_needs: [] })
        .where('id', '=', p.id)
        .execute()
      await clinicianA.get(`/patients/${p.id}/screening/new`)
      const saved = await clinicianA.post(`/patients/${p.id}/screening/new`, answers)
      const resultUrl = String(saved.headers.location)
      const result = await clinicianA.get(resultUrl)
      assert.match(result.body, /The patient record is different/)
      assert.match(result.body, /Main language: English on the record, Polish in the screening/)
      assert.match(result.body, /Communication needs to add: Large print/)
      const record = await clinicianA.get(`/patients/${p.id}`)
      assert.match(record.body, /Record differs/)
      const unchanged = await built.database.db
        .selectFrom('patient')
        .selectAll()
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow()
      assert.equal(unchanged.main_language, 'en')

      await clinicianA.get(resultUrl)
      const applied = await clinicianA.post(`${resultUrl}/apply-to-record`, {})
      assert.equal(applied.statusCode, 303)
      const updated = await built.database.db
        .selectFrom('patient')
        .selectAll()
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        [updated.main_language, updated.interpreter_needed, updated.communication_needs],
        ['pl', true, ['large_print']]
      )
      assert.doesNotMatch((await clinicianA.get(resultUrl)).body, /The patient record is different/)
      assert.doesNotMatch((await clinicianA.get(`/patients/${p.id}`)).body, /Record differs/)
      // The plan now reads the record: a letter in Polish, large print; the phone with a Polish interpreter.
      assert.match((await clinicianA.get(resultUrl)).body, /Phone call with a Polish interpreter/)
    })

    test('an analyst cannot update a record from a screening', async () => {
      const analyst = await signedIn(built.app, built.fixture.emailA('analyst'))
      const [row] = await rowsFor(patientA().id)
      await analyst.get('/home')
      const res = await analyst.post(`/patients/${patientA().id}/screening/${row!.id}/apply-to-record`, {})
      assert.equal(res.statusCode, 403)
    })

    test('the plan banner shows on the patient record and in search results, with a referrals link', async () => {
      const p = patientA()
      const show = await clinicianA.get(`/patients/${p.id}`)
      assert.match(show.body, /reach-plan-banner/)
      assert.match(show.body, /How to contact:/)
      assert.match(show.body, /Screened \d+ \w+ \d{4}/)
      assert.match(show.body, new RegExp(`href="/patients/${p.id}/referrals"`))
      await clinicianA.get('/patients')
      const search = await clinicianA.post('/patients/search', { searchBy: 'nhs-number', nhsNumber: p.nhsNumber })
      assert.match(search.body, /How to contact/)
      assert.match(search.body, /Use: /)
    })

    test('"save as incomplete" stores a partial screening, never scored as no barriers; participation is still required', async () => {
      const p = built.fixture.orgA.patients[0]!
      const before = (await rowsFor(p.id)).length
      await clinicianA.get(`/patients/${p.id}/screening/new?mode=paper`)
      const partly = { participation: 'agreed', devices: ['smartphone'], internet: ['mobile-data'] }
      const paperDate = { 'screenedOn[day]': '1', 'screenedOn[month]': '12', 'screenedOn[year]': '2026' }
      const refused = await clinicianA.post(`/patients/${p.id}/screening/new?mode=paper`, {
        ...partly,
        ...paperDate,
        action: 'save'
      })
      assert.match(refused.body, /nhsuk-error-summary/)
      const noParticipation = await clinicianA.post(`/patients/${p.id}/screening/new?mode=paper`, {
        devices: ['smartphone'],
        ...paperDate,
        action: 'incomplete'
      })
      assert.match(noParticipation.body, /nhsuk-error-summary/)
      assert.equal((await rowsFor(p.id)).length, before, 'nothing saved')
      const saved = await clinicianA.post(`/patients/${p.id}/screening/new?mode=paper`, {
        ...partly,
        ...paperDate,
        action: 'incomplete'
      })
      assert.equal(saved.statusCode, 303)
      const rows = await rowsFor(p.id)
      const row = rows[rows.length - 1]!
      assert.equal(row.status, 'partial')
      assert.equal(row.mode, 'paper')
      assert.equal(row.readiness, 'incomplete')
      assert.equal(row.skills_level, 'unknown')
      const result = await clinicianA.get(String(saved.headers.location))
      assert.match(result.body, /Some questions were not answered/)
    })

    test('the printed paper form numbers the questions, says when to skip, marks single answers as circles and says how to return it', async () => {
      const p = patientA()
      const paper = await clinicianA.get(`/patients/${p.id}/screening/paper?lang=en`)
      assert.equal(paper.statusCode, 200)
      assert.match(paper.body, /Question 1\. Can we ask you/)
      assert.match(paper.body, /If you ticked No, you do not need to answer any more questions/)
      assert.match(paper.body, /Answer only if you ticked a smartphone, tablet or computer at question 2\./)
      assert.match(paper.body, /Answer only if your main language at question \d+ is not English/)
      assert.match(paper.body, /class="reach-circle"/)
      assert.match(paper.body, /\(choose one\)/)
      assert.match(paper.body, /When you have finished/)
      const arabic = await clinicianA.get(`/patients/${p.id}/screening/paper?lang=ar`)
      assert.match(arabic.body, /السؤال 1\./)
    })

    test('the form shows only the questions that apply; without JavaScript "Show the questions that apply" re-renders; stable answers pre-filled, paper entry never', async () => {
      const p = built.fixture.orgB.patients[0]!
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      await built.database.db
        .updateTable('patient')
        .set({ main_language: 'tr', interpreter_needed: true, communication_needs: ['large_print'] })
        .where('id', '=', p.id)
        .execute()
      const blank = await clinicianB.get(`/patients/${p.id}/screening/new`)
      const hiddenBlock = (body: string, linkId: string) =>
        new RegExp(
          `class="reach-question" data-when="[^"]*"\\s*hidden>\\s*<div class="nhsuk-form-group[^"]*">\\s*<fieldset[^>]*aria-describedby="${linkId}-`
        ).test(body)
      assert.ok(hiddenBlock(blank.body, 'afford'), 'afford is hidden before devices are answered')
      assert.match(blank.body, /Show the questions that apply/)
      assert.match(blank.body, /Some answers are filled in from the patient record/)
      assert.match(blank.body, /value="tr" selected/)
      const refreshed = await clinicianB.post(`/patients/${p.id}/screening/new`, {
        participation: 'agreed',
        devices: ['smartphone'],
        action: 'refresh'
      })
      assert.equal(refreshed.statusCode, 200)
      assert.ok(!hiddenBlock(refreshed.body, 'afford'), 'afford shows once a smartphone is ticked')
      assert.doesNotMatch(refreshed.body, /nhsuk-error-summary/)
      assert.equal((await rowsFor(p.id)).length, 0, 'refreshing saves nothing')
      const paper = await clinicianB.get(`/patients/${p.id}/screening/new?mode=paper`)
      assert.doesNotMatch(paper.body, /Some answers are filled in/)
    })

    test('declined is recorded as declined, never as included', async () => {
      const p = built.fixture.orgA.patients[1]!
      await clinicianA.get(`/patients/${p.id}/screening/new`)
      const res = await clinicianA.post(`/patients/${p.id}/screening/new`, {
        action: 'declined',
        devices: ['smartphone']
      })
      assert.equal(res.statusCode, 303)
      const [row] = await rowsFor(p.id)
      assert.equal(row!.status, 'declined')
      assert.equal(row!.readiness, 'declined')
      assert.equal(row!.has_plan, false)
      assert.deepEqual(storedAnswers(row!), { participation: 'declined' })
      const show = await clinicianA.get(`/patients/${p.id}`)
      assert.match(show.body, /Declined digital inclusion screening/)
    })

    test('each mode stores identical results for the same answers (clinician, paper, self, FHIR import)', async () => {
      const p = built.fixture.orgA.patients[2]!
      // paper
      await clinicianA.get(`/patients/${p.id}/screening/new?mode=paper`)
      const paper = await clinicianA.post(`/patients/${p.id}/screening/new?mode=paper`, {
        ...answers,
        'screenedOn[day]': '2',
        'screenedOn[month]': '3',
        'screenedOn[year]': '2026'
      })
      assert.equal(paper.statusCode, 303)
      // self, through every question page
      await clinicianA.get(`/patients/${p.id}`)
      const invite = await clinicianA.post(`/patients/${p.id}/screening/invite`, { language: 'ar' })
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(invite.body)![1]!
      const code = /([A-Z2-9]{4} [A-Z2-9]{4})/.exec(invite.body)![1]!
      assert.ok(code)
      const stored = await built.database.db
        .selectFrom('screening_invite')
        .select(['token_hash'])
        .where('patient_id', '=', p.id)
        .executeTakeFirstOrThrow()
      assert.notEqual(stored.token_hash, token)
      assert.equal(stored.token_hash.length, 64)
      const patient = new InjectSession(built.app)
      const start = await patient.get(`/s/${token}`)
      assert.equal(start.statusCode, 200)
      assert.doesNotMatch(start.body, new RegExp(p.familyName))
      assert.doesNotMatch(start.body, /nhsuk-frontend/)
      let url = /href="(\/s\/[^"]+\/q\/[^"]+)"/.exec(start.body)![1]!
      let steps = 0
      while (!url.endsWith('/check') && steps++ < 40) {
        const page = await patient.get(url)
        assert.equal(page.statusCode, 200, url)
        assert.match(page.body, /(السؤال|سؤال اختياري) \d+ من \d+/)
        const linkId = url.split('/q/')[1]!
        const res = await patient.post(url, { [linkId]: answers[linkId] ?? '' })
        assert.equal(res.statusCode, 303, `${linkId}: ${res.body.slice(0, 200)}`)
        url = String(res.headers.location)
      }
      const draft = await built.database.db
        .selectFrom('screening_invite')
        .select(['draft_answers'])
        .where('patient_id', '=', p.id)
        .executeTakeFirstOrThrow()
      assert.ok(Object.keys(draft.draft_answers as object).length > 10, 'answers saved on each page')
      await patient.get(url)
      const done = await patient.post(`/s/${token}/submit`, {})
      assert.equal(done.statusCode, 200)
      const again = await patient.get(`/s/${token}`)
      assert.equal(again.statusCode, 410)
      assert.match(again.body, /lang="ar" dir="rtl"/)
      // FHIR import
      const qr = (
        await clinicianA.get(`/patients/${patientA().id}/screening/${(await rowsFor(patientA().id))[0]!.id}/fhir`)
      ).json() as Record<string, unknown>
      const imported = await built.app.inject({
        method: 'POST',
        url: '/fhir/QuestionnaireResponse',
        headers: { cookie: clinicianA.cookieHeader(), 'content-type': 'application/fhir+json' },
        payload: JSON.stringify({
          ...qr,
          subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber } }
        })
      })
      assert.equal(imported.statusCode, 201, imported.body)
      const rows = await rowsFor(p.id)
      assert.deepEqual(rows.map((r) => r.mode).sort(), ['import', 'paper', 'self'])
      const clinicianRow = (await rowsFor(patientA().id))[0]!
      const strip = (a: ReturnType<typeof storedAssessment>) => ({ ...a, rescreen: null })
      for (const r of rows) {
        assert.deepEqual(strip(storedAssessment(r)), strip(storedAssessment(clinicianRow)), r.mode)
        assert.equal(r.readiness, clinicianRow.readiness)
      }
      assert.equal(rows.find((r) => r.mode === 'paper')!.rescreen_due_on, '2027-03-02')
    })

    test('patient pages name the organisation, give its number to check the link is genuine and a privacy notice; "Continue" when resuming', async () => {
      const p = built.fixture.orgA.patients[2]!
      await built.database.db
        .updateTable('organisation')
        .set({ contact_phone: '020 7946 0123' })
        .where('id', '=', built.fixture.orgA.id)
        .execute()
      await clinicianA.get(`/patients/${p.id}`)
      const invite = await clinicianA.post(`/patients/${p.id}/screening/invite`, { language: 'en' })
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(invite.body)![1]!
      const patient = new InjectSession(built.app)
      const start = await patient.get(`/s/${token}`)
      const orgName = (
        await built.database.db
          .selectFrom('organisation')
          .select('name')
          .where('id', '=', built.fixture.orgA.id)
          .executeTakeFirstOrThrow()
      ).name
      assert.ok(start.body.includes(`From ${orgName}`))
      assert.match(
        start.body,
        /To check this really comes from .*, call <bdi dir="ltr"><a href="tel:02079460123">020 7946 0123<\/a><\/bdi>/
      )
      assert.match(start.body, /We will never ask for your bank details or passwords/)
      assert.match(start.body, /Privacy: your answers go to/)
      assert.match(start.body, />Start now</)
      const first = /href="(\/s\/[^"]+\/q\/[^"]+)"/.exec(start.body)![1]!
      await patient.get(first)
      await patient.post(first, { participation: 'agreed' })
      const resumed = await patient.get(`/s/${token}`)
      assert.match(resumed.body, />Continue</)
      assert.match(resumed.body, /href="\/s\/[^"]+\/q\/devices"/)
    })

    test('unknown or tampered tokens and codes get a 404 page that reveals nothing', async () => {
      const visitor = new InjectSession(built.app)
      assert.equal((await visitor.get(`/s/${'A'.repeat(43)}`)).statusCode, 404)
      assert.equal((await visitor.get('/s/not-a-token')).statusCode, 404)
      await visitor.get('/s')
      const wrong = await visitor.post('/s', { code: 'ZZZZ ZZZZ' })
      assert.equal(wrong.statusCode, 200)
      assert.match(wrong.body, /We cannot find this code/)
    })

    test('tenant isolation: organisation B cannot see, screen or invite for organisation A patients', async () => {
      const clinicianB = await signedIn(built.app, built.fixture.emailB('clinician'))
      const p = patientA()
      const [row] = await rowsFor(p.id)
      assert.equal((await clinicianB.get(`/patients/${p.id}/screening/new`)).statusCode, 404)
      assert.equal((await clinicianB.get(`/patients/${p.id}/screening/${row!.id}`)).statusCode, 404)
      assert.equal((await clinicianB.get(`/patients/${p.id}/screening/${row!.id}/fhir`)).statusCode, 404)
      await clinicianB.get('/patients')
      assert.equal((await clinicianB.post(`/patients/${p.id}/screening/new`, answers)).statusCode, 404)
      await clinicianB.get('/patients')
      assert.equal((await clinicianB.post(`/patients/${p.id}/screening/invite`, { language: 'en' })).statusCode, 404)
      const bSees = await built.database.db
        .selectFrom('screening')
        .select('id')
        .where('org_id', '=', built.fixture.orgB.id)
        .execute()
      assert.equal(bSees.length, 0)
    })

    test('views and exports are audited; posts without a CSRF token are refused', async () => {
      const before = await auditCount('screening', 'view')
      const p = patientA()
      const [row] = await rowsFor(p.id)
      await clinicianA.get(`/patients/${p.id}/screening/${row!.id}`)
      await clinicianA.get(`/patients/${p.id}/screening/${row!.id}/handout?lang=ar`)
      assert.equal(await auditCount('screening', 'view'), before + 2)
      assert.ok((await auditCount('screening', 'export')) >= 1)
      const res = await clinicianA.post(`/patients/${p.id}/screening/new`, answers, { csrf: null })
      assert.equal(res.statusCode, 403)
    })

    test('a receptionist may screen; an analyst may not', async () => {
      const analyst = await signedIn(built.app, built.fixture.emailA('analyst'))
      assert.equal((await analyst.get(`/patients/${patientA().id}/screening/new`)).statusCode, 403)
      const receptionist = await signedIn(built.app, built.fixture.emailA('receptionist'))
      assert.equal((await receptionist.get(`/patients/${patientA().id}/screening/new`)).statusCode, 200)
    })

    test('handout in Arabic is right-to-left, shows the support empty state and the English source for an unreviewed translation', async () => {
      const p = patientA()
      const [row] = await rowsFor(p.id)
      const res = await clinicianA.get(`/patients/${p.id}/screening/${row!.id}/handout?lang=ar`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /lang="ar" dir="rtl"/)
      assert.match(res.body, /سيخبرك فريق الرعاية/)
      assert.match(res.body, /Your care team will tell you about local help to get online/)
      const paper = await clinicianA.get(`/patients/${p.id}/screening/paper?lang=ar&large=1`)
      assert.equal(paper.statusCode, 200)
      assert.match(paper.body, /reach-large-print/)
      assert.equal((await clinicianA.get('/screening/paper')).statusCode, 200)
    })

    test('the Questionnaire is public FHIR JSON', async () => {
      const res = await built.app.inject({ method: 'GET', url: '/fhir/Questionnaire/digital-inclusion-screen' })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /application\/fhir\+json/)
      assert.equal(res.json().resourceType, 'Questionnaire')
    })

    test('FHIR import reports field errors by linkId path', async () => {
      const res = await built.app.inject({
        method: 'POST',
        url: '/fhir/QuestionnaireResponse',
        headers: { cookie: clinicianA.cookieHeader(), 'content-type': 'application/fhir+json' },
        payload: JSON.stringify({
          resourceType: 'QuestionnaireResponse',
          questionnaire: 'https://reach.example/fhir/Questionnaire/digital-inclusion-screen|1.0.0',
          status: 'completed',
          authored: '2026-01-02T10:00:00Z',
          subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: patientA().nhsNumber } },
          item: [{ linkId: 'nope', answer: [{ valueString: 'x' }] }]
        })
      })
      assert.equal(res.statusCode, 422)
      assert.equal(res.json().issue[0].expression[0], 'item[0](linkId=nope)')
      const list = await clinicianA.get(`/fhir/QuestionnaireResponse?patient=${patientA().id}`)
      assert.equal(list.json().resourceType, 'Bundle')
    })
  })
}
