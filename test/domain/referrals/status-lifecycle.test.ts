// Lifecycle examples (issues 7 and 12): suggested → referred → accepted → attended → outcome; declined,
// did not attend and not eligible from referred or accepted; after attending only what makes sense after
// attending; several positive outcomes, each once; a closing outcome ends the referral. `transition`
// allows exactly what `allowedSteps` offers.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  OUTCOMES,
  STATUSES,
  allowedSteps,
  parseStep,
  recordedOutcomes,
  stepValue,
  transition,
  type Outcome,
  type Status,
  type Step
} from '../../../src/domain/referrals/status-lifecycle.js'
import { NOTE_MAX_LENGTH, checkNote } from '../../../src/domain/referrals/notes.js'

const values = (from: Status, recorded: Outcome[] = []) => allowedSteps(from, recorded).map(stepValue)

describe('referral lifecycle', () => {
  test('the happy path', () => {
    assert.deepEqual(transition('suggested', { to: 'referred' }), {
      ok: true,
      status: 'referred',
      outcome: null,
      added: false
    })
    assert.deepEqual(transition('referred', { to: 'accepted' }), {
      ok: true,
      status: 'accepted',
      outcome: null,
      added: false
    })
    assert.deepEqual(transition('accepted', { to: 'attended' }), {
      ok: true,
      status: 'attended',
      outcome: null,
      added: false
    })
    assert.deepEqual(transition('attended', { to: 'outcome', outcome: 'device_provided' }), {
      ok: true,
      status: 'outcome',
      outcome: 'device_provided',
      added: false
    })
  })

  test('early outcomes from referred or accepted', () => {
    for (const from of ['referred', 'accepted'] as const)
      for (const outcome of ['declined', 'did_not_attend', 'not_eligible'] as const) {
        assert.equal(transition(from, { to: 'outcome', outcome }).ok, true)
      }
  })

  test('after attending: never did not attend or declined', () => {
    assert.deepEqual(values('attended'), [
      'outcome:device_provided',
      'outcome:connectivity_provided',
      'outcome:skills_gained',
      'outcome:no_change',
      'outcome:not_eligible'
    ])
    assert.deepEqual(transition('attended', { to: 'outcome', outcome: 'did_not_attend' }), {
      ok: false,
      message: 'Did not attend cannot be recorded: the patient has attended'
    })
    assert.deepEqual(transition('attended', { to: 'outcome', outcome: 'declined' }), {
      ok: false,
      message: 'Declined cannot be recorded: the patient has attended'
    })
  })

  test('several positive outcomes, each once', () => {
    // a device at the first session, skills gained later
    assert.deepEqual(values('outcome', ['device_provided']), ['outcome:connectivity_provided', 'outcome:skills_gained'])
    assert.deepEqual(transition('outcome', { to: 'outcome', outcome: 'skills_gained' }, ['device_provided']), {
      ok: true,
      status: 'outcome',
      outcome: 'skills_gained',
      added: true
    })
    assert.deepEqual(transition('outcome', { to: 'outcome', outcome: 'device_provided' }, ['device_provided']), {
      ok: false,
      message: 'Device provided is already recorded for this referral'
    })
    assert.deepEqual(values('outcome', ['device_provided', 'connectivity_provided', 'skills_gained']), [])
    // a closing outcome cannot follow a positive one
    assert.deepEqual(transition('outcome', { to: 'outcome', outcome: 'did_not_attend' }, ['device_provided']), {
      ok: false,
      message: 'Did not attend cannot be recorded after a positive outcome. Add a note instead'
    })
  })

  test('a closing outcome ends the referral', () => {
    for (const closing of ['no_change', 'declined', 'did_not_attend', 'not_eligible'] as const) {
      assert.deepEqual(values('outcome', [closing]), [])
      const refused = transition('outcome', { to: 'outcome', outcome: 'skills_gained' }, [closing])
      assert.equal(refused.ok, false)
      assert.match(
        refused.ok ? '' : refused.message,
        /This referral is closed \(.+\)\. No more outcomes can be recorded/
      )
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
    assert.deepEqual(transition('accepted', { to: 'outcome', outcome: 'no_change' }), {
      ok: false,
      message: 'No change can only be recorded after the patient has attended'
    })
    assert.deepEqual(transition('suggested', { to: 'outcome', outcome: 'declined' }), {
      ok: false,
      message: 'Refer the patient before recording an outcome'
    })
    assert.deepEqual(transition('outcome', { to: 'accepted' }, ['skills_gained']), {
      ok: false,
      message: 'This referral already has an outcome. Its status cannot change'
    })
    assert.equal(transition('accepted', { to: 'referred' }).ok, false)
  })

  test('one source of truth: transition allows exactly the steps allowedSteps offers, from every state', () => {
    const everyStep: Step[] = [
      { to: 'referred' },
      { to: 'accepted' },
      { to: 'attended' },
      ...OUTCOMES.map((outcome): Step => ({ to: 'outcome', outcome }))
    ]
    const histories: Outcome[][] = [[], ...OUTCOMES.map((o) => [o]), ['device_provided', 'skills_gained']]
    for (const from of STATUSES)
      for (const recorded of histories) {
        const offered = new Set(values(from, recorded))
        for (const step of everyStep)
          assert.equal(
            transition(from, step, recorded).ok,
            offered.has(stepValue(step)),
            `${from} [${recorded.join(', ')}] → ${stepValue(step)}`
          )
      }
  })

  test('allowed steps round-trip through form values', () => {
    assert.deepEqual(values('accepted'), [
      'attended',
      'outcome:declined',
      'outcome:did_not_attend',
      'outcome:not_eligible'
    ])
    assert.deepEqual(parseStep('outcome:declined'), { to: 'outcome', outcome: 'declined' })
    assert.deepEqual(parseStep('outcome:no_change'), { to: 'outcome', outcome: 'no_change' })
    assert.equal(parseStep('outcome:lost'), null)
    assert.equal(parseStep('suggested'), null)
    assert.deepEqual(values('outcome', ['declined']), [])
  })

  test('recorded outcomes: first first, no repeats, unknown values dropped', () => {
    assert.deepEqual(recordedOutcomes(['device_provided', null, 'skills_gained', 'device_provided', 'lost']), [
      'device_provided',
      'skills_gained'
    ])
  })
})

describe('referral notes', () => {
  test('a note is trimmed, line endings kept as line feeds', () => {
    assert.deepEqual(checkNote('  Phoned twice,\r\nno answer.\t(left a message)  ', { required: true }), {
      ok: true,
      note: 'Phoned twice,\nno answer.\t(left a message)'
    })
  })

  test('empty: refused when required, nothing when optional', () => {
    assert.deepEqual(checkNote('   ', { required: true }), { ok: false, message: 'Enter a note' })
    assert.deepEqual(checkNote('', { required: false }), { ok: true, note: null })
  })

  test('at most 1,000 characters, a line break counting as one', () => {
    assert.equal(NOTE_MAX_LENGTH, 1000)
    assert.equal(checkNote('a'.repeat(999) + '\r\n', { required: true }).ok, true)
    assert.equal(checkNote('a'.repeat(500) + '\r\n' + 'b'.repeat(499), { required: true }).ok, true)
    assert.deepEqual(checkNote('a'.repeat(1001), { required: true }), {
      ok: false,
      message: 'The note must be 1,000 characters or fewer (it has 1,001)'
    })
  })

  test('control characters are refused', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'])
      assert.deepEqual(checkNote(`before${c}after`, { required: true }), {
        ok: false,
        message: 'The note must not contain control characters'
      })
  })
})
