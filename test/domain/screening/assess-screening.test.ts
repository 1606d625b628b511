import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  assessScreening,
  BARRIERS,
  SCREENING_RESULT_KEYS,
  type AnswerInput,
  type ScreeningAssessment
} from '../../../src/domain/screening/index.js'
import { confident } from './fixtures.js'

const levels = (r: ScreeningAssessment) => Object.fromEntries(BARRIERS.map((b) => [b, r.barriers[b].level]))

/** Every value of a field whose name ends in "key"/"Key", anywhere in the result. */
function textKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => textKeys(v, out))
  else if (value && typeof value === 'object') {
    for (const [field, v] of Object.entries(value)) {
      if (/(^k|K)ey$/.test(field) && typeof v === 'string') out.push(v)
      else textKeys(v, out)
    }
  }
  return out
}

describe('assessScreening: worked examples', () => {
  it('confident online patient', () => {
    const r = assessScreening(confident, { now: '2025-03-15' })
    assert.equal(r.status, 'complete')
    assert.equal(r.statusKey, 'screening.status.complete')
    assert.deepEqual(r.questionnaire, {
      url: 'https://reach.example/fhir/Questionnaire/digital-inclusion-screen',
      version: '1.0.0'
    })
    assert.equal(r.readiness.level, 'confident_online')
    assert.deepEqual(r.plan.avoid, [])
    assert.equal(r.eheals.status, 'not_asked')
    assert.deepEqual(r.rescreen, { dueOn: '2026-03-15', intervalMonths: 12, key: 'screening.rescreen.after-interval' })
    assert.deepEqual(r.errors, [])
  })

  it('declined: nothing is assessed, readiness declined, letter only, re-screen in 12 months', () => {
    const r = assessScreening({ ...confident, participation: 'declined' }, { now: '2025-03-15' })
    assert.equal(r.status, 'declined')
    assert.equal(r.readiness.level, 'declined')
    assert.ok(BARRIERS.every((b) => r.barriers[b].level === 'unknown'))
    assert.deepEqual(r.plan.use, ['letter'])
    assert.deepEqual(r.answers, { participation: 'declined' })
    assert.equal(r.hidden.length, 15)
    assert.deepEqual(r.errors, [])
    assert.equal(r.rescreen?.dueOn, '2026-03-15')
  })

  it('partial (required answers missing): reported, incomplete readiness, re-screen due now', () => {
    const { motivation: _m, helpers: _h, ...rest } = confident
    const r = assessScreening(rest, { now: new Date('2025-03-15T10:00:00Z') })
    assert.equal(r.status, 'partial')
    assert.deepEqual(
      r.errors.map((e) => `${e.linkId}:${e.code}`),
      ['motivation:required', 'helpers:required']
    )
    assert.deepEqual([r.readiness.level, r.readiness.missing], ['incomplete', ['motivation']])
    assert.deepEqual(r.rescreen, { dueOn: '2025-03-15', intervalMonths: 12, key: 'screening.rescreen.next-contact' })
  })

  it('partial but already clearly offline (no device, later sections unanswered)', () => {
    const r = assessScreening({ participation: 'agreed', devices: ['none'] })
    assert.equal(r.status, 'partial')
    assert.equal(r.readiness.level, 'offline')
    assert.equal(r.rescreen, null)
  })

  it('no device at all, nobody to help', () => {
    const r = assessScreening({ ...confident, devices: ['none'] })
    assert.equal(r.status, 'complete')
    assert.deepEqual(levels(r), {
      access: 'high',
      skills: 'unknown',
      motivation: 'none',
      trust: 'none',
      accessibility: 'none',
      language: 'none',
      support: 'high'
    })
    assert.deepEqual([r.readiness.level, r.readiness.ruleId], ['offline', 'no-access'])
    assert.deepEqual(r.plan.use, ['letter'])
    assert.equal(r.plan.nonDigitalAlternative.channel, 'letter')
    // The online questions were skipped, so their answers are dropped.
    assert.deepEqual(r.hidden, [
      'internet',
      'afford',
      'skill-connect',
      'skill-apps',
      'skill-online-forms',
      'skill-video',
      'skill-messages'
    ])
  })

  it('device but no skills, with a carer who has proxy consent', () => {
    const r = assessScreening({
      ...confident,
      'skill-connect': 'with-help',
      'skill-apps': 'cannot',
      'skill-online-forms': 'cannot',
      'skill-video': 'cannot',
      'skill-messages': 'cannot',
      helpers: ['carer'],
      'proxy-consent': 'yes',
      'proxy-name': 'Sam Carer',
      'proxy-phone': '07700 900123'
    })
    assert.equal(r.status, 'complete')
    assert.equal(r.barriers.skills.level, 'high')
    assert.equal(r.barriers.support.level, 'none')
    assert.deepEqual([r.readiness.level, r.readiness.ruleId], ['needs_substantial_support', 'skills-with-help'])
    assert.deepEqual(r.plan.avoid, ['sms', 'email', 'nhs_app', 'video'])
    assert.deepEqual(r.plan.proxy, {
      consent: 'given',
      contact: { name: 'Sam Carer', phone: '07700 900123' },
      helpers: ['carer'],
      consentedBy: 'patient',
      relationship: null,
      consentedOn: null,
      capacityNote: null
    })
    assert.equal(r.plan.nonDigitalAlternative.channel, 'phone')
  })

  it('device but no skills and nobody to help: offline', () => {
    const r = assessScreening({ ...confident, 'skill-connect': 'cannot' })
    assert.deepEqual([r.readiness.level, r.readiness.ruleId], ['offline', 'no-skills-no-help'])
  })

  it('trust only', () => {
    const r = assessScreening({ ...confident, worries: ['data-sharing'] })
    assert.deepEqual(levels(r), {
      access: 'none',
      skills: 'none',
      motivation: 'none',
      trust: 'some',
      accessibility: 'none',
      language: 'none',
      support: 'none'
    })
    assert.deepEqual([r.readiness.level, r.readiness.basis], ['online_with_support', ['trust']])
    assert.deepEqual(r.plan.avoid, [])
  })

  it('interpreter + BSL', () => {
    const r = assessScreening({
      ...confident,
      'main-language': 'sgn-GB',
      'reads-english': 'a-little',
      interpreter: ['spoken', 'bsl'],
      'interpreter-language': 'Pl'
    })
    assert.equal(r.status, 'complete')
    assert.equal(r.answers['main-language'], 'bfi')
    assert.equal(r.answers['interpreter-language'], 'pl')
    assert.equal(r.barriers.language.level, 'some')
    assert.equal(r.readiness.level, 'online_with_support')
    assert.deepEqual(
      r.plan.needs.map((n) => n.need),
      ['bsl_interpreter', 'interpreter']
    )
    assert.deepEqual(
      r.plan.codes.map((c) => c.code),
      ['204331000000107', '203901000000102']
    )
    assert.equal(r.plan.nonDigitalAlternative.channel, 'in_person')
    assert.ok(r.plan.avoid.includes('phone'))
  })

  it('eHEALS complete and incomplete', () => {
    const items = {
      'eheals-1': 'agree',
      'eheals-2': 'agree',
      'eheals-3': 'agree',
      'eheals-4': 'agree',
      'eheals-5': 'undecided',
      'eheals-6': 'undecided',
      'eheals-7': 'disagree',
      'eheals-8': 'strongly-agree'
    }
    const complete = assessScreening({ ...confident, ...items })
    assert.equal(complete.eheals.status === 'complete' && complete.eheals.score, 4 * 4 + 3 + 3 + 2 + 5)
    const { 'eheals-3': _x, ...seven } = items
    const incomplete = assessScreening({ ...confident, ...seven })
    assert.equal(incomplete.eheals.status, 'incomplete')
    // eHEALS is optional: an unfinished block does not make the screening partial.
    assert.equal(incomplete.status, 'complete')
  })

  it('custom re-screen interval', () => {
    assert.equal(
      assessScreening(confident, { now: '2025-01-31', rescreenIntervalMonths: 1 }).rescreen?.dueOn,
      '2025-02-28'
    )
  })
})

describe('assessScreening: same answers, same result in every mode', () => {
  it('gives identical results for the clinician form, patient pages and paper transcription', () => {
    const clinician = { ...confident, devices: ['smartphone', 'computer'], worries: ['scams'] }
    // Patient pages post single values as strings and lists in the order ticked.
    const patient: AnswerInput = { ...confident, devices: ['computer', 'smartphone'], worries: 'scams' }
    // Paper is transcribed with stray spaces, a repeated tick and a regional language tag.
    const paper: AnswerInput = {
      ...confident,
      devices: [' computer ', 'smartphone', 'computer'],
      worries: ['scams '],
      'main-language': 'EN-GB'
    }
    const now = '2025-05-01'
    const results = [clinician, patient, paper].map((a) => assessScreening(a, { now }))
    assert.deepEqual(results[1], results[0])
    assert.deepEqual(results[2], results[0])
  })

  it('puts only text keys, never English sentences, in keyed fields of the result', () => {
    const examples: AnswerInput[] = [
      confident,
      { participation: 'declined' },
      {},
      { ...confident, devices: ['none'], 'communication-needs': ['large-print', 'braille'], interpreter: ['spoken'] },
      {
        ...confident,
        'skill-video': 'with-help',
        worries: ['scams', 'data-sharing'],
        difficulties: ['sight', 'hearing'],
        afford: 'sometimes',
        helpers: ['carer'],
        'proxy-consent': 'no'
      }
    ]
    const known = new Set(SCREENING_RESULT_KEYS)
    for (const answers of examples) {
      for (const key of textKeys(assessScreening(answers, { now: '2025-01-01' })))
        assert.ok(known.has(key), `unexpected text key ${key}`)
    }
  })
})
