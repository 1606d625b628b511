import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parseScreeningAnswers, type AnswerInput } from '../../../src/domain/screening/answers.js'
import { applyRecordUpdates, recordDifferences } from '../../../src/domain/screening/record-updates.js'
import { confident } from './fixtures.js'
import { buildCommunicationPlan } from '../../../src/domain/screening/communication-plan.js'

const record = { communicationNeeds: ['large_print', 'carer_present'], mainLanguage: 'en', interpreterNeeded: false }
const diff = (input: AnswerInput, r = record) => recordDifferences(parseScreeningAnswers(input).answers, r)

describe('recordDifferences', () => {
  test('the same as the record: nothing to change', () => {
    assert.deepEqual(diff({ ...confident, 'communication-needs': ['large-print'] }), { updates: [], conflicts: [] })
  })

  test('language, interpreter and a BSL interpreter need', () => {
    const d = diff({ ...confident, 'main-language': 'bfi', 'reads-english': 'well', interpreter: ['bsl'] })
    assert.deepEqual(d.updates, [
      { field: 'mainLanguage', from: 'en', to: 'bfi' },
      { field: 'interpreterNeeded', from: false, to: true },
      {
        field: 'communicationNeeds',
        from: ['large_print', 'carer_present'],
        to: ['large_print', 'carer_present', 'bsl_interpreter'],
        added: ['bsl_interpreter']
      }
    ])
  })

  test('"none of these formats" against large print on the record is a conflict, never a removal', () => {
    const d = diff(confident)
    assert.deepEqual(d.updates, [])
    assert.deepEqual(d.conflicts, [{ field: 'communicationNeeds', notMentioned: ['large_print'] }])
  })

  test('a declined screening says nothing about the record; "another language" is not written over a known one', () => {
    assert.deepEqual(diff({ participation: 'declined' }), { updates: [], conflicts: [] })
    assert.deepEqual(diff({ ...confident, 'main-language': 'other', 'reads-english': 'well' }).updates, [])
  })

  test('applyRecordUpdates gives the record the updates describe', () => {
    const d = diff({ ...confident, 'main-language': 'tr', 'reads-english': 'a-little', interpreter: ['spoken'] })
    assert.deepEqual(applyRecordUpdates(record, d.updates), {
      communicationNeeds: ['large_print', 'carer_present'],
      mainLanguage: 'tr',
      interpreterNeeded: true
    })
  })

  test("contact preferences: the patient's new choices are an update for a record that holds them; the plan falls back to the record", () => {
    const withPrefs = { ...record, contactPreferences: ['letter'] }
    const said = parseScreeningAnswers({ ...confident, 'contact-preference': ['sms', 'nhs-app'] }).answers
    const d = recordDifferences(said, withPrefs)
    assert.deepEqual(
      d.updates.filter((u) => u.field === 'contactPreferences'),
      [{ field: 'contactPreferences', from: ['letter'], to: ['sms', 'nhs_app'] }]
    )
    assert.deepEqual(applyRecordUpdates(withPrefs, d.updates).contactPreferences, ['sms', 'nhs_app'])
    // the same choices again: nothing to update
    assert.deepEqual(
      recordDifferences(said, { ...record, contactPreferences: ['sms', 'nhs_app'] }).updates.filter(
        (u) => u.field === 'contactPreferences'
      ),
      []
    )
    // a screening that did not ask uses what the record holds, first
    const plan = buildCommunicationPlan(parseScreeningAnswers(confident).answers, {
      ...record,
      contactPreferences: ['letter']
    })
    assert.deepEqual(plan.preferred, ['letter'])
    assert.equal(plan.routes[0]?.preferred, true)
  })
})
