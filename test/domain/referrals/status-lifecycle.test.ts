// Lifecycle examples from issue 7: suggested → referred → accepted → attended → outcome;
// declined, did not attend and not eligible may be recorded from referred or accepted.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { allowedSteps, parseStep, stepValue, transition } from '../../../src/domain/referrals/status-lifecycle.js'

describe('referral lifecycle', () => {
  test('the happy path', () => {
    assert.deepEqual(transition('suggested', { to: 'referred' }), { ok: true, status: 'referred', outcome: null })
    assert.deepEqual(transition('referred', { to: 'accepted' }), { ok: true, status: 'accepted', outcome: null })
    assert.deepEqual(transition('accepted', { to: 'attended' }), { ok: true, status: 'attended', outcome: null })
    assert.deepEqual(transition('attended', { to: 'outcome', outcome: 'device_provided' }), {
      ok: true,
      status: 'outcome',
      outcome: 'device_provided'
    })
  })

  test('early outcomes from referred or accepted', () => {
    for (const from of ['referred', 'accepted'] as const)
      for (const outcome of ['declined', 'did_not_attend', 'not_eligible'] as const) {
        assert.equal(transition(from, { to: 'outcome', outcome }).ok, true)
      }
  })

  test('invalid transitions are refused with a clear message', () => {
    assert.deepEqual(transition('referred', { to: 'attended' }), {
      ok: false,
      message: 'A referral that is referred cannot be marked as attended'
    })
    assert.deepEqual(transition('referred', { to: 'outcome', outcome: 'skills_gained' }), {
      ok: false,
      message: 'Skills gained can only be recorded after the patient has attended'
    })
    assert.deepEqual(transition('suggested', { to: 'outcome', outcome: 'declined' }), {
      ok: false,
      message: 'Refer the patient before recording an outcome'
    })
    assert.equal(transition('outcome', { to: 'accepted' }).ok, false)
    assert.equal(transition('accepted', { to: 'referred' }).ok, false)
  })

  test('allowed steps round-trip through form values', () => {
    const steps = allowedSteps('accepted')
    assert.deepEqual(steps.map(stepValue), [
      'attended',
      'outcome:declined',
      'outcome:did_not_attend',
      'outcome:not_eligible'
    ])
    assert.deepEqual(parseStep('outcome:declined'), { to: 'outcome', outcome: 'declined' })
    assert.equal(parseStep('outcome:lost'), null)
    assert.equal(parseStep('suggested'), null)
    assert.deepEqual(allowedSteps('outcome'), [])
  })
})
