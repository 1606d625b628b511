import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseScreeningAnswers, type AnswerInput } from '../../../src/domain/screening/answers.js'
import { EHEALS_LINK_IDS, scoreEheals } from '../../../src/domain/screening/ehealth-literacy.js'

const online = {
  participation: 'agreed',
  devices: ['tablet'],
  internet: ['home-broadband']
} as const satisfies AnswerInput

function eheals(items: Record<string, string>, base: AnswerInput = online) {
  return scoreEheals(parseScreeningAnswers({ ...base, ...items }).answers)
}

const all = (code: string) => Object.fromEntries(EHEALS_LINK_IDS.map((id) => [id, code]))

describe('scoreEheals (Norman & Skinner 2006: sum of 8 items scored 1-5, range 8-40)', () => {
  it('scores the lowest and highest possible totals', () => {
    const low = eheals(all('strongly-disagree'))
    assert.equal(low.status, 'complete')
    assert.equal(low.status === 'complete' && low.score, 8)
    const high = eheals(all('strongly-agree'))
    assert.equal(high.status === 'complete' && high.score, 40)
  })

  it('sums mixed answers item by item', () => {
    const result = eheals({
      'eheals-1': 'strongly-disagree',
      'eheals-2': 'disagree',
      'eheals-3': 'undecided',
      'eheals-4': 'agree',
      'eheals-5': 'strongly-agree',
      'eheals-6': 'agree',
      'eheals-7': 'undecided',
      'eheals-8': 'disagree'
    })
    assert.equal(result.status, 'complete')
    if (result.status !== 'complete') return
    assert.equal(result.score, 1 + 2 + 3 + 4 + 5 + 4 + 3 + 2)
    assert.deepEqual([result.min, result.max], [8, 40])
    assert.equal(result.itemScores['eheals-5'], 5)
    assert.equal(result.key, 'screening.eheals.complete')
  })

  it('gives no score when any item is missing (no pro-rating)', () => {
    const { 'eheals-8': _last, ...seven } = all('agree')
    const result = eheals(seven)
    assert.deepEqual(result, {
      status: 'incomplete',
      key: 'screening.eheals.incomplete',
      answered: 7,
      missing: ['eheals-8']
    })
  })

  it('is not_asked when no item is answered', () => {
    assert.deepEqual(eheals({}), { status: 'not_asked', key: 'screening.eheals.not_asked' })
  })

  it('drops eHEALS answers from someone who cannot get online (the block is hidden)', () => {
    assert.equal(eheals(all('agree'), { ...online, internet: ['none'] }).status, 'not_asked')
  })
})
