import { test } from 'node:test'
import assert from 'node:assert/strict'
import { exactSum, preciseMean } from '../../../../src/domain/qi/spc/precise-mean.js'
import { xmrLimits, TWO_SIGMA_MULTIPLIER } from '../../../../src/domain/qi/spc/xmr-limits.js'

// set.seed(123); rnorm(20) in R, printed with sprintf("%.17g"): the data of
// NHSRplotthedots tests/testthat/test-ptd_spc_standard.R and test-ptd_spc.R
const SEED_123 = [
  -0.5604756465522126, -0.23017748948327996, 1.558708314149124, 0.070508391424576003, 0.12928773516094624,
  1.715064986883281, 0.4609162059892023, -1.265061234606534, -0.68685285189352607, -0.44566197009995806,
  1.2240817974394615, 0.35981382705736381, 0.40077145059405217, 0.11068271594511971, -0.55584113475407493,
  1.7869131368030782, 0.49785047822923939, -1.9666171566296382, 0.70135590156368555, -0.47279140772793404
]

const close = (actual: number | null, expected: number, digits: number): void => {
  assert.ok(actual !== null, 'expected a number')
  assert.ok(
    Math.abs(actual - expected) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(expected)),
    `${actual} ≉ ${expected}`
  )
}

test('preciseMean is the correctly rounded mean, as R gives (mean(c(0.1, 0.2, 0.3)) is exactly 0.2)', () => {
  assert.equal(preciseMean([0.1, 0.2, 0.3]), 0.2)
  assert.notEqual((0.1 + 0.2 + 0.3) / 3, 0.2)
  assert.ok(Number.isNaN(preciseMean([])))
  assert.equal(exactSum([1e16, 1, -1e16]), 1)
  assert.equal(exactSum([]), 0)
})

test('limits of the seed-123 series match the snapshot of ptd_spc_standard (tests/testthat/_snaps/ptd_spc_standard.md, r1)', () => {
  const limits = xmrLimits(SEED_123)
  close(limits.mean, 0.1416238, 7)
  close(limits.lpl, -3.01138, 5)
  close(limits.upl, 3.294627, 6)
  // exact values from the reference code run on the same data
  assert.equal(limits.mean, 0.1416238024745986)
  assert.equal(limits.lpl, -3.0113795957080995)
  assert.equal(limits.upl, 3.2946272006572963)
})

test('an outlying moving range is screened out by default and kept when screening is off (snapshot r2 and r3)', () => {
  const values = [...SEED_123]
  values[14] = 10
  const screened = xmrLimits(values)
  close(screened.mean, 0.6694159, 7)
  close(screened.lpl, -2.383666, 6)
  close(screened.upl, 3.722497, 6)
  assert.deepEqual(
    screened.excluded.map((x, i) => (x ? i : -1)).filter((i) => i >= 0),
    [14, 15]
  )
  const unscreened = xmrLimits(values, { screenOutliers: false })
  close(unscreened.lpl, -4.596625, 6)
  close(unscreened.upl, 5.935457, 6)
  assert.ok(unscreened.excluded.every((x) => !x))
  assert.ok((unscreened.upl ?? 0) - (unscreened.lpl ?? 0) > (screened.upl ?? 0) - (screened.lpl ?? 0))
})

test('the deviations vignette example: UPL 4.6, mean 1.94, LPL −0.72 screened; 6.95 and −3.06 not (vignettes/deviations.Rmd)', () => {
  const data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
  const screened = xmrLimits(data)
  assert.equal(screened.mean, 1.9444444444444444)
  assert.equal(screened.meanMovingRange, 1) // moving ranges 8 and 9 dropped, leaving fifteen 1s
  assert.equal(screened.upl, 4.604444444444445)
  assert.equal(screened.lpl, -0.7155555555555557)
  const excel = xmrLimits(data, { screenOutliers: false })
  assert.equal(excel.meanMovingRange, 32 / 17)
  close(excel.upl, 6.95, 2)
  close(excel.lpl, -3.06, 2)
})

test('a moving range exactly 3.267 × the mean moving range is screened out (the reference keeps mr < 3.267 × amr)', () => {
  // moving ranges 733, 733, 733, 9801: mean 3000, and 3.267 × 3000 = 9801 exactly
  const limits = xmrLimits([0, 733, 0, 733, 10534])
  assert.deepEqual(limits.excluded, [false, false, false, false, true])
  assert.equal(limits.meanMovingRange, 733)
  assert.equal(limits.mean, 2400)
  assert.equal(limits.lpl, 450.2199999999998)
  assert.equal(limits.upl, 4349.780000000001)
})

test('screening is done once, not repeated until no outlier is left', () => {
  // after dropping the 100, the 10 would be an outlier of what is left, but it stays
  const limits = xmrLimits([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 11, 1, 0, 1, 0, 1, 0, 1, 0, 100])
  const kept = limits.movingRanges.filter((r, i) => r !== null && !limits.excluded[i])
  assert.ok(kept.includes(10))
  assert.ok(!kept.includes(100))
  assert.equal(limits.meanMovingRange, 2)
})

test('a constant series has no limits with screening (every moving range is 0, and 0 < 0 is false)', () => {
  const screened = xmrLimits([5, 5, 5, 5])
  assert.equal(screened.mean, 5)
  assert.equal(screened.meanMovingRange, null)
  assert.equal(screened.lpl, null)
  assert.equal(screened.upl, null)
  const unscreened = xmrLimits([5, 5, 5, 5], { screenOutliers: false })
  assert.equal(unscreened.lpl, 5)
  assert.equal(unscreened.upl, 5)
})

test('one point: the mean is the point and there are no limits', () => {
  const limits = xmrLimits([3])
  assert.equal(limits.mean, 3)
  assert.deepEqual(limits.movingRanges, [null])
  assert.equal(limits.lpl, null)
})

test('fixing after N points: the mean and moving ranges come from the first N points only', () => {
  const fixed = xmrLimits(SEED_123, { fixAfterNPoints: 12 })
  const firstTwelve = xmrLimits(SEED_123.slice(0, 12))
  assert.equal(fixed.mean, firstTwelve.mean)
  assert.equal(fixed.lpl, firstTwelve.lpl)
  assert.equal(fixed.upl, firstTwelve.upl)
  assert.equal(fixed.mean, 0.19417933878903704)
  assert.equal(fixed.upl, 2.995758492375823)
  assert.notEqual(fixed.lpl, xmrLimits(SEED_123).lpl)
  assert.ok(fixed.movingRanges.slice(12).every((r) => r === null))
})

test('the 2σ lines sit 2 × 2.66 / 3 mean moving ranges from the mean', () => {
  const limits = xmrLimits([1, 3, 1, 3])
  assert.equal(limits.meanMovingRange, 2)
  assert.equal(limits.upperTwoSigma, 2 + TWO_SIGMA_MULTIPLIER * 2)
  assert.equal(limits.lowerOneSigma, 2 - (2.66 / 3) * 2)
})
