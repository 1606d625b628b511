import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Questionnaire } from '@medplum/fhirtypes'
import {
  enabledLinkIds,
  normaliseAnswers,
  normaliseLanguage,
  parseScreeningAnswers,
  screeningStatus,
  validateAnswers,
  type AnswerInput
} from '../../../src/domain/screening/answers.js'
import { ANSWER_SYSTEM, screeningQuestionnaire } from '../../../src/domain/screening/questionnaire.js'
import { confident } from './fixtures.js'

/** A complete screening of a confident online patient. */
const complete = confident

const codes = (errors: { linkId: string; code: string }[]) => errors.map((e) => `${e.linkId}:${e.code}`)

describe('validateAnswers', () => {
  it('accepts a complete screening with no errors', () => {
    assert.deepEqual(validateAnswers(screeningQuestionnaire, complete), [])
  })

  it('reports a shown, required question without an answer as required, with a message key', () => {
    const { motivation: _m, ...rest } = complete
    const errors = validateAnswers(screeningQuestionnaire, rest)
    assert.deepEqual(errors, [{ linkId: 'motivation', code: 'required', key: 'screening.error.required' }])
  })

  it('treats empty strings and empty lists as no answer', () => {
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, motivation: '  ', worries: [] })), [
      'motivation:required',
      'worries:required'
    ])
  })

  it('rejects an option that is not in the question, then reports the required question as unanswered', () => {
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, motivation: 'very-keen' })), [
      'motivation:invalid-option',
      'motivation:required'
    ])
    // A code from another question is not accepted either.
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, afford: 'alone' })), [
      'afford:invalid-option',
      'afford:required'
    ])
  })

  it('rejects several answers to a single-answer question', () => {
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, afford: ['yes', 'no'] })), [
      'afford:not-repeatable',
      'afford:required'
    ])
  })

  it('rejects "none of these" combined with another option', () => {
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, worries: ['scams', 'none'] })), [
      'worries:exclusive-option',
      'worries:required'
    ])
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, interpreter: ['no', 'bsl'] })), [
      'interpreter:exclusive-option',
      'interpreter:required'
    ])
  })

  it('reports unknown linkIds and answers given to groups', () => {
    assert.deepEqual(
      codes(validateAnswers(screeningQuestionnaire, { ...complete, favourite_colour: 'blue', skills: 'alone' })),
      ['skills:unknown-item', 'favourite_colour:unknown-item']
    )
  })

  it('checks language codes and string lengths and patterns', () => {
    // With no valid main language, 'how well do you read English' is shown too ('!=' en holds with no answer).
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, 'main-language': 'English' })), [
      'main-language:invalid-value',
      'main-language:required',
      'reads-english:required'
    ])
    const withProxy = {
      ...complete,
      helpers: ['carer'],
      'proxy-consent': 'yes',
      'proxy-name': 'A'.repeat(101),
      'proxy-phone': 'call me'
    }
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, withProxy)), [
      'proxy-name:too-long',
      'proxy-name:required',
      'proxy-phone:invalid-value',
      'proxy-phone:required'
    ])
    const good = { ...withProxy, 'proxy-name': '  Sam Carer ', 'proxy-phone': '+44 (0)20 7946 0000' }
    assert.deepEqual(validateAnswers(screeningQuestionnaire, good), [])
  })

  it('requires only the participation question when nothing is answered', () => {
    // '!=' declined is true when participation has no answer, so every section shows and is required.
    const errors = codes(validateAnswers(screeningQuestionnaire, {}))
    assert.deepEqual(errors, [
      'participation:required',
      'devices:required',
      'motivation:required',
      'worries:required',
      'difficulties:required',
      'main-language:required',
      'reads-english:required',
      'interpreter:required',
      'helpers:required',
      'communication-needs:required'
    ])
  })
})

describe('enableWhen hiding', () => {
  it('hides every section when the patient declines, and drops their answers without errors', () => {
    const result = normaliseAnswers(screeningQuestionnaire, { ...complete, participation: 'declined' })
    assert.deepEqual(result.errors, [])
    assert.deepEqual(result.answers, { participation: 'declined' })
    assert.equal(result.hidden.length, Object.keys(complete).length - 1)
    assert.deepEqual([...result.enabled], ['participation'])
  })

  it('skips the online access and skills questions when there is no smartphone, tablet or computer', () => {
    const answers = { ...complete, devices: ['mobile-basic', 'landline'] }
    const result = normaliseAnswers(screeningQuestionnaire, answers)
    assert.deepEqual(result.errors, [])
    assert.deepEqual(result.hidden, [
      'internet',
      'afford',
      'skill-connect',
      'skill-apps',
      'skill-online-forms',
      'skill-video',
      'skill-messages'
    ])
    for (const linkId of ['device-sharing', 'internet', 'afford', 'skills', 'skill-video', 'eheals'])
      assert.ok(!result.enabled.has(linkId), linkId)
  })

  it('does not require hidden questions', () => {
    const answers = {
      participation: 'agreed',
      devices: ['none'],
      motivation: 'prefers-not',
      worries: ['none'],
      difficulties: ['none'],
      'main-language': 'en',
      interpreter: ['no'],
      helpers: ['none'],
      'communication-needs': ['none']
    }
    assert.deepEqual(validateAnswers(screeningQuestionnaire, answers), [])
  })

  it('asks how well English is read only when the main language is not English (any regional form)', () => {
    assert.ok(!enabledLinkIds(screeningQuestionnaire, { ...complete, 'main-language': 'en-GB' }).has('reads-english'))
    assert.ok(enabledLinkIds(screeningQuestionnaire, { ...complete, 'main-language': 'pl' }).has('reads-english'))
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, { ...complete, 'main-language': 'pl' })), [
      'reads-english:required'
    ])
  })

  it('asks for the interpreter language only for a spoken-language interpreter', () => {
    assert.ok(
      enabledLinkIds(screeningQuestionnaire, { ...complete, interpreter: ['spoken'] }).has('interpreter-language')
    )
    assert.ok(
      !enabledLinkIds(screeningQuestionnaire, { ...complete, interpreter: ['bsl'] }).has('interpreter-language')
    )
  })

  it('cascades: proxy details are hidden when the patient has no helper, even if consent was ticked', () => {
    const result = normaliseAnswers(screeningQuestionnaire, {
      ...complete,
      helpers: ['none'],
      'proxy-consent': 'yes',
      'proxy-name': 'Sam'
    })
    assert.deepEqual(result.hidden, ['proxy-consent', 'proxy-name'])
    assert.deepEqual(result.errors, [])
  })

  it('requires proxy contact details once consent is given', () => {
    const answers = { ...complete, helpers: ['family-friend'], 'proxy-consent': 'yes' }
    assert.deepEqual(codes(validateAnswers(screeningQuestionnaire, answers)), [
      'proxy-name:required',
      'proxy-phone:required'
    ])
    assert.deepEqual(validateAnswers(screeningQuestionnaire, { ...answers, 'proxy-consent': 'no' }), [])
  })

  it('shows eHEALS only to people who can get online', () => {
    assert.ok(enabledLinkIds(screeningQuestionnaire, complete).has('eheals-1'))
    assert.ok(!enabledLinkIds(screeningQuestionnaire, { ...complete, internet: ['none'] }).has('eheals-1'))
    assert.ok(
      !enabledLinkIds(screeningQuestionnaire, { ...complete, devices: ['none'], internet: ['home-broadband'] }).has(
        'eheals-1'
      )
    )
  })
})

describe('normalised answers are the same whatever the mode', () => {
  it('orders multi-select answers as in the definition, removes repeats and trims', () => {
    const fromPaper = { ...complete, devices: [' computer', 'smartphone ', 'computer'], internet: 'home-broadband' }
    const fromWeb = { ...complete, devices: ['smartphone', 'computer'], internet: ['home-broadband'] }
    assert.deepEqual(parseScreeningAnswers(fromPaper).answers, parseScreeningAnswers(fromWeb).answers)
    assert.deepEqual(parseScreeningAnswers(fromPaper).answers.devices, ['smartphone', 'computer'])
  })

  it('stores languages as a lower-case primary language subtag', () => {
    assert.equal(normaliseLanguage('en-GB'), 'en')
    assert.equal(normaliseLanguage('PL'), 'pl')
    assert.equal(normaliseLanguage('sgn-GB'), 'bfi')
    assert.equal(normaliseLanguage('syl'), 'syl')
    assert.equal(normaliseLanguage('English'), null)
    assert.equal(normaliseLanguage('und'), null)
    assert.equal(normaliseLanguage('x-klingon'), null)
  })
})

describe('screeningStatus', () => {
  it('is declined, partial (required missing) or complete', () => {
    const status = (input: AnswerInput) => {
      const parsed = parseScreeningAnswers(input)
      return screeningStatus(parsed.answers, parsed.errors)
    }
    assert.equal(status({ participation: 'declined' }), 'declined')
    assert.equal(status(complete), 'complete')
    assert.equal(status({ ...complete, helpers: undefined }), 'partial')
    assert.equal(status({ ...complete, participation: undefined }), 'partial')
    // An invalid answer to an optional question is reported but does not make the screening partial.
    const parsed = parseScreeningAnswers({ ...complete, 'contact-preference': ['pigeon'] })
    assert.deepEqual(codes(parsed.errors), ['contact-preference:invalid-option'])
    assert.equal(screeningStatus(parsed.answers, parsed.errors), 'complete')
  })
})

describe('the validator reads any Questionnaire', () => {
  const tiny: Questionnaire = {
    resourceType: 'Questionnaire',
    status: 'draft',
    item: [
      {
        linkId: 'a',
        type: 'choice',
        required: true,
        answerOption: [
          { valueCoding: { system: ANSWER_SYSTEM, code: 'x' } },
          { valueCoding: { system: ANSWER_SYSTEM, code: 'y' } }
        ]
      },
      {
        linkId: 'b',
        type: 'string',
        required: true,
        enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }]
      },
      {
        linkId: 'c',
        type: 'string',
        required: true,
        enableBehavior: 'all',
        enableWhen: [
          { question: 'a', operator: '=', answerCoding: { system: ANSWER_SYSTEM, code: 'x' } },
          { question: 'b', operator: '=', answerString: 'go' }
        ]
      }
    ]
  }

  it('supports exists, = with answerString and enableBehavior all', () => {
    assert.deepEqual(codes(validateAnswers(tiny, {})), ['a:required'])
    assert.deepEqual(codes(validateAnswers(tiny, { a: 'y' })), ['b:required'])
    assert.deepEqual(codes(validateAnswers(tiny, { a: 'y', b: 'go' })), [])
    assert.deepEqual(codes(validateAnswers(tiny, { a: 'x', b: 'go' })), ['c:required'])
  })

  it('refuses enableWhen cycles and unsupported operators', () => {
    const cycle: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'draft',
      item: [
        { linkId: 'p', type: 'string', enableWhen: [{ question: 'q', operator: 'exists', answerBoolean: true }] },
        { linkId: 'q', type: 'string', enableWhen: [{ question: 'p', operator: 'exists', answerBoolean: true }] }
      ]
    }
    assert.throws(() => validateAnswers(cycle, {}), /cycle/)
    const greater: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'draft',
      item: [
        { linkId: 'p', type: 'string' },
        { linkId: 'q', type: 'string', enableWhen: [{ question: 'p', operator: '>', answerString: 'a' }] }
      ]
    }
    assert.throws(() => validateAnswers(greater, {}), /not supported/)
  })
})
