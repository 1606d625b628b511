// QuestionnaireResponse export and import: a round trip keeps the answers; errors name the item by linkId.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  parseQuestionnaireResponse,
  toQuestionnaireResponse,
  NHS_NUMBER_SYSTEM
} from '../../src/fhir/questionnaire-response.js'

const answers = {
  participation: 'agreed',
  devices: ['smartphone', 'landline'],
  'main-language': 'pl',
  'proxy-name': 'Sam'
}

test('export references the patient by NHS number and nests answers in the Questionnaire groups', () => {
  const qr = toQuestionnaireResponse({
    id: 'x',
    status: 'complete',
    questionnaireVersion: '1.0.0',
    language: 'pl',
    screenedAt: '2026-03-02T10:00:00Z',
    answers,
    nhsNumber: '9990000018'
  })
  assert.deepEqual(qr.subject, { identifier: { system: NHS_NUMBER_SYSTEM, value: '9990000018' }, type: 'Patient' })
  assert.equal(qr.questionnaire, 'https://reach.example/fhir/Questionnaire/digital-inclusion-screen|1.0.0')
  assert.equal(qr.status, 'completed')
  const access = qr.item!.find((i) => i.linkId === 'access')!
  assert.deepEqual(
    access.item![0]!.answer!.map((a) => a.valueCoding!.code),
    ['smartphone', 'landline']
  )
  const language = qr.item!.find((i) => i.linkId === 'language')!.item![0]!.answer![0]!
  assert.equal(language.valueCoding!.system, 'urn:ietf:bcp:47')
})

test('import reads back the same answers', () => {
  const qr = toQuestionnaireResponse({
    id: 'x',
    status: 'complete',
    questionnaireVersion: '1.0.0',
    language: 'pl',
    screenedAt: '2026-03-02T10:00:00Z',
    answers,
    nhsNumber: '9990000018'
  })
  const parsed = parseQuestionnaireResponse(JSON.parse(JSON.stringify(qr)))
  assert.ok(parsed.ok)
  assert.deepEqual(parsed.answers, answers)
  assert.equal(parsed.nhsNumber, '9990000018')
  assert.equal(parsed.language, 'pl')
})

test('structural and definition errors have item paths', () => {
  const bad = parseQuestionnaireResponse({
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'https://elsewhere/Q',
    status: 'completed',
    authored: 'yesterday',
    subject: { identifier: { system: 'x', value: '1' } }
  })
  assert.ok(!bad.ok)
  assert.deepEqual(bad.errors.map((e) => e.path).sort(), [
    'authored',
    'questionnaire',
    'subject.identifier.system',
    'subject.identifier.value'
  ])
  const wrongType = parseQuestionnaireResponse({
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'https://reach.example/fhir/Questionnaire/digital-inclusion-screen',
    status: 'completed',
    authored: '2026-03-02T10:00:00Z',
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: '9990000018' } },
    item: [{ linkId: 'access', item: [{ linkId: 'devices', answer: [{ valueString: 'phone' }] }] }]
  })
  assert.ok(!wrongType.ok)
  assert.deepEqual(wrongType.errors, [
    { path: 'item[0](linkId=access).item[0](linkId=devices).answer[0]', message: 'Expected valueCoding' }
  ])
})
