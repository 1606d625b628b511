// Answers that cannot all be true: the Questionnaire's constraints (SDC questionnaire-constraint), each with
// a worked example that breaks it and one that does not; the answers are kept, the message is at the question.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseAnswers, type AnswerInput } from '../../../src/domain/screening/answers.js'
import { screeningQuestionnaire } from '../../../src/domain/screening/questionnaire.js'
import { CONSTRAINT_EXTENSION, SCREENING_CONSTRAINTS } from '../../../src/domain/screening/constraints.js'
import { confident } from './fixtures.js'

const impossible = (input: AnswerInput) =>
  normaliseAnswers(screeningQuestionnaire, input)
    .errors.filter((e) => e.code === 'impossible')
    .map((e) => `${e.linkId}:${e.key.replace('screening.error.impossible.', '')}`)

const landlineOnly = {
  ...confident,
  devices: ['landline'],
  internet: undefined,
  afford: undefined,
  'skill-connect': undefined,
  'skill-apps': undefined,
  'skill-online-forms': undefined,
  'skill-video': undefined,
  'skill-messages': undefined
}

describe('impossible combinations of answers', () => {
  it('a text message needs a mobile phone; a landline alone cannot take one', () => {
    assert.deepEqual(impossible({ ...landlineOnly, 'contact-preference': ['sms'] }), [
      'contact-preference:sms-needs-mobile'
    ])
    assert.deepEqual(impossible({ ...confident, devices: ['mobile-basic'], 'contact-preference': ['sms'] }), [])
  })

  it('a phone call needs some phone', () => {
    assert.deepEqual(impossible({ ...landlineOnly, devices: ['none'], 'contact-preference': ['phone', 'letter'] }), [
      'contact-preference:phone-needs-phone'
    ])
    assert.deepEqual(impossible({ ...landlineOnly, 'contact-preference': ['phone', 'letter'] }), [])
  })

  it('email, the NHS App and video need a smartphone, tablet or computer, and a way online', () => {
    assert.deepEqual(impossible({ ...landlineOnly, 'contact-preference': ['email'] }), [
      'contact-preference:online-needs-device'
    ])
    assert.deepEqual(impossible({ ...confident, internet: ['none'], 'contact-preference': ['video'] }), [
      'contact-preference:online-needs-connection'
    ])
    assert.deepEqual(impossible({ ...confident, 'contact-preference': ['email', 'nhs-app', 'video'] }), [])
  })

  it('an interpreter is not for English', () => {
    assert.deepEqual(impossible({ ...confident, interpreter: ['spoken'], 'interpreter-language': 'en' }), [
      'interpreter-language:interpreter-english'
    ])
    assert.deepEqual(impossible({ ...confident, interpreter: ['spoken'], 'interpreter-language': 'tr' }), [])
  })

  it('the answers are kept, so a form re-shown loses nothing; only hidden answers are ever dropped', () => {
    const result = normaliseAnswers(screeningQuestionnaire, { ...landlineOnly, 'contact-preference': ['sms'] })
    assert.deepEqual(result.answers['contact-preference'], ['sms'])
    assert.deepEqual(result.answers.devices, ['landline'])
  })

  it('the Questionnaire declares every constraint for other readers (key, severity, FHIRPath, human text, location)', () => {
    const declared = (screeningQuestionnaire.extension ?? []).filter((e) => e.url === CONSTRAINT_EXTENSION)
    assert.equal(declared.length, SCREENING_CONSTRAINTS.length)
    for (const e of declared) {
      const parts = Object.fromEntries(
        (e.extension ?? []).map((x) => [x.url, x.valueId ?? x.valueCode ?? x.valueString])
      )
      assert.deepEqual(Object.keys(parts).sort(), ['expression', 'human', 'key', 'location', 'severity'])
      assert.equal(parts.severity, 'error')
      assert.match(String(parts.expression), /%resource\.repeat\(item\)/)
    }
  })
})
