// End-to-end examples of computeSpc. Expected values come from NHSRplotthedots' tests and vignettes
// (cited on each test) or, where marked, from running the reference R code on the same data.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { computeSpc, SpcInputError } from '../../../../src/domain/qi/spc/compute-spc.js'
import type { ImprovementDirection, PointType, SpcInputPoint } from '../../../../src/domain/qi/spc/types.js'

/** Consecutive daily dates from `start`, as the reference tests build them (as.Date(...) + 1:n). */
function dated(values: readonly number[], start = '2020-01-02'): SpcInputPoint[] {
  const first = Date.parse(`${start}T00:00:00Z`)
  return values.map((value, i) => ({ date: new Date(first + i * 86_400_000).toISOString().slice(0, 10), value }))
}

const types = (values: readonly number[], improvementDirection: ImprovementDirection = 'increase'): PointType[] =>
  computeSpc(dated(values), { improvementDirection }).points.map((p) => p.pointType)

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value)

// set.seed(123); rnorm(24) in R (sprintf("%.17g")): test-geom_ptd_icon.R, test-ptd_spc.R
const RNORM_24 = [
  -0.5604756465522126, -0.23017748948327996, 1.558708314149124, 0.070508391424576003, 0.12928773516094624,
  1.715064986883281, 0.4609162059892023, -1.265061234606534, -0.68685285189352607, -0.44566197009995806,
  1.2240817974394615, 0.35981382705736381, 0.40077145059405217, 0.11068271594511971, -0.55584113475407493,
  1.7869131368030782, 0.49785047822923939, -1.9666171566296382, 0.70135590156368555, -0.47279140772793404,
  -1.0678237059868452, -0.21797491465829513, -1.0260044483072397, -0.72889122929114025
]
const SEED_123 = RNORM_24.slice(0, 20)
// the next draws in the same stream: rnorm(12, 5), then rnorm(12, -5)
const HIGH_12 = [
  4.3749607321507433, 3.3133066892575869, 5.837787044494525, 5.153373117836515, 3.8618630629880526, 6.2538149210699263,
  5.426464221476814, 4.7049285170077288, 5.8951256610450224, 5.8781334875330424, 5.8215810816374871, 5.6886402541000907
]
const LOW_12 = [
  -4.4460823464624113, -5.0619117105767213, -5.3059626637399164, -5.3804710010123831, -5.6947069789205127,
  -5.2079172780195986, -6.2653963515682642, -2.8310440346614874, -3.7920380016950093, -6.1231085832033489,
  -5.4028848352990764, -5.466655353623219
]

test('the deviations vignette: one outlier is improvement, the rest common cause (vignettes/deviations.Rmd)', () => {
  const data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
  const result = computeSpc(dated(data, '2021-03-22'))
  assert.deepEqual(
    result.points.map((p) => p.pointType),
    data.map((v) => (v === 10 ? 'special_cause_improvement' : 'common_cause'))
  )
  assert.equal(result.points[4]?.specialCauseType, 'above_upper_limit')
  assert.equal(result.points[0]?.upl, 4.604444444444445)
  assert.equal(result.variation, 'common_cause')
  assert.equal(result.assurance, 'none')
  // the Excel tools' way: same point types, wider limits
  const excel = computeSpc(dated(data, '2021-03-22'), { screenOutliers: false })
  assert.equal(Math.round((excel.points[0]?.upl ?? 0) * 100) / 100, 6.95)
  assert.equal(excel.points[4]?.pointType, 'special_cause_improvement')
})

test('two points close to the limits on opposite sides of the mean are common cause (test-ptd_spc_standard.R)', () => {
  const data = [...repeat([1, -1], 7).flat(), 5.5, -5.5]
  const result = computeSpc(dated(data))
  assert.deepEqual(
    result.points.slice(-2).map((p) => p.pointType),
    ['common_cause', 'common_cause']
  )
  assert.equal(result.points[14]?.closeToLimits, true)
})

test('icons from test-geom_ptd_icon.R ("ptd_get_icons transforms the data correctly")', () => {
  const noShift = dated(RNORM_24)
  assert.equal(computeSpc(noShift).variation, 'common_cause')
  assert.equal(computeSpc(noShift).assurance, 'none')
  assert.equal(computeSpc(noShift, { target: 0.5 }).assurance, 'inconsistent')

  const up = dated([...RNORM_24.slice(0, 12), ...HIGH_12])
  const s5 = computeSpc(up, { target: -3 })
  assert.deepEqual([s5.variation, s5.assurance], ['improvement_high', 'pass'])
  const s6 = computeSpc(up, { target: -3, improvementDirection: 'decrease' })
  assert.deepEqual([s6.variation, s6.assurance], ['concern_high', 'fail'])

  const down = dated([...RNORM_24.slice(0, 12), ...LOW_12])
  const s7 = computeSpc(down, { target: 3 })
  assert.deepEqual([s7.variation, s7.assurance], ['concern_low', 'fail'])
  const s8 = computeSpc(down, { target: 3, improvementDirection: 'decrease' })
  assert.deepEqual([s8.variation, s8.assurance], ['improvement_low', 'pass'])
  const s9 = computeSpc(down, { target: 3, improvementDirection: 'neutral' })
  assert.deepEqual([s9.variation, s9.assurance], ['neutral_low', 'none'])
})

test('a shift of 12 points each side: every point is special cause (reference R code on the icons data)', () => {
  const up = [...RNORM_24.slice(0, 12), ...HIGH_12]
  assert.deepEqual(types(up, 'increase'), [
    ...repeat('special_cause_concern', 12),
    ...repeat('special_cause_improvement', 12)
  ])
  assert.deepEqual(types(up, 'decrease'), [
    ...repeat('special_cause_improvement', 12),
    ...repeat('special_cause_concern', 12)
  ])
  assert.deepEqual(types(up, 'neutral'), [
    ...repeat('special_cause_neutral_low', 12),
    ...repeat('special_cause_neutral_high', 12)
  ])
})

test('seven or more points above the mean: run_above, coloured by direction (reference R code)', () => {
  const data = [...repeat([9, 11], 6).flat(), 10.8, 10.9, 10.7, 10.8, 10.9, 10.7, 10.8, 10.9]
  // the mean is 10.325, so the last baseline point (11) starts the run of 9
  const expected = (t: PointType): PointType[] => [...repeat<PointType>('common_cause', 11), ...repeat(t, 9)]
  assert.deepEqual(types(data, 'increase'), expected('special_cause_improvement'))
  assert.deepEqual(types(data, 'decrease'), expected('special_cause_concern'))
  assert.deepEqual(types(data, 'neutral'), expected('special_cause_neutral_high'))
  const result = computeSpc(dated(data))
  assert.equal(result.points[19]?.specialCauseType, 'run_above')
  assert.equal(result.variation, 'improvement_high')
  assert.equal(computeSpc(dated(data), { improvementDirection: 'decrease' }).variation, 'concern_high')
})

test('seven points below the mean: run_below (reference R code)', () => {
  const data = [...repeat([9, 11], 6).flat(), 9.2, 9.1, 9.3, 9.2, 9.1, 9.3, 9.2]
  const expected = (t: PointType): PointType[] => [...repeat<PointType>('common_cause', 12), ...repeat(t, 7)]
  assert.deepEqual(types(data, 'increase'), expected('special_cause_concern'))
  assert.deepEqual(types(data, 'decrease'), expected('special_cause_improvement'))
  assert.deepEqual(types(data, 'neutral'), expected('special_cause_neutral_low'))
  assert.equal(computeSpc(dated(data)).variation, 'concern_low')
  assert.equal(computeSpc(dated(data), { improvementDirection: 'decrease' }).variation, 'improvement_low')
})

test('a trend of 7 rising points, and a tie that breaks a trend (reference R code)', () => {
  const data = [10, 12, 9, 11, 10, 8, 12, 10, 9, 11, 7, 8, 9, 10, 11, 12, 13, 10]
  const expected = (t: PointType): PointType[] => [
    ...repeat<PointType>('common_cause', 10),
    ...repeat(t, 7),
    'common_cause'
  ]
  assert.deepEqual(types(data, 'increase'), expected('special_cause_improvement'))
  assert.deepEqual(types(data, 'decrease'), expected('special_cause_concern'))
  assert.deepEqual(types(data, 'neutral'), expected('special_cause_neutral_high'))
  assert.equal(computeSpc(dated(data)).points[12]?.specialCauseType, 'trend_increasing')
  const tied = [...data]
  tied[13] = 9 // 7, 8, 9, 9, 11, 12, 13: no longer six rises in a row
  assert.deepEqual(types(tied), repeat('common_cause', 18))
})

test('two of three beyond 2σ on one side: only the two close points are flagged (reference R code)', () => {
  const data = [...repeat([9, 11], 6).flat(), 15.5, 11, 15.8, 9, 11, 10]
  const result = computeSpc(dated(data))
  const flagged = result.points.map((p, i) => (p.specialCause ? i : -1)).filter((i) => i >= 0)
  assert.deepEqual(flagged, [12, 14])
  assert.equal(result.points[12]?.specialCauseType, 'two_of_three_above')
  assert.equal(result.points[13]?.specialCauseType, 'common_cause')
  assert.equal(types(data, 'decrease')[12], 'special_cause_concern')
  assert.equal(types(data, 'neutral')[14], 'special_cause_neutral_high')
})

test('a point outside the limits outranks the run it sits in (reference R code)', () => {
  const data = [...repeat([9, 11], 6).flat(), 15.5, 11, 15.8, 9, 11, 10, 20]
  const result = computeSpc(dated(data))
  assert.equal(result.points[18]?.specialCauseType, 'above_upper_limit')
  assert.deepEqual(
    result.points.slice(0, 12).map((p) => p.specialCauseType),
    repeat('run_below', 12)
  )
  assert.equal(result.variation, 'improvement_high')
})

test('rebasing splits the limits: the two halves of the seed-123 series (tests/testthat/_snaps/ptd_spc.md)', () => {
  const result = computeSpc(dated(SEED_123), { rebase: ['2020-01-12'] })
  assert.equal(result.segments.length, 2)
  const [first, second] = result.segments
  assert.equal(first?.size, 10)
  assert.equal(Number(first?.mean.toFixed(4)), 0.0746)
  assert.equal(Number(first?.lpl?.toFixed(2)), -2.6)
  assert.equal(Number(first?.upl?.toFixed(2)), 2.75)
  assert.equal(Number(second?.mean.toFixed(3)), 0.209)
  assert.equal(Number(second?.lpl?.toFixed(2)), -3.28)
  assert.equal(Number(second?.upl?.toFixed(2)), 3.7)
  assert.equal(result.points[10]?.segment, 1)
  assert.equal(result.points[10]?.upl, second?.upl)
  // exact values from the reference R code
  assert.equal(first?.mean, 0.074625644097161895)
  assert.equal(second?.upl, 3.6962493694334788)
})

test('rebase dates not in the data, or at the first point, change nothing (snapshot with rebase = 2020-01-01)', () => {
  const plain = computeSpc(dated(SEED_123))
  assert.deepEqual(computeSpc(dated(SEED_123), { rebase: ['2020-01-01'] }), plain)
  assert.deepEqual(computeSpc(dated(SEED_123), { rebase: ['2020-01-02', '1999-12-31'] }), plain)
  assert.equal(plain.points[0]?.mean, 0.1416238024745986)
})

test('rules do not run across a rebase: each segment is judged on its own', () => {
  // 6 points above then (after a rebase) 6 more: no run of 7 within either segment
  const data = [...repeat([9, 11], 6).flat(), ...repeat(12, 6), ...repeat([9, 11], 3).flat()]
  const points = dated(data)
  const rebased = computeSpc(points, { rebase: [points[12]?.date ?? ''] })
  assert.ok(rebased.points.slice(12, 18).every((p) => p.segment === 1))
  assert.ok(rebased.points.every((p) => p.specialCauseType !== 'run_above'))
})

test('fix after 12 points: later points do not move the limits but are still judged against them', () => {
  const data = [...SEED_123, 5, 5, 5, 5]
  const fixed = computeSpc(dated(data), { fixAfterNPoints: 12 })
  const firstTwelve = computeSpc(dated(SEED_123.slice(0, 12)))
  assert.equal(fixed.points[0]?.upl, firstTwelve.points[0]?.upl)
  assert.equal(fixed.points[0]?.mean, 0.19417933878903704)
  assert.equal(fixed.points[23]?.pointType, 'special_cause_improvement')
  assert.equal(fixed.points[23]?.movingRange, null)
  // per segment: with a rebase, each segment's first 12 points fix its own limits
  const rebased = computeSpc(dated([...SEED_123, ...SEED_123.map((v) => v + 1)]), {
    fixAfterNPoints: 12,
    rebase: ['2020-01-22']
  })
  const secondFirstTwelve = computeSpc(dated(SEED_123.slice(0, 12).map((v) => v + 1)))
  assert.equal(rebased.segments[0]?.upl, firstTwelve.points[0]?.upl)
  assert.equal(rebased.segments[1]?.mean, secondFirstTwelve.points[0]?.mean)
  assert.equal(rebased.segments[1]?.upl, secondFirstTwelve.points[0]?.upl)
})

test('short groups: fewer than 13 points get the trial-limits warning (ptd_add_short_group_warnings, code default 13)', () => {
  assert.equal(computeSpc(dated(SEED_123.slice(0, 12))).shortGroupWarning, true)
  assert.equal(computeSpc(dated(SEED_123.slice(0, 13))).shortGroupWarning, false)
  assert.equal(computeSpc(dated(SEED_123.slice(0, 12)), { shortGroupThreshold: 12 }).shortGroupWarning, false)
  const split = computeSpc(dated(SEED_123), { rebase: ['2020-01-12'] })
  assert.deepEqual(
    split.segments.map((s) => s.shortGroupWarning),
    [true, true]
  )
  // limits are still computed for short groups (trial limits)
  assert.equal(typeof split.segments[0]?.upl, 'number')
})

test('very short series: one point has no limits; fewer than 7 points can only signal outside the limits', () => {
  const one = computeSpc(dated([4]), { target: 3 })
  assert.equal(one.points[0]?.lpl, null)
  assert.equal(one.points[0]?.pointType, 'common_cause')
  assert.equal(one.variation, 'common_cause')
  assert.equal(one.assurance, 'inconsistent')
  const six = computeSpc(dated([1, 2, 3, 4, 5, 6]))
  assert.ok(six.points.every((p) => p.pointType === 'common_cause'))
  const empty = computeSpc([])
  assert.deepEqual([empty.points, empty.variation, empty.assurance], [[], 'common_cause', 'none'])
})

test('equal values: a constant series has no limits with screening and no signals; points on the mean break runs', () => {
  const constant = computeSpc(dated(repeat(5, 15)), { target: 5 })
  assert.ok(constant.points.every((p) => p.lpl === null && p.pointType === 'common_cause'))
  assert.equal(constant.assurance, 'inconsistent')
  // mean 6 exactly: the 4s are below, the 6s sit on the mean and break every run
  const onMean = [4, 6, 6, 6, 6, 6, 6, 8, 6, 6, 6, 6, 6, 6]
  assert.ok(
    computeSpc(dated(onMean), { screenOutliers: false }).points.every(
      (p) => p.specialCauseType !== 'run_above' && p.specialCauseType !== 'run_below'
    )
  )
})

test('mostly equal values with screening: the one non-zero moving range is screened, so every other value is outside', () => {
  // moving ranges 0 … 0, 4, 4, 0 … 0; both 4s are ≥ 3.267 × mean, leaving a mean moving range of 0
  const result = computeSpc(dated([5, 5, 5, 5, 5, 9, 5, 5, 5, 5, 5, 5]))
  assert.equal(result.segments[0]?.meanMovingRange, 0)
  assert.deepEqual(
    result.points.map((p) => p.specialCauseType),
    result.points.map((p) => (p.value > (result.points[0]?.mean ?? 0) ? 'above_upper_limit' : 'below_lower_limit'))
  )
})

test("assurance compares the target with the last point's limits; a target exactly on a limit is inconsistent", () => {
  const data = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]
  const upl = computeSpc(dated(data)).points[0]?.upl ?? Number.NaN
  assert.equal(computeSpc(dated(data), { target: upl }).assurance, 'inconsistent')
  assert.equal(computeSpc(dated(data), { target: upl + 0.01 }).assurance, 'fail')
  assert.equal(computeSpc(dated(data), { target: upl + 0.01, improvementDirection: 'decrease' }).assurance, 'pass')
  assert.equal(computeSpc(dated(data), { target: -10 }).assurance, 'pass')
  assert.equal(computeSpc(dated(data), { target: -10, improvementDirection: 'decrease' }).assurance, 'fail')
  assert.equal(computeSpc(dated(data), { target: -10, improvementDirection: 'neutral' }).assurance, 'none')
  // after a rebase only the last segment's limits count
  const points = dated([...data, 50, 52, 50, 52])
  assert.equal(computeSpc(points, { target: 10, rebase: [points[14]?.date ?? ''] }).assurance, 'pass')
})

test('points arrive in any order and are charted in date order', () => {
  const points = dated([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2])
  const shuffled = [
    points[7],
    points[0],
    points[12],
    points[4],
    ...points.slice(1, 4),
    ...points.slice(5, 7),
    ...points.slice(8, 12)
  ].filter((p): p is SpcInputPoint => p !== undefined)
  assert.deepEqual(computeSpc(shuffled), computeSpc(points))
})

test('bad input throws SpcInputError', () => {
  assert.throws(
    () =>
      computeSpc([
        { date: '2020-01-01', value: 1 },
        { date: '2020-01-01', value: 2 }
      ]),
    SpcInputError
  )
  assert.throws(() => computeSpc([{ date: '2020-02-30', value: 1 }]), /not a date/)
  assert.throws(() => computeSpc([{ date: '2020-01-01', value: Number.NaN }]), /finite/)
  assert.throws(() => computeSpc(dated([1, 2]), { fixAfterNPoints: 11 }), /at least 12/)
  assert.throws(() => computeSpc(dated([1, 2]), { rebase: ['01/02/2020'] }), /rebase/)
  assert.throws(() => computeSpc(dated([1, 2]), { target: Number.POSITIVE_INFINITY }), /target/)
})
