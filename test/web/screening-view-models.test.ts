// The view-model builder turns Questionnaire items into nhsuk macro params, in any language.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  answersFromBody,
  questionItems,
  questionnaireSections
} from '../../src/web/routes/screening/question-fields.js'
import { planView } from '../../src/web/routes/screening/result-view-models.js'
import { assessScreening } from '../../src/domain/screening/index.js'

const fields = (lang = 'en', answers = {}, errors = {}) =>
  questionnaireSections(lang, answers, errors, { staffHints: true }).flatMap((s) => s.fields)

test('every question becomes one field of the right kind', () => {
  const all = fields()
  assert.equal(all.length, questionItems().length)
  const byId = new Map(all.map((f) => [f.linkId, f]))
  assert.equal(byId.get('participation')!.kind, 'radios')
  assert.equal(byId.get('devices')!.kind, 'checkboxes')
  assert.equal(byId.get('main-language')!.kind, 'select')
  assert.equal(byId.get('proxy-phone')!.kind, 'input')
  assert.equal((byId.get('proxy-phone')!.params as { type: string }).type, 'tel')
})

test('checkbox params are exactly the nhsuk macro params, with the exclusive "none" after an "or" divider', () => {
  const devices = fields('en', { devices: ['smartphone'] }).find((f) => f.linkId === 'devices')!
  const params = devices.params as {
    idPrefix: string
    name: string
    items: { value?: string; divider?: string; exclusive?: boolean; checked?: boolean }[]
  }
  assert.equal(params.idPrefix, 'devices')
  assert.equal(params.name, 'devices')
  assert.deepEqual(params.items.at(-2), { divider: 'or' })
  assert.equal(params.items.at(-1)!.exclusive, true)
  assert.equal(params.items[0]!.checked, true)
})

test('the five skills are compact inline radios; follow-ups say when they apply', () => {
  const sections = questionnaireSections('en', {}, {}, { staffHints: true })
  const skills = sections.find((s) => s.linkId === 'skills')!
  assert.equal(skills.fields.length, 5)
  assert.match(String((skills.fields[0]!.params as { classes: string }).classes), /nhsuk-radios--inline/)
  assert.equal(skills.askIf, 'If they have a smartphone, tablet or computer')
  assert.match(
    (fields().find((f) => f.linkId === 'reads-english')!.params as { hint: { text: string } }).hint.text,
    /main language is not English/
  )
})

test('errors go on the field; texts come from the locale file', () => {
  const f = fields('en', {}, { internet: { text: 'Answer this question' } }).find((x) => x.linkId === 'internet')!
  assert.deepEqual((f.params as { errorMessage: unknown }).errorMessage, { text: 'Answer this question' })
  const ar = questionnaireSections('ar', {}, {})
    .flatMap((s) => s.fields)
    .find((x) => x.linkId === 'participation')!
  assert.match(ar.text, /هل يمكننا/)
})

test('a posted form becomes answers: one checkbox arrives as a string and is made a list', () => {
  assert.deepEqual(answersFromBody({ devices: 'smartphone', participation: ' agreed ', unknown: 'x', afford: '' }), {
    participation: 'agreed',
    devices: ['smartphone']
  })
})

test('the plan view lists channels to use and avoid with reasons', () => {
  const a = assessScreening({
    participation: 'agreed',
    devices: ['landline'],
    motivation: 'happy',
    worries: ['none'],
    difficulties: ['none'],
    'main-language': 'en',
    interpreter: ['no'],
    helpers: ['none'],
    'communication-needs': ['none']
  })
  const plan = planView(a)
  assert.ok(plan.use.includes('Letter') && plan.use.includes('Phone call'))
  assert.ok(plan.avoid.some((x) => x.text === 'Email'))
  assert.match(plan.avoidText, /Email \(no smartphone, tablet or computer/)
})
