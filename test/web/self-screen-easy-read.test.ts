// Easy Read self-completion and handout: pictures (alt="") with the symbol credit, Easy Read wording, no eHEALS
// items (stored as not asked, never as a score), a progress count that never jumps, and the Easy Read handout.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, InjectSession } from '../helpers/browser-session.js'
import { assessScreening } from '../../src/domain/screening/index.js'
import { storedAssessment } from '../../src/db/repositories/screenings.js'
import { createViewEnvironment } from '../../src/web/plugins/views.js'
import { translate } from '../../src/web/i18n.js'
import { easyReadKey } from '../../src/web/routes/screening/easy-read.js'

/** A smartphone user who can get online, so the standard version would ask the eHEALS items. */
const online: Record<string, string | string[]> = {
  participation: 'agreed',
  devices: ['smartphone'],
  'device-sharing': 'own',
  internet: ['mobile-data'],
  afford: 'yes',
  'skill-connect': 'alone',
  'skill-apps': 'alone',
  'skill-online-forms': 'with-help',
  'skill-video': 'alone',
  'skill-messages': 'alone',
  motivation: 'happy',
  worries: ['none'],
  difficulties: ['none'],
  'main-language': 'en',
  interpreter: ['no'],
  helpers: ['none'],
  'communication-needs': ['easy-read'],
  'contact-preference': ['sms', 'phone']
}

/** No phone, tablet or computer: most follow-up questions are skipped. */
const noDevice: Record<string, string | string[]> = {
  participation: 'agreed',
  devices: ['landline'],
  motivation: 'prefers-not',
  worries: ['scams'],
  difficulties: ['sight'],
  'assistive-tech': 'yes',
  'main-language': 'en',
  interpreter: ['no'],
  helpers: ['family-friend'],
  'proxy-consent': 'yes',
  'proxy-name': 'Sam Jones',
  'proxy-phone': '07700 900123',
  'communication-needs': ['large-print'],
  'contact-preference': ['letter', 'phone']
}

const progressOf = (html: string) => {
  const m = /<p class="progress">([^<]+)<\/p>/.exec(html)
  return m ? m[1]! : ''
}

for (const kind of await testDialects()) {
  describe(`Easy Read (${kind})`, () => {
    let built: Built
    before(async () => {
      built = await build(kind)
    })
    after(() => built.close())

    /** The screening sent from the invitation with this token (found through the invitation). */
    async function screeningOf(patientId: string) {
      const invite = await built.database.db
        .selectFrom('screening_invite')
        .select('screening_id')
        .where('patient_id', '=', patientId)
        .where('screening_id', 'is not', null)
        .orderBy('used_at', 'desc')
        .executeTakeFirstOrThrow()
      return built.database.db
        .selectFrom('screening')
        .selectAll()
        .where('id', '=', invite.screening_id!)
        .executeTakeFirstOrThrow()
    }
    let easyScreening: { patientId: string; id: string } | null = null

    async function invite(patientIndex: number, language: string, easyRead: boolean) {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      const p = built.fixture.orgA.patients[patientIndex % 3]!
      await clinician.get(`/patients/${p.id}`)
      const res = await clinician.post(`/patients/${p.id}/screening/invite`, {
        language,
        ...(easyRead ? { easyRead: 'yes' } : {})
      })
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(res.body)![1]!
      return { clinician, patient: p, token }
    }

    /** Walks the pages with these answers; returns every question page visited with its progress line. */
    async function walk(token: string, answers: Record<string, string | string[]>) {
      const patient = new InjectSession(built.app)
      const start = await patient.get(`/s/${token}`)
      let url = /href="(\/s\/[^"]+\/q\/[^"]+)"/.exec(start.body)![1]!
      const pages: { linkId: string; progress: string; body: string }[] = []
      while (!url.endsWith('/check') && pages.length < 40) {
        const page = await patient.get(url)
        assert.equal(page.statusCode, 200, url)
        const linkId = url.split('/q/')[1]!.split('?')[0]!
        pages.push({ linkId, progress: progressOf(page.body), body: page.body })
        const res = await patient.post(url, { [linkId]: answers[linkId] ?? '' })
        assert.equal(res.statusCode, 303, `${linkId}: ${res.body.slice(0, 300)}`)
        url = String(res.headers.location)
      }
      return { patient, start, pages }
    }

    test('Easy Read pages have a picture for every question (alt=""), Easy Read words and the symbol credit', async () => {
      const { token } = await invite(3, 'en', true)
      const { start, pages } = await walk(token, online)
      assert.match(start.body, /<img class="sym" src="\/static\/symbols\/ask\.svg" alt="" width="64" height="64">/)
      assert.match(start.body, /Some questions are not about you\. We skip them\./)
      assert.match(
        start.body,
        /Pictures: <bdi dir="ltr" lang="en"><a href="https:\/\/mulberrysymbols\.org">Mulberry Symbols<\/a> © Steve Lee, <a href="https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/">CC BY-SA 4\.0<\/a>/
      )
      assert.match(start.body, />Standard version</)
      for (const page of pages) {
        assert.match(
          page.body,
          /<h1 class="ez-h"><img class="sym" src="\/static\/symbols\/[a-z-]+\.svg" alt=""/,
          page.linkId
        )
        assert.match(page.body, /mulberrysymbols\.org/, page.linkId)
        assert.doesNotMatch(page.body, /Select all that apply/, page.linkId)
        // every picture is decorative: no alt text anywhere
        for (const img of page.body.match(/<img [^>]+>/g) ?? []) assert.match(img, / alt=""/, `${page.linkId}: ${img}`)
      }
      const devices = pages.find((p) => p.linkId === 'devices')!.body
      assert.match(devices, /You can choose more than one\./)
      assert.match(
        devices,
        /<img class="sym sym-s" src="\/static\/symbols\/smartphone\.svg" alt="" width="48" height="48"><span>Smartphone<\/span>/
      )
      assert.match(devices, /<span>Tablet<\/span>/)
      assert.match(pages.find((p) => p.linkId === 'interpreter')!.body, /An interpreter tells you what people say/)
      // the symbols are served like the other static files
      const svg = await built.app.inject({ method: 'GET', url: '/static/symbols/smartphone.svg' })
      assert.equal(svg.statusCode, 200)
      assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/)
    })

    test('Easy Read never asks the eHEALS items; the stored result says they were not asked, not a low score', async () => {
      const { token, patient: p } = await invite(3, 'en', true)
      const { patient, pages } = await walk(token, online)
      assert.ok(!pages.some((page) => page.linkId.startsWith('eheals')), pages.map((page) => page.linkId).join())
      assert.equal((await patient.get(`/s/${token}/q/eheals-1`)).statusCode, 404)
      const check = await patient.get(`/s/${token}/check`)
      assert.doesNotMatch(check.body, /Internet/)
      assert.match(check.body, /class="ez-dt"><img class="sym sym-s" src="\/static\/symbols\/ask\.svg" alt=""/)
      const done = await patient.post(`/s/${token}/submit`, {})
      assert.equal(done.statusCode, 200)
      assert.match(done.body, /Thank you\. We have your answers\./)
      const row = await screeningOf(p.id)
      easyScreening = { patientId: p.id, id: row.id }
      const stored = storedAssessment(row)
      assert.equal(stored.status, 'complete')
      assert.deepEqual(stored.eheals, { status: 'not_asked', key: 'screening.eheals.not_asked' })
      assert.equal(row.eheals_score, null)
      assert.ok(!Object.keys(stored.answers).some((id) => id.startsWith('eheals')))
      // readiness and barriers are what the same answers give without any eHEALS (missing is not low literacy)
      const expected = assessScreening(online)
      assert.equal(row.readiness, expected.readiness.level)
      assert.deepEqual(stored.barriers, expected.barriers)
    })

    test('eHEALS answers given before switching to Easy Read are not sent', async () => {
      const { token, patient: p } = await invite(4, 'en', false)
      const patient = new InjectSession(built.app)
      const answers = { ...online, 'eheals-1': 'agree' }
      for (const linkId of Object.keys(answers)) {
        await patient.get(`/s/${token}/q/${linkId}`)
        await patient.post(`/s/${token}/q/${linkId}`, { [linkId]: answers[linkId as keyof typeof answers]! })
      }
      await patient.get(`/s/${token}?easy=1`)
      await patient.get(`/s/${token}/check`)
      assert.equal((await patient.post(`/s/${token}/submit`, {})).statusCode, 200)
      const row = await screeningOf(p.id)
      assert.equal(storedAssessment(row).eheals.status, 'not_asked')
      assert.ok(!('eheals-1' in storedAssessment(row).answers))
    })

    test('progress never jumps: a fixed total, counting on past skipped questions (worked examples)', async () => {
      // Easy Read, a smartphone user: 1 to 24 with the questions that do not apply skipped, ending at 24 of 24
      const easy = await walk((await invite(5, 'en', true)).token, online)
      const easyCounts = easy.pages.map((p) => p.progress)
      assert.ok(
        easyCounts.every((c) => /^Question \d+ of 24$/.test(c)),
        easyCounts.join()
      )
      assert.equal(easyCounts[0], 'Question 1 of 24')
      assert.equal(easyCounts.at(-1), 'Question 24 of 24')
      const numbers = easyCounts.map((c) => Number(/Question (\d+)/.exec(c)![1]))
      assert.ok(
        numbers.every((n, i) => i === 0 || n > numbers[i - 1]!),
        numbers.join()
      )
      assert.deepEqual(numbers.slice(0, 11), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])

      // Easy Read, no device: the device follow-ups are skipped, the count moves on, the total stays 24
      const none = await walk((await invite(6, 'en', true)).token, noDevice)
      assert.deepEqual(
        none.pages.map((p) => p.progress.replace(/^Question (\d+) of 24$/, '$1')),
        ['1', '2', '11', '12', '13', '14', '15', '17', '19', '20', '21', '22', '23', '24']
      )

      // Standard, a smartphone user: 24 main questions, then the optional eHEALS items counted apart
      const standard = await walk((await invite(7, 'en', false)).token, online)
      const counts = standard.pages.map((p) => p.progress)
      assert.equal(counts.filter((c) => /^Question \d+ of 24$/.test(c)).length, 18)
      assert.deepEqual(
        counts.filter((c) => c.startsWith('Optional')),
        Array.from({ length: 8 }, (_, i) => `Optional question ${i + 1} of 8`)
      )
      assert.equal(counts[counts.indexOf('Optional question 1 of 8') - 1], 'Question 24 of 24')

      // Declines: question 1 of 24, then the check page
      const declines = await walk((await invite(8, 'en', true)).token, { participation: 'declined' })
      assert.deepEqual(
        declines.pages.map((p) => p.progress),
        ['Question 1 of 24']
      )
    })

    test('Easy Read in a language without Easy Read wording: its standard words with the pictures, never English', async () => {
      const { token } = await invite(9, 'ar', true)
      const patient = new InjectSession(built.app)
      const start = await patient.get(`/s/${token}`)
      assert.match(start.body, /نسخة القراءة السهلة غير متوفرة/)
      assert.doesNotMatch(start.body, /We want to ask you/)
      const q = await patient.get(`/s/${token}/q/participation`)
      assert.match(q.body, /<img class="sym" src="\/static\/symbols\/ask\.svg" alt=""/)
      assert.doesNotMatch(q.body, /Can we ask you about phones/)
      assert.match(q.body, /السؤال 1 من 24/)
    })

    test('the Easy Read handout: who to call, what happens next, one idea per line with pictures, by default for an Easy Read patient', async () => {
      const clinician = await signedIn(built.app, built.fixture.emailA('clinician'))
      assert.ok(easyScreening, 'the Easy Read screening sent in an earlier test')
      const p = { id: easyScreening.patientId }
      const row = { id: easyScreening.id }
      await built.database.db
        .updateTable('organisation')
        .set({ contact_phone: '020 7946 0123' })
        .where('id', '=', built.fixture.orgA.id)
        .execute()
      const handout = await clinician.get(`/patients/${p.id}/screening/${row.id}/handout`)
      assert.equal(handout.statusCode, 200)
      assert.match(handout.body, /Easy Read handout for/)
      assert.match(handout.body, /because the patient answered the Easy Read questions/)
      assert.match(
        handout.body,
        /<img src="\/static\/symbols\/text-message\.svg" alt="" width="64" height="64"><span>We will send you a text message\./
      )
      assert.match(handout.body, /We will phone you\./)
      assert.match(handout.body, /What happens next/)
      assert.match(handout.body, /We will ask you these questions again after/)
      assert.match(
        handout.body,
        /To talk to your care team, phone <bdi dir="ltr" class="reach-easy-number">020 7946 0123<\/bdi>/
      )
      assert.match(handout.body, /Mulberry Symbols/)
      for (const img of handout.body.match(/<img [^>]+>/g) ?? []) assert.match(img, / alt=""/, img)
      // staff can choose the standard handout, and Easy Read for anyone
      const standard = await clinician.get(`/patients/${p.id}/screening/${row.id}/handout?easy=0`)
      assert.doesNotMatch(standard.body, /Easy Read handout for/)
      assert.match(standard.body, /Easy Read \(English\)/)
      const other = built.fixture.orgA.patients[1]!
      await clinician.get(`/patients/${other.id}/screening/new`)
      const saved = await clinician.post(`/patients/${other.id}/screening/new`, {
        ...online,
        'communication-needs': ['none']
      })
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300))
      const otherRow = await built.database.db
        .selectFrom('screening')
        .selectAll()
        .where('patient_id', '=', other.id)
        .where('mode', '=', 'clinician')
        .executeTakeFirstOrThrow()
      const notEasy = await clinician.get(`/patients/${other.id}/screening/${otherRow.id}/handout?lang=en`)
      assert.doesNotMatch(notEasy.body, /Easy Read handout for/)
      const asked = await clinician.get(`/patients/${other.id}/screening/${otherRow.id}/handout?lang=en&easy=1`)
      assert.match(asked.body, /Easy Read handout for/)
      // Easy Read asked for in a language without Easy Read wording: the standard handout in it, and a link
      const arabic = await clinician.get(`/patients/${other.id}/screening/${otherRow.id}/handout?lang=ar&easy=1`)
      assert.match(arabic.body, /lang="ar" dir="rtl"/)
      assert.match(arabic.body, /Easy Read wording is written in English only/)
    })
  })
}

test('the Easy Read handout lists who to call first: each service by phone, then address, opening times, website', () => {
  const env = createViewEnvironment()
  const html = env.render('screening/_handout-easy-body.njk', {
    tr: (key: string, vars?: Record<string, string>) => translate('en', easyReadKey('en', key), vars),
    organisationName: 'Organisation A',
    organisation: { name: 'Organisation A', contact_phone: '020 7946 0123' },
    intro: [],
    next: [],
    declined: true,
    declinedLines: [],
    symbols: {
      phone: { src: '/static/symbols/landline.svg' },
      house: { src: '/static/symbols/house.svg' },
      website: { src: '/static/symbols/website.svg' },
      clock: { src: '/static/symbols/clock.svg' },
      help: { src: '/static/symbols/help.svg' },
      yes: { src: '/static/symbols/yes.svg' },
      scam: { src: '/static/symbols/scam.svg' }
    },
    symbolCredit: {
      name: 'Mulberry Symbols',
      url: 'https://mulberrysymbols.org',
      author: 'Steve Lee',
      licence: 'CC BY-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/'
    },
    supportServices: [
      {
        name: 'Digital Help Hackney',
        organisationName: 'Hackney Libraries',
        url: 'https://example.org/help',
        email: null,
        address: 'Central Library, Mare Street, E8 1HG',
        phones: [{ number: '020 8356 0000', description: null }],
        openingTimes: 'Monday to Friday, 10am to 4pm',
        referred: true
      }
    ]
  })
  const at = (s: string) => html.indexOf(s)
  assert.ok(at('Digital Help Hackney') > 0)
  assert.ok(at('We have asked them to help you.') > at('Digital Help Hackney'))
  assert.ok(at('Phone: <bdi dir="ltr" class="reach-easy-number">020 8356 0000</bdi>') > 0, html)
  assert.ok(at('020 8356 0000') < at('Go to: Central Library'))
  assert.ok(at('Go to: Central Library') < at('Open: Monday to Friday'))
  assert.ok(at('Open: Monday to Friday') < at('Website: <bdi dir="ltr">https://example.org/help</bdi>'))
  assert.match(html, /To talk to your care team, phone <bdi dir="ltr" class="reach-easy-number">020 7946 0123<\/bdi>/)
  assert.match(html, /Pictures: <a href="https:\/\/mulberrysymbols\.org">Mulberry Symbols<\/a> © Steve Lee/)
  for (const img of html.match(/<img [^>]+>/g) ?? []) assert.match(img, / alt=""/, img)
})
