// The referral letter (issue 12): only what the patient consented to share; contact details from the record
// only with contact_details; needs in plain sentences (never "motivation: some"); languages by name; the
// care team's contact always; one content for the outbox text and the print view.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  languageSentences,
  letterContent,
  letterText,
  plainNeeds,
  referralLetter,
  storedLetterContent,
  type LetterInput
} from '../../../src/domain/referrals/letter.js'
import { parseScreeningAnswers } from '../../../src/domain/screening/answers.js'

const answers = (input: Record<string, string | string[]>) => parseScreeningAnswers(input).answers

/** An older Turkish speaker: pay-as-you-go phone whose data runs out, not confident, worried about scams. */
const turkishSpeaker = answers({
  participation: 'agreed',
  devices: ['smartphone'],
  'device-sharing': 'own',
  internet: ['mobile-data'],
  afford: 'sometimes',
  'skill-connect': 'alone',
  'skill-apps': 'with-help',
  'skill-online-forms': 'cannot',
  'skill-video': 'with-help',
  'skill-messages': 'alone',
  motivation: 'lacks-confidence',
  worries: ['scams'],
  difficulties: ['none'],
  'main-language': 'tr',
  'reads-english': 'not-at-all',
  interpreter: ['spoken'],
  'interpreter-language': 'tr',
  helpers: ['none'],
  'communication-needs': ['large-print'],
  'contact-preference': ['phone', 'letter']
})

const base: LetterInput = {
  date: '3 December 2026',
  reference: 'AB12CD34',
  service: {
    name: 'Device Bank',
    organisationName: 'Hackney Libraries',
    email: 'help@devicebank.example',
    url: 'https://devicebank.example',
    phones: [{ number: '020 7946 0000', description: 'Bookings' }],
    locations: [{ name: 'Central Library', address: '1 Reading Lane', postcode: 'E8 1AA' }]
  },
  careTeam: {
    organisationName: 'Riverside Practice',
    phone: '020 7946 0999',
    teamName: 'Social prescribing',
    referrerName: 'Dr Ada Byron'
  },
  patient: {
    name: 'Ayse Yilmaz',
    address: '12 Mare Street\nLondon',
    postcode: 'E8 3RH',
    phone: '07700 900123',
    email: 'ayse@example.org',
    mainLanguage: 'tr',
    interpreterNeeded: true,
    communicationNeeds: []
  },
  scope: ['contact_details', 'barrier_summary', 'language_needs'],
  barriers: { access: 'some', skills: 'high', motivation: 'some', trust: 'some', language: 'high', support: 'high' },
  answers: turkishSpeaker,
  reasons: [
    'Offers free mobile data or internet access, for a patient who cannot always afford data or bills',
    "Works in Turkish, the patient's language",
    "Has a venue in the patient's postcode district (E8)",
    'Last checked 2024-01-01, over 12 months ago: check it still runs before referring',
    'Check eligibility: only for people receiving benefits'
  ],
  partnerUrl: 'https://reach.test/partner/abc',
  partnerLinkExpires: '3 March 2027'
}

const section = (input: LetterInput, id: string) => letterContent(input).sections.find((s) => s.id === id)

describe('referral letter', () => {
  test('with full consent: contact details from the record, how they would like to be contacted', () => {
    assert.deepEqual(section(base, 'contact')?.lines, [
      'Ayse Yilmaz',
      '12 Mare Street',
      'London',
      'E8 3RH',
      'Phone: 07700 900123',
      'Email: ayse@example.org',
      'They would like to be contacted by letter or phone call.'
    ])
  })

  test('language needs by name, in plain words', () => {
    assert.deepEqual(section(base, 'language')?.lines, [
      'Speaks Turkish. Needs a Turkish interpreter. Does not read English. Write to them in Turkish. Needs large print (at least 20 point).'
    ])
    assert.doesNotMatch(letterText(letterContent(base)), /\btr\b|Main language/)
  })

  test('needs in plain language, high barriers first, never "motivation: some"', () => {
    const needs = section(base, 'needs')
    assert.deepEqual(needs?.items, [
      'Cannot yet use the NHS App or fill in a form online',
      'Needs help to open an app or website and find what they need, and to join a video call',
      'Has nobody to help them get online',
      'Their mobile data or credit runs out: bills and top-ups are sometimes hard to afford',
      'Would like to use the internet for their health, but is not confident',
      'Worried about scams and fraud online'
    ])
    // scam-wary: the service is told how to approach them
    assert.deepEqual(needs?.lines, [
      'When you contact them, say who you are and that Riverside Practice referred them. Never ask for bank details.'
    ])
    assert.doesNotMatch(letterText(letterContent(base)), /: (some|high)\b|motivation|access \(/i)
  })

  test('why the service was chosen, without the staff cautions', () => {
    assert.deepEqual(section(base, 'why')?.items, [
      'Offers free mobile data or internet access, for a patient who cannot always afford data or bills',
      "Works in Turkish, the patient's language",
      "Has a venue in the patient's postcode district (E8)"
    ])
    // where they live is told only with contact details
    const noContact = section({ ...base, scope: ['barrier_summary', 'language_needs'] }, 'why')
    assert.ok(!noContact?.items.some((i) => i.includes('E8')))
  })

  test('without contact_details: no name, address, postcode, phone or email, and they will contact the service', () => {
    const input: LetterInput = { ...base, scope: ['barrier_summary', 'language_needs'] }
    const text = letterText(letterContent(input))
    for (const detail of [
      'Ayse',
      'Yilmaz',
      'Mare Street',
      'E8 3RH',
      '07700 900123',
      'ayse@example.org',
      'phone call or letter'
    ])
      assert.ok(!text.includes(detail), `${detail} is not in the letter`)
    assert.deepEqual(section(input, 'contact')?.lines, [
      'The patient did not agree to share their contact details: they will contact you themselves.'
    ])
  })

  test('without language_needs or barrier_summary: neither section, and no reasons that would tell', () => {
    const input: LetterInput = { ...base, scope: ['contact_details'] }
    const content = letterContent(input)
    assert.deepEqual(
      content.sections.map((s) => s.id),
      ['contact', 'updates']
    )
    assert.doesNotMatch(letterText(content), /Turkish|interpreter|scams|afford/)
  })

  test('barrier_summary without language_needs: language only as a need, without its name', () => {
    const input: LetterInput = { ...base, scope: ['barrier_summary'] }
    const items = section(input, 'needs')?.items ?? []
    assert.ok(items.includes('Does not read English'))
    assert.ok(items.includes('Needs an interpreter'))
    assert.equal(section(input, 'language'), undefined)
    // a reason that names their language is left out too
    assert.deepEqual(section(input, 'why')?.items, [
      'Offers free mobile data or internet access, for a patient who cannot always afford data or bills'
    ])
    assert.doesNotMatch(letterText(letterContent(input)), /Turkish/)
  })

  test("a preference the communication plan refuses is not passed on (a scam-wary person's email)", () => {
    const scamWary = answers({
      participation: 'agreed',
      devices: ['smartphone'],
      'device-sharing': 'own',
      internet: ['home-broadband'],
      afford: 'yes',
      'skill-connect': 'alone',
      'skill-apps': 'alone',
      'skill-online-forms': 'alone',
      'skill-video': 'alone',
      'skill-messages': 'alone',
      motivation: 'happy',
      worries: ['scams', 'data-sharing'],
      difficulties: ['none'],
      'main-language': 'en',
      interpreter: ['no'],
      helpers: ['none'],
      'communication-needs': ['none'],
      'contact-preference': ['email', 'phone']
    })
    const lines = section({ ...base, answers: scamWary }, 'contact')?.lines ?? []
    assert.equal(lines.at(-1), 'They would like to be contacted by phone call.')
    // and nobody said how they would like to be contacted: nothing is made up
    const none = section({ ...base, answers: answers({ participation: 'agreed' }) }, 'contact')?.lines ?? []
    assert.ok(!none.some((l) => l.startsWith('They would like')))
  })

  test('no phone or email on the record: the service is asked to contact the care team', () => {
    const input: LetterInput = { ...base, patient: { ...base.patient, phone: null, email: null, address: null } }
    const lines = section(input, 'contact')?.lines ?? []
    assert.deepEqual(lines.slice(0, 3), [
      'Ayse Yilmaz',
      'E8 3RH',
      'We do not have a phone number or email address for them. Please contact us (below) to arrange the first contact.'
    ])
  })

  test('no fixed abode: no pseudo-postcode on the letter', () => {
    const input: LetterInput = { ...base, patient: { ...base.patient, postcode: 'ZZ99 3VZ', address: null } }
    const lines = section(input, 'contact')?.lines ?? []
    assert.equal(lines[1], 'No fixed address')
    assert.ok(!lines.includes('ZZ99 3VZ'))
  })

  test('no screening answers: one plain sentence per barrier', () => {
    assert.deepEqual(plainNeeds({ access: 'high', motivation: 'some', trust: 'none' }, null), [
      'Finds it hard to get a device or to stay connected',
      'Is not confident about using the internet for their health'
    ])
  })

  test('languages by name from the record when there is no screening; BSL and unwritten languages', () => {
    const record = { mainLanguage: 'pl', interpreterNeeded: true, communicationNeeds: [], postcode: null }
    assert.deepEqual(languageSentences(record, null), [
      'Speaks Polish.',
      'Needs a Polish interpreter.',
      'Write to them in Polish.'
    ])
    assert.deepEqual(
      languageSentences(
        { mainLanguage: 'bfi', interpreterNeeded: false, communicationNeeds: ['bsl_interpreter'], postcode: null },
        null
      ),
      ['Uses British Sign Language (BSL).', 'Needs a British Sign Language (BSL) interpreter.']
    )
    const sylheti = answers({
      participation: 'agreed',
      'main-language': 'syl',
      'reads-english': 'not-at-all',
      interpreter: ['spoken'],
      'interpreter-language': 'syl'
    })
    assert.deepEqual(languageSentences({ ...record, mainLanguage: 'syl' }, sylheti), [
      'Speaks Sylheti.',
      'Needs a Sylheti interpreter.',
      'Does not read English.',
      'Nothing written will be read: phone with an interpreter, or meet in person.'
    ])
    assert.deepEqual(
      languageSentences({ mainLanguage: 'ar', interpreterNeeded: true, communicationNeeds: [], postcode: null }, null),
      ['Speaks Arabic.', 'Needs an Arabic interpreter.', 'Write to them in Arabic.']
    )
  })

  test("the care team's contact, the service's contact and the partner link", () => {
    const content = letterContent(base)
    assert.deepEqual(content.from, ['Dr Ada Byron, Social prescribing', 'Riverside Practice', 'Phone: 020 7946 0999'])
    assert.deepEqual(content.to, [
      'Device Bank',
      'Hackney Libraries',
      'Phone: 020 7946 0000 (Bookings)',
      'Email: help@devicebank.example',
      'Central Library, 1 Reading Lane, E8 1AA',
      'Website: https://devicebank.example'
    ])
    const updates = content.sections.find((s) => s.id === 'updates')
    assert.equal(updates?.link, 'https://reach.test/partner/abc')
    assert.match(updates?.lines[0] ?? '', /the link works until 3 March 2027\. Quote reference AB12CD34/)
  })

  test('one source: the outbox text is the content as text, and stored content reads back', () => {
    const letter = referralLetter(base)
    assert.equal(letter.subject, 'Referral to Device Bank')
    assert.equal(letter.body, letterText(letter.content))
    assert.match(letter.body, /^To: Device Bank, Hackney Libraries/)
    assert.match(letter.body, /\n- Worried about scams and fraud online\n/)
    assert.match(letter.body, /\nhttps:\/\/reach\.test\/partner\/abc\n/)
    assert.deepEqual(storedLetterContent(JSON.parse(JSON.stringify(letter.content))), letter.content)
    assert.equal(storedLetterContent({ version: 2 }), null)
    assert.equal(storedLetterContent('a letter'), null)
    assert.equal(storedLetterContent({ ...letter.content, sections: [{ id: 'x' }] }), null)
  })
})
