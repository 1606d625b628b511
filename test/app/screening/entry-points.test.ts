// The proof that the four ways a screening arrives store the same thing: the clinician form, self-completion
// by link, a FHIR QuestionnaireResponse and the CSV import all go through recordScreening, so the same answers
// give identical stored rows (with the configured re-screen interval and the patient's team) and one 'create'
// audit row each.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { signedIn, InjectSession } from '../../helpers/browser-session.js'
import { importScreeningCsv } from '../../../src/cli/commands/screening.js'
import { toQuestionnaireResponse } from '../../../src/fhir/questionnaire-response.js'
import { questionItems } from '../../../src/web/routes/screening/question-fields.js'
import { addMonths, toCalendarDate } from '../../../src/domain/screening/index.js'
import { parseJsonColumn } from '../../../src/db/json-column.js'

/** A smartphone user who needs some help, with a proxy, an interpreter and a complete eHEALS. */
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
  'proxy-consent': 'yes',
  'proxy-name': 'Sam Carer',
  'proxy-phone': '07700 900123',
  'communication-needs': ['large-print'],
  'contact-preference': ['sms', 'phone'],
  'eheals-1': 'agree',
  'eheals-2': 'agree',
  'eheals-3': 'undecided',
  'eheals-4': 'disagree',
  'eheals-5': 'agree',
  'eheals-6': 'strongly-agree',
  'eheals-7': 'undecided',
  'eheals-8': 'agree'
}

/**
 * The columns that must not depend on the entry point. Left out by design: `mode` (clinician, self, import)
 * and `entered_by` (the staff member; nobody for self-completion and the CSV import), and the row's own
 * id, timestamps and language.
 */
const compared = [
  'status',
  'answers',
  'assessment',
  'readiness',
  'access_level',
  'skills_level',
  'motivation_level',
  'trust_level',
  'accessibility_level',
  'language_level',
  'support_level',
  'has_high_barrier',
  'has_plan',
  'eheals_score',
  'rescreen_due_on',
  'team_id'
] as const

const RESCREEN_MONTHS = 6

for (const kind of await testDialects()) {
  describe(`one screening, four entry points (${kind})`, () => {
    let built: Built
    let clinician: InjectSession
    let teamId: string
    before(async () => {
      built = await build(kind, { REACH_RESCREEN_MONTHS: String(RESCREEN_MONTHS) })
      clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const team = await built.database.db
        .insertInto('team')
        .values({ org_id: built.fixture.orgA.id, name: 'Community nursing' })
        .returning('id')
        .executeTakeFirstOrThrow()
      teamId = team.id
      // the clinician has no team, so every entry point must fall back to the patient's
      await built.database.db.updateTable('patient').set({ team_id: teamId }).where('id', '=', patient().id).execute()
    })
    after(() => built.close())

    const patient = () => built.fixture.orgA.patients[0]!
    const seen = new Set<string>()
    /** The one screening row stored since the last call. */
    const newRow = async () => {
      const rows = await built.database.db
        .selectFrom('screening')
        .selectAll()
        .where('patient_id', '=', patient().id)
        .execute()
      const fresh = rows.filter((r) => !seen.has(r.id))
      assert.equal(fresh.length, 1, 'exactly one screening stored')
      seen.add(fresh[0]!.id)
      return fresh[0]!
    }
    const stored: Record<string, Awaited<ReturnType<typeof newRow>>> = {}

    test('the clinician form', async () => {
      await clinician.get(`/patients/${patient().id}/screening/new`)
      const res = await clinician.post(`/patients/${patient().id}/screening/new`, answers)
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
      stored.form = await newRow()
      assert.equal(stored.form.mode, 'clinician')
    })

    test('self-completion by link, through every question page', async () => {
      await clinician.get(`/patients/${patient().id}`)
      const invite = await clinician.post(`/patients/${patient().id}/screening/invite`, { language: 'en' })
      assert.equal(invite.statusCode, 200)
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(invite.body)?.[1]
      assert.ok(token)
      const visitor = new InjectSession(built.app)
      const start = await visitor.get(`/s/${token}`)
      let url = /href="(\/s\/[^"]+\/q\/[^"]+)"/.exec(start.body)?.[1] ?? ''
      const asked = new Set<string>()
      for (let steps = 0; url.includes('/q/') && steps < 60; steps++) {
        await visitor.get(url)
        const linkId = url.split('/q/')[1]!
        asked.add(linkId)
        const res = await visitor.post(url, { [linkId]: answers[linkId] ?? '' })
        assert.equal(res.statusCode, 303, `${linkId}: ${res.body.slice(0, 200)}`)
        url = String(res.headers.location)
      }
      assert.ok(url.endsWith('/check'), url)
      assert.deepEqual(
        Object.keys(answers).filter((id) => !asked.has(id)),
        [],
        'every answer was asked'
      )
      await visitor.get(url)
      const done = await visitor.post(`/s/${token}/submit`, {})
      assert.equal(done.statusCode, 200)
      stored.self = await newRow()
      assert.equal(stored.self.mode, 'self')
    })

    test('a FHIR QuestionnaireResponse', async () => {
      const resource = toQuestionnaireResponse({
        id: 'incoming',
        status: 'complete',
        questionnaireVersion: '1.0.0',
        language: 'en',
        screenedAt: new Date(),
        answers,
        nhsNumber: patient().nhsNumber
      })
      const res = await built.app.inject({
        method: 'POST',
        url: '/fhir/QuestionnaireResponse',
        headers: { cookie: clinician.cookieHeader(), 'content-type': 'application/fhir+json' },
        payload: JSON.stringify(resource)
      })
      assert.equal(res.statusCode, 201, res.body)
      stored.fhir = await newRow()
      assert.equal(stored.fhir.mode, 'import')
    })

    test('the CSV import (reach screening import)', async () => {
      const linkIds = questionItems()
        .map(({ item }) => item.linkId)
        .filter((id) => id in answers)
      const cell = (v: string | string[]) => (Array.isArray(v) ? v.join(';') : v)
      const csv = [
        ['nhs_number', 'screened_at', ...linkIds].join(','),
        [patient().nhsNumber, new Date().toISOString(), ...linkIds.map((id) => cell(answers[id]!))].join(',')
      ].join('\n')
      const result = await importScreeningCsv(
        built.database,
        built.fixture.orgA.code,
        csv,
        { dryRun: false },
        built.config
      )
      assert.deepEqual(result, { imported: 1, alreadyImported: 0, problems: [] })
      stored.csv = await newRow()
      assert.equal(stored.csv.mode, 'import')
    })

    test('every entry point stored identical rows, with the configured interval and the patient team', () => {
      const entries = ['form', 'self', 'fhir', 'csv'] as const
      for (const entry of entries) assert.ok(stored[entry], `${entry} stored a row`)
      const pick = (row: (typeof stored)[string]) =>
        Object.fromEntries(
          compared.map((column) => [
            column,
            column === 'answers' || column === 'assessment' ? parseJsonColumn(row[column]) : row[column]
          ])
        )
      const expected = pick(stored.form!)
      for (const entry of entries) assert.deepEqual(pick(stored[entry]!), expected, entry)
      assert.equal(expected.status, 'complete')
      assert.equal(expected.team_id, teamId)
      assert.notEqual(expected.eheals_score, null)
      const today = toCalendarDate(new Date())
      assert.equal(expected.rescreen_due_on, addMonths(today, RESCREEN_MONTHS))
      const assessment = expected.assessment as { rescreen: { intervalMonths: number } }
      assert.equal(assessment.rescreen.intervalMonths, RESCREEN_MONTHS)
      // by design: who entered it and how
      assert.ok(stored.form!.entered_by)
      assert.equal(stored.fhir!.entered_by, stored.form!.entered_by)
      assert.equal(stored.self!.entered_by, null)
      assert.equal(stored.csv!.entered_by, null)
    })

    test("each entry point wrote exactly one 'create' audit row for its screening, of the same shape", async () => {
      const expectedRole = { form: 'clinician', self: 'patient', fhir: 'clinician', csv: 'operator' }
      for (const [entry, row] of Object.entries(stored)) {
        const audits = await built.database.db
          .selectFrom('audit_event')
          .selectAll()
          .where('entity_type', '=', 'screening')
          .where('action', '=', 'create')
          .where('entity_id', '=', row.id)
          .execute()
        assert.equal(audits.length, 1, entry)
        const [audit] = audits
        assert.equal(audit!.patient_id, patient().id, entry)
        assert.equal(audit!.actor_role, expectedRole[entry as keyof typeof expectedRole], entry)
        const detail = parseJsonColumn<Record<string, unknown>>(audit!.detail)
        assert.equal(detail.mode, row.mode, entry)
        assert.equal(detail.status, 'complete', entry)
      }
    })
  })
}
