import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  compareIntervals,
  compareWithBenchmark,
  judgeComparison
} from '../../../../src/domain/area/inequalities/interval-overlap.js'

describe('compareWithBenchmark (Fingertips comparison with the benchmark value)', () => {
  it('is higher or lower only when the interval excludes the benchmark', () => {
    assert.equal(compareWithBenchmark({ value: 12, lower: 10.5, upper: 13.6 }, 10), 'higher')
    assert.equal(compareWithBenchmark({ value: 8, lower: 6.1, upper: 9.9 }, 10), 'lower')
    assert.equal(compareWithBenchmark({ value: 11, lower: 9.5, upper: 12.5 }, 10), 'similar')
  })
  it('treats an interval that touches the benchmark as similar', () => {
    assert.equal(compareWithBenchmark({ value: 12, lower: 10, upper: 14 }, 10), 'similar')
    assert.equal(compareWithBenchmark({ value: 8, lower: 6, upper: 10 }, 10), 'similar')
  })
  it('does not compare suppressed or missing values', () => {
    assert.equal(compareWithBenchmark({ value: null, lower: null, upper: null }, 10), 'not-compared')
    assert.equal(compareWithBenchmark({ value: 12, lower: null, upper: 13 }, 10), 'not-compared')
    assert.equal(compareWithBenchmark({ value: 12, lower: 11, upper: 13 }, null), 'not-compared')
    assert.equal(compareWithBenchmark({ value: 12, lower: Number.NaN, upper: 13 }, 10), 'not-compared')
  })
})

describe('compareIntervals', () => {
  it('calls overlapping intervals similar', () => {
    assert.equal(compareIntervals({ value: 5, lower: 4, upper: 6 }, { value: 7, lower: 6, upper: 8 }), 'similar')
    assert.equal(compareIntervals({ value: 9, lower: 8.5, upper: 9.5 }, { value: 7, lower: 6, upper: 8 }), 'higher')
    assert.equal(compareIntervals({ value: 3, lower: 2, upper: 3.9 }, { value: 7, lower: 6, upper: 8 }), 'lower')
    assert.equal(
      compareIntervals({ value: 3, lower: 2, upper: 3.9 }, { value: null, lower: 6, upper: 8 }),
      'not-compared'
    )
  })
})

describe('judgeComparison', () => {
  it('maps higher and lower to better and worse by polarity', () => {
    assert.equal(judgeComparison('higher', 'high-is-good'), 'better')
    assert.equal(judgeComparison('lower', 'high-is-good'), 'worse')
    assert.equal(judgeComparison('higher', 'low-is-good'), 'worse')
    assert.equal(judgeComparison('lower', 'low-is-good'), 'better')
    assert.equal(judgeComparison('higher', 'no-judgement'), 'higher')
    assert.equal(judgeComparison('similar', 'high-is-good'), 'similar')
    assert.equal(judgeComparison('not-compared', 'low-is-good'), 'not-compared')
  })
})
