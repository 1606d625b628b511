// A count measure's periods with nothing counted are zero, not gaps (a month without a referral made zero
// referrals); a percentage or median of nothing stays a gap. Worked examples.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { fillCountGaps, nextPeriodStart } from '../../../../src/domain/qi/measures/index.js'

const count = (periodStart: string, n: number) => ({ periodStart, numerator: n, denominator: null, value: n })

describe('count measures plot empty periods as zero', () => {
  it('steps by month and by week (Mondays), across the end of a year', () => {
    assert.equal(nextPeriodStart('2025-12-01', 'monthly'), '2026-01-01')
    assert.equal(nextPeriodStart('2026-01-31', 'monthly'), '2026-02-01')
    assert.equal(nextPeriodStart('2025-12-29', 'weekly'), '2026-01-05')
  })

  it('fills the months between the first and last count with zeros', () => {
    assert.deepEqual(fillCountGaps([count('2026-01-01', 2), count('2026-04-01', 1)], 'monthly'), [
      count('2026-01-01', 2),
      count('2026-02-01', 0),
      count('2026-03-01', 0),
      count('2026-04-01', 1)
    ])
  })

  it('and on to the last complete period, never into the current one', () => {
    assert.deepEqual(
      fillCountGaps([count('2026-01-05', 3)], 'weekly', '2026-01-26').map((r) => [r.periodStart, r.value]),
      [
        ['2026-01-05', 3],
        ['2026-01-12', 0],
        ['2026-01-19', 0]
      ]
    )
  })

  it('says nothing where nothing was ever counted', () => {
    assert.deepEqual(fillCountGaps([], 'monthly', '2026-06-01'), [])
  })
})
