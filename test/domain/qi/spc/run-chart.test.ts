// Run chart rules of Perla, Provost & Murray (2011), BMJ Qual Saf 20:46–51, and their Table 1.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { computeRunChart, median } from '../../../../src/domain/qi/spc/run-chart.js'
import { runsLimits } from '../../../../src/domain/qi/spc/runs-table.js'

test('the median is the middle value, or the mean of the two middle values', () => {
  assert.equal(median([3, 1, 2]), 2)
  assert.equal(median([4, 1, 3, 2]), 2.5)
  assert.equal(median([]), null)
})

test('a shift: 6 points above the median, a point on the median neither breaking nor adding to it', () => {
  // sorted: seven 1s, two 5s, six 9s; median 5
  const values = [1, 1, 1, 1, 1, 5, 9, 9, 9, 5, 9, 9, 9, 1, 1]
  const result = computeRunChart(values)
  assert.equal(result.median, 5)
  assert.deepEqual(result.shifts, [{ start: 6, end: 12, side: 'above', length: 6 }])
  assert.deepEqual(
    result.points.map((p) => p.shift),
    values.map((_, i) => i >= 6 && i <= 12 && i !== 9)
  )
  // five below, then a point on the median, is not a shift
  assert.ok(result.points.slice(0, 5).every((p) => !p.shift))
})

test('five points below the median are not a shift; six are', () => {
  const five = computeRunChart([5, 6, 7, 8, 9, 10, 1, 2, 1, 2, 1, 9, 9])
  assert.equal(five.shifts.length, 0)
  const six = computeRunChart([5, 6, 7, 8, 9, 10, 1, 2, 1, 2, 1, 2, 9, 9])
  assert.deepEqual(
    six.shifts.map((s) => [s.start, s.end, s.side]),
    [[6, 11, 'below']]
  )
})

test('a trend: 5 points going up, a repeated value neither making nor breaking it', () => {
  const result = computeRunChart([1, 2, 3, 3, 4, 5, 2])
  assert.deepEqual(result.trends, [{ start: 0, end: 5, direction: 'increasing', length: 5 }])
  assert.deepEqual(
    result.points.map((p) => p.trend),
    [true, true, true, true, true, true, false]
  )
  assert.equal(computeRunChart([1, 2, 3, 4, 2]).trends.length, 0)
  assert.deepEqual(
    computeRunChart([9, 8, 7, 6, 5]).trends.map((t) => t.direction),
    ['decreasing']
  )
})

test('a leading repeated value is not part of the trend span; a peak is shared by two trends', () => {
  const result = computeRunChart([3, 3, 4, 5, 6, 7, 6, 5, 4, 3])
  assert.deepEqual(
    result.trends.map((t) => [t.start, t.end, t.direction, t.length]),
    [
      [1, 5, 'increasing', 5],
      [5, 9, 'decreasing', 5]
    ]
  )
  assert.equal(result.points[0]?.trend, false)
})

test("too few runs: 3 runs in 13 useful observations, under the table's 4", () => {
  const result = computeRunChart([1, 1, 1, 1, 1, 5, 9, 9, 9, 5, 9, 9, 9, 1, 1])
  assert.equal(result.usefulObservations, 13)
  assert.equal(result.runs, 3)
  assert.deepEqual(result.runsLimits, { lower: 4, upper: 11 })
  assert.equal(result.tooFewRuns, true)
  assert.equal(result.tooManyRuns, false)
  assert.equal(result.signal, true)
})

test("too many runs: 20 alternating points make 20 runs, over the table's 16", () => {
  const values = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 9))
  const result = computeRunChart(values)
  assert.equal(result.runs, 20)
  assert.deepEqual(result.runsLimits, { lower: 6, upper: 16 })
  assert.equal(result.tooManyRuns, true)
})

test('the runs test needs 10 to 60 useful observations', () => {
  // median 5; the 5 sits on it, leaving 8 useful observations: 8 runs, but no table row
  const result = computeRunChart([1, 9, 1, 9, 1, 9, 1, 9, 5])
  assert.equal(result.median, 5)
  assert.equal(result.usefulObservations, 8)
  assert.equal(result.runs, 8)
  assert.equal(result.runsLimits, null)
  assert.equal(result.tooManyRuns, false)
  // one more point: 10 useful observations and 10 runs, over the table's 9
  assert.equal(computeRunChart([1, 9, 1, 9, 1, 9, 1, 9, 1, 9]).tooManyRuns, true)
  assert.equal(runsLimits(9), null)
  assert.deepEqual(runsLimits(10), { lower: 3, upper: 9 })
  assert.deepEqual(runsLimits(60), { lower: 24, upper: 38 })
  assert.equal(runsLimits(61), null)
})

test('a random-looking series signals nothing', () => {
  const values = [5, 7, 4, 6, 8, 5, 3, 6, 7, 4, 6, 5, 8, 4, 6, 7]
  const result = computeRunChart(values)
  assert.equal(result.signal, false)
  assert.ok(
    result.runsLimits !== null && result.runs >= result.runsLimits.lower && result.runs <= result.runsLimits.upper
  )
})

test("astronomical points are the caller's judgement and are flagged as given", () => {
  const result = computeRunChart([5, 7, 4, 6, 40, 5], { astronomical: [4] })
  assert.deepEqual(
    result.points.map((p) => p.astronomical),
    [false, false, false, false, true, false]
  )
  assert.equal(result.signal, true)
  assert.throws(() => computeRunChart([1, 2], { astronomical: [2] }), RangeError)
})

test('a baseline median: taken from the first N points and extended', () => {
  const result = computeRunChart([1, 2, 3, 10, 11, 12, 13, 14, 15], { baselinePoints: 3 })
  assert.equal(result.median, 2)
  assert.deepEqual(
    result.shifts.map((s) => [s.start, s.end]),
    [[2, 8]]
  )
  assert.throws(() => computeRunChart([1, 2], { baselinePoints: 0 }), RangeError)
})

test('empty and non-finite input', () => {
  const empty = computeRunChart([])
  assert.deepEqual([empty.median, empty.runs, empty.signal], [null, 0, false])
  assert.throws(() => computeRunChart([1, Number.NaN]), RangeError)
})
