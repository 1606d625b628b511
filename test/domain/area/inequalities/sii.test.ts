import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  relativeRanks,
  slopeIndexOfInequality,
  type SiiQuantile
} from '../../../../src/domain/area/inequalities/sii.js'

function assertClose(actual: number, expected: number, relative = 1e-12, message?: string): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE)
  assert.ok(Math.abs(actual - expected) <= relative * scale, `${message ?? ''} expected ${expected}, got ${actual}`)
}

function quantiles(populations: readonly number[], values: readonly number[]): SiiQuantile[] {
  return populations.map((population, i) => ({ quantile: i + 1, population, value: values[i] ?? 0 }))
}

// The example data in the phe_sii documentation (R/phe_sii.R): two areas, deciles 1 (most deprived) to 10.
const area1 = quantiles(
  [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534],
  [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3]
)
const area2Populations = [21675, 20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312]
const area2 = quantiles(area2Populations, [70.5, 71.6, 72.5, 73.5, 73.1, 76.2, 78.7, 80.6, 80.9, 80])

// References: lm(sqrt(a) y ~ sqrt(a) + sqrt(a) b - 1) solved in 50-digit arithmetic (mpmath), then the
// back-transformations of phe_sii.

describe('relativeRanks (FindXValues)', () => {
  it('gives the midpoint of each quantile in the cumulative population, as the phe_sii help describes', () => {
    // "If quantile 1 contains 12 percent of the total population its relative rank is 0.06;
    //  if quantile 2 includes 10 percent, its relative rank is 0.12 + 0.10/2 = 0.17"
    const ranks = relativeRanks([12, 10, 78])
    assertClose(ranks[0] ?? 0, 0.06, 1e-15)
    assertClose(ranks[1] ?? 0, 0.17, 1e-15)
    assertClose(ranks[2] ?? 0, 0.61, 1e-15)
  })
})

describe('slopeIndexOfInequality (phe_sii point values)', () => {
  it('reproduces the documentation example without a transform', () => {
    const r1 = slopeIndexOfInequality(area1)
    assertClose(r1.sii, 7.0002347600798845, 1e-12)
    assertClose(r1.rii, 1.0897097049119412, 1e-13)
    assertClose(r1.intercept, 78.032078769529955, 1e-13)
    const r2 = slopeIndexOfInequality(area2)
    assertClose(r2.sii, 12.622738563631686, 1e-12)
    assertClose(r2.rii, 1.1820343480014966, 1e-13)
    assertClose(r2.intercept, 69.342619688059704, 1e-13)
  })

  it('gives a positive SII when the value rises from most to least deprived', () => {
    assert.ok(slopeIndexOfInequality(area2).sii > 0)
    const falling = quantiles([100, 100, 100, 100, 100], [10, 8, 6, 4, 2])
    const r = slopeIndexOfInequality(falling)
    assertClose(r.sii, -10, 1e-13)
    assertClose(r.intercept, 11, 1e-13)
    assertClose(r.rii, 1 / 11, 1e-13)
  })

  it('sorts by quantile before fitting', () => {
    const shuffled = [...area1].reverse()
    assert.deepEqual(slopeIndexOfInequality(shuffled), slopeIndexOfInequality(area1))
  })

  it('multiplies the SII only, and inverts the RII for a negative multiplier, without a transform', () => {
    const r = slopeIndexOfInequality(area1, { multiplier: -1 })
    assertClose(r.sii, -7.0002347600798845, 1e-12)
    assertClose(r.rii, 0.91767559331850624, 1e-13)
    assertClose(r.intercept, 78.032078769529955, 1e-13)
  })

  it('back-transforms a log fit (rates)', () => {
    const r = slopeIndexOfInequality(area2, { transform: 'log' })
    assertClose(r.sii, 12.607730758205861, 1e-12)
    assertClose(r.rii, 1.1813561746996113, 1e-13)
    assertClose(r.intercept, 69.519170103188561, 1e-13)
    const scaled = slopeIndexOfInequality(area2, { transform: 'log', multiplier: -100 })
    assertClose(scaled.sii, -1260.7730758205861, 1e-12)
    assertClose(scaled.rii, 0.84648476168017189, 1e-13)
    assertClose(scaled.intercept, 6951.9170103188561, 1e-13)
  })

  it('back-transforms a logit fit (proportions on a 0-1 scale)', () => {
    const proportions = quantiles(area2Populations, [0.32, 0.29, 0.27, 0.25, 0.22, 0.2, 0.18, 0.15, 0.13, 0.1])
    const logit = slopeIndexOfInequality(proportions, { transform: 'logit', multiplier: 100 })
    assertClose(logit.sii, -24.375176498754189, 1e-12)
    assertClose(logit.rii, 0.3076559003397872, 1e-13)
    assertClose(logit.intercept, 35.206736810087625, 1e-13)
    const none = slopeIndexOfInequality(proportions, { multiplier: 100 })
    assertClose(none.sii, -23.585739872972978, 1e-12)
    assertClose(none.rii, 0.28782949777384898, 1e-12)
    assertClose(none.intercept, 0.33118108373271663, 1e-13)
  })

  it('works for quintiles', () => {
    const r = slopeIndexOfInequality(quantiles([1000, 1200, 900, 1100, 800], [12.5, 11, 9.8, 9.1, 7.4]))
    assertClose(r.sii, -5.8213032581453633, 1e-12)
    assertClose(r.rii, 0.55222988629835406, 1e-12)
    assertClose(r.intercept, 13.000651629072682, 1e-13)
  })

  it('rejects what phe_sii rejects', () => {
    assert.throws(() => slopeIndexOfInequality(area1.slice(0, 4)), /between 5 and 100/)
    assert.throws(
      () => slopeIndexOfInequality([...area1.slice(0, 9), { quantile: 1, population: 10, value: 1 }]),
      /more than once/
    )
    assert.throws(
      () => slopeIndexOfInequality(area1.map((q, i) => (i === 3 ? { ...q, population: 0 } : q))),
      /population/
    )
    assert.throws(
      () =>
        slopeIndexOfInequality(
          area1.map((q, i) => (i === 3 ? { ...q, value: 0 } : q)),
          { transform: 'log' }
        ),
      /log/
    )
    assert.throws(() => slopeIndexOfInequality(area1, { transform: 'logit' }), /logit/)
  })
})
