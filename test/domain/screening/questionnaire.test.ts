import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { QuestionnaireItem } from '@medplum/fhirtypes'
import {
  ANSWER_SETS,
  ANSWER_SYSTEM,
  EHEALS_ITEM_TEXT,
  LANGUAGE_VALUE_SET,
  OPTION_EXCLUSIVE_EXTENSION,
  ORDINAL_VALUE_EXTENSION,
  SCREENING_ITEMS,
  SCREENING_URL,
  TEXT_KEY_EXTENSION,
  screeningEnglishText,
  screeningQuestionnaire
} from '../../../src/domain/screening/questionnaire.js'

function flatten(items: readonly QuestionnaireItem[] | undefined): QuestionnaireItem[] {
  return (items ?? []).flatMap((i) => [i, ...flatten(i.item)])
}

const items = flatten(screeningQuestionnaire.item)
const byId = new Map(items.map((i) => [i.linkId, i]))
const textKey = (ext: { url: string; valueString?: string }[] | undefined) =>
  ext?.find((e) => e.url === TEXT_KEY_EXTENSION)?.valueString

describe('screening questionnaire definition', () => {
  it('is a FHIR R4 Questionnaire with a canonical url, version and status', () => {
    assert.equal(screeningQuestionnaire.resourceType, 'Questionnaire')
    assert.equal(screeningQuestionnaire.url, SCREENING_URL)
    assert.equal(screeningQuestionnaire.url, 'https://reach.example/fhir/Questionnaire/digital-inclusion-screen')
    assert.equal(screeningQuestionnaire.version, '1.0.0')
    assert.equal(screeningQuestionnaire.status, 'active')
    assert.equal(textKey(screeningQuestionnaire.extension), 'screening.title')
    // Shared by every request: frozen so nobody changes it by accident.
    assert.ok(
      Object.isFrozen(screeningQuestionnaire) &&
        Object.isFrozen(screeningQuestionnaire.item?.[1]?.item?.[0]?.answerOption?.[0])
    )
  })

  it('has unique, stable linkIds in document order', () => {
    assert.equal(new Set(items.map((i) => i.linkId)).size, items.length)
    assert.deepEqual(
      items.map((i) => i.linkId),
      SCREENING_ITEMS.map((s) => s.linkId)
    )
    assert.deepEqual(
      items.map((i) => i.linkId),
      [
        'participation',
        'access',
        'devices',
        'device-sharing',
        'internet',
        'afford',
        'skills',
        'skill-connect',
        'skill-apps',
        'skill-online-forms',
        'skill-video',
        'skill-messages',
        'attitudes',
        'motivation',
        'worries',
        'accessibility',
        'difficulties',
        'assistive-tech',
        'language',
        'main-language',
        'reads-english',
        'interpreter',
        'interpreter-language',
        'support',
        'helpers',
        'proxy-consent',
        'proxy',
        'proxy-name',
        'proxy-phone',
        'communication',
        'communication-needs',
        'contact-preference',
        'eheals',
        'eheals-intro',
        'eheals-1',
        'eheals-2',
        'eheals-3',
        'eheals-4',
        'eheals-5',
        'eheals-6',
        'eheals-7',
        'eheals-8'
      ]
    )
  })

  it('gives every item English text and a text key derived from its linkId', () => {
    for (const item of items) {
      assert.ok(item.text && item.text.length > 0, item.linkId)
      assert.equal(textKey(item.extension), `screening.q.${item.linkId}.text`)
    }
  })

  it('codes every answer option in the local code system, with a text key per option', () => {
    for (const item of items.filter((i) => i.answerOption)) {
      for (const option of item.answerOption ?? []) {
        assert.equal(option.valueCoding?.system, ANSWER_SYSTEM)
        assert.match(textKey(option.extension) ?? '', /^screening\.option\.[a-z-]+\.[a-z-]+$/)
        assert.ok(option.valueCoding?.display)
      }
    }
    const devices = byId.get('devices')
    assert.deepEqual(
      devices?.answerOption?.map((o) => textKey(o.extension)),
      Object.keys(ANSWER_SETS.devices).map((c) => `screening.option.devices.${c}`)
    )
  })

  it('marks "none of these" options as exclusive with the SDC extension', () => {
    const exclusive = (linkId: string) =>
      byId
        .get(linkId)
        ?.answerOption?.filter((o) =>
          o.extension?.some((e) => e.url === OPTION_EXCLUSIVE_EXTENSION && e.valueBoolean === true)
        )
        .map((o) => o.valueCoding?.code)
    assert.deepEqual(exclusive('devices'), ['none'])
    assert.deepEqual(exclusive('interpreter'), ['no'])
    assert.deepEqual(exclusive('helpers'), ['none'])
    assert.deepEqual(exclusive('motivation'), [])
  })

  it('references only earlier questions and real codes in enableWhen', () => {
    const seen = new Set<string>()
    for (const item of items) {
      for (const condition of item.enableWhen ?? []) {
        assert.ok(seen.has(condition.question), `${item.linkId} depends on later or unknown ${condition.question}`)
        const source = byId.get(condition.question)
        if (condition.answerCoding && source?.answerOption) {
          assert.ok(
            source.answerOption.some((o) => o.valueCoding?.code === condition.answerCoding?.code),
            `${item.linkId}: ${condition.answerCoding.code}`
          )
        }
      }
      if ((item.enableWhen?.length ?? 0) > 1) assert.ok(item.enableBehavior, `${item.linkId} needs enableBehavior`)
      seen.add(item.linkId)
    }
  })

  it('keeps the core screen short: 14 questions on a one-page form with the skills as one grid', () => {
    const core = SCREENING_ITEMS.filter(
      (s) => s.kind !== 'group' && s.kind !== 'display' && !s.linkId.startsWith('eheals')
    )
    assert.equal(core.length, 24)
    // Follow-up questions appear only when they apply.
    const followUps = [
      'device-sharing',
      'reads-english',
      'interpreter-language',
      'proxy-consent',
      'proxy-name',
      'proxy-phone',
      'assistive-tech'
    ]
    const skills = core.filter((s) => 'parent' in s && s.parent === 'skills')
    assert.equal(skills.length, 5)
    assert.equal(core.length - followUps.length - skills.length + 1, 13)
    // An online patient whose main language is English also sees device-sharing: 14 in all.
    assert.equal(core.length - followUps.length + 1 - skills.length + 1, 14)
  })

  it('uses a BCP 47 language value set for languages and a regex for the phone number', () => {
    assert.equal(byId.get('main-language')?.answerValueSet, LANGUAGE_VALUE_SET)
    assert.equal(byId.get('interpreter-language')?.answerValueSet, LANGUAGE_VALUE_SET)
    assert.ok(
      byId.get('proxy-phone')?.extension?.some((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/regex')
    )
  })

  it('has the 8 eHEALS items with the published wording and 1-5 ordinal values', () => {
    const eheals = items.filter((i) => /^eheals-\d$/.test(i.linkId))
    assert.equal(eheals.length, 8)
    assert.deepEqual(
      eheals.map((i) => i.text),
      [...EHEALS_ITEM_TEXT]
    )
    assert.equal(eheals[0]?.text, 'I know what health resources are available on the Internet')
    assert.equal(eheals[7]?.text, 'I feel confident in using information from the Internet to make health decisions')
    for (const item of eheals) {
      assert.equal(item.required, false)
      const ordinals = item.answerOption?.map(
        (o) => o.valueCoding?.extension?.find((e) => e.url === ORDINAL_VALUE_EXTENSION)?.valueDecimal
      )
      assert.deepEqual(ordinals, [1, 2, 3, 4, 5])
    }
  })

  it('exports an English catalogue covering every text key in the Questionnaire', () => {
    const english = screeningEnglishText()
    const keys = [
      textKey(screeningQuestionnaire.extension),
      ...items.map((i) => textKey(i.extension)),
      ...items.flatMap((i) => (i.answerOption ?? []).map((o) => textKey(o.extension)))
    ]
    for (const key of keys) assert.ok(key && english[key], `missing English for ${key}`)
    assert.equal(english['screening.q.devices.text'], 'Which of these do you have, or can you use when you need to?')
    assert.equal(english['screening.option.ability.with-help'], 'I can do this with help')
  })
})
