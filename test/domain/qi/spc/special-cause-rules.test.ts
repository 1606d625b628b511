// Ports of the unit tests in NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R
// (the R functions return 0/1 numbers; ours return booleans or −1/0/1).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  partOfSeven,
  partOfTwoInThree,
  sevenPointOneSideOfMean,
  sevenPointTrend,
  specialCauseTypes,
  twoInThree
} from '../../../../src/domain/qi/spc/special-cause-rules.js'
import type { Side } from '../../../../src/domain/qi/spc/types.js'

const bools = (xs: number[]): boolean[] => xs.map((x) => x !== 0)
const sides = (xs: number[]): Side[] => xs.map((x) => Math.sign(x) as Side)
const repeat = (value: number, times: number): number[] => Array.from({ length: times }, () => value)

test('sevenPointOneSideOfMean marks the 7th and later points of a run (ptd_seven_point_one_side_mean)', () => {
  assert.deepEqual(sevenPointOneSideOfMean([]), [])
  assert.deepEqual(sevenPointOneSideOfMean(sides(repeat(1, 6))), bools([0, 0, 0, 0, 0, 0]))
  assert.deepEqual(sevenPointOneSideOfMean(sides([...repeat(1, 6), -1])), bools([0, 0, 0, 0, 0, 0, 0]))
  assert.deepEqual(sevenPointOneSideOfMean(sides([...repeat(1, 8), -1])), bools([0, 0, 0, 0, 0, 0, 1, 1, 0]))
  assert.deepEqual(sevenPointOneSideOfMean(sides([...repeat(-1, 8), 1])), bools([0, 0, 0, 0, 0, 0, 1, 1, 0]))
})

test('a point on the mean breaks a run and belongs to none', () => {
  assert.deepEqual(sevenPointOneSideOfMean(sides([1, 1, 1, 0, 1, 1, 1, 1])), bools([0, 0, 0, 0, 0, 0, 0, 0]))
  assert.deepEqual(sevenPointOneSideOfMean(sides(repeat(0, 9))), bools(repeat(0, 9)))
})

test('partOfSeven spreads a completing point back over its 7 points (ptd_part_of_seven_trend)', () => {
  assert.deepEqual(partOfSeven([]), [])
  assert.deepEqual(partOfSeven(repeat(0, 6)), bools(repeat(0, 6)))
  assert.deepEqual(partOfSeven([...repeat(0, 6), 1, 0]), bools([...repeat(1, 7), 0]))
  assert.deepEqual(partOfSeven([...repeat(0, 7), 1, 0]), bools([0, ...repeat(1, 7), 0]))
  assert.deepEqual(partOfSeven([...repeat(0, 6), -1, 0]), bools([...repeat(1, 7), 0]))
  assert.deepEqual(partOfSeven([...repeat(0, 7), -1, 0]), bools([0, ...repeat(1, 7), 0]))
})

test('sevenPointTrend needs 6 strict rises or falls in a row (ptd_seven_point_trend)', () => {
  assert.deepEqual(sevenPointTrend([]), [])
  assert.deepEqual(sevenPointTrend([1, 2, 3, 4, 5, 6]), [0, 0, 0, 0, 0, 0])
  // a repeated value breaks the trend: c(1:3, 3:6)
  assert.deepEqual(sevenPointTrend([1, 2, 3, 3, 4, 5, 6]), [0, 0, 0, 0, 0, 0, 0])
  assert.deepEqual(sevenPointTrend([1, 2, 3, 4, 5, 6, 7]), [0, 0, 0, 0, 0, 0, 1])
  assert.deepEqual(sevenPointTrend([2, 1, 2, 3, 4, 5, 6, 7, 3]), [0, 0, 0, 0, 0, 0, 0, 1, 0])
  assert.deepEqual(sevenPointTrend([7, 6, 5, 4, 3, 2, 1]), [0, 0, 0, 0, 0, 0, -1])
  assert.deepEqual(sevenPointTrend([2, 7, 6, 5, 4, 3, 2, 1, 3]), [0, 0, 0, 0, 0, 0, 0, -1, 0])
})

test('twoInThree: two of three close to the limits, all three on one side (ptd_two_in_three)', () => {
  assert.deepEqual(twoInThree([], []), [])
  const allAbove = sides([1, 1, 1])
  assert.deepEqual(twoInThree(bools([1, 0, 1]), allAbove), bools([1, 1, 1]))
  assert.deepEqual(twoInThree(bools([0, 1, 1]), allAbove), bools([1, 1, 1]))
  assert.deepEqual(twoInThree(bools([1, 1, 0]), allAbove), bools([1, 1, 1]))
  assert.deepEqual(twoInThree(bools([0, 0, 1, 0, 1, 0, 0]), sides(repeat(1, 7))), bools([0, 0, 1, 1, 1, 0, 0]))
  assert.deepEqual(twoInThree(bools([0, 0, 1, 1, 0, 0, 0]), sides(repeat(1, 7))), bools([0, 1, 1, 1, 1, 0, 0]))
})

test('twoInThree needs all three points on the same side of the mean', () => {
  assert.deepEqual(twoInThree(bools([1, 0, 1]), sides([1, -1, 1])), bools([0, 0, 0]))
  assert.deepEqual(twoInThree(bools([0, 1, 1]), sides([1, -1, 1])), bools([0, 0, 0]))
  assert.deepEqual(twoInThree(bools([1, 1, 0]), sides([1, -1, 1])), bools([0, 0, 0]))
  assert.deepEqual(twoInThree(bools([0, 0, 1, 0, 1, 0, 0]), sides([1, -1, 1, -1, 1, -1, 1])), bools(repeat(0, 7)))
  assert.deepEqual(twoInThree(bools([0, 0, 1, 1, 0, 0, 0]), sides([-1, 1, -1, 1, -1, 1, -1])), bools(repeat(0, 7)))
  // a point on the mean makes |sum of sides| < 3
  assert.deepEqual(twoInThree(bools([1, 1, 0]), sides([1, 1, 0])), bools([0, 0, 0]))
})

test('partOfTwoInThree flags only the close points of a window (ptd_part_of_two_in_three)', () => {
  const check = (close: number[], expected: number[]): void => {
    const c = bools(close)
    assert.deepEqual(partOfTwoInThree(twoInThree(c, sides(repeat(1, close.length))), c), bools(expected))
  }
  check([], [])
  check([1, 0, 1], [1, 0, 1])
  check([0, 1, 1], [0, 1, 1])
  check([1, 1, 0], [1, 1, 0])
  check([0, 0, 1, 0, 1, 0, 0], [0, 0, 1, 0, 1, 0, 0])
  check([0, 0, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 0, 0])
  check([1, 0, 0, 1], [0, 0, 0, 0])
  check([1, 0, 0, 1, 1], [0, 0, 0, 1, 1])
})

test('precedence: outside limits, then trend, then two-of-three, then run of 7 (ptd_special_cause_type)', () => {
  // 7 rising points all above the mean, the last also outside the upper limit and the 6th close to it
  const values = [1, 2, 3, 4, 5, 6, 7]
  const types = specialCauseTypes({
    values,
    sides: sides(repeat(1, 7)),
    close: bools([0, 0, 0, 0, 1, 1, 0]),
    outside: bools([0, 0, 0, 0, 0, 0, 1])
  })
  assert.deepEqual(types, [
    'trend_increasing',
    'trend_increasing',
    'trend_increasing',
    'trend_increasing',
    'trend_increasing',
    'trend_increasing',
    'above_upper_limit'
  ])
  // no trend: two-of-three beats the run of seven
  const flat = [5, 5, 5, 5, 5, 5, 5]
  assert.deepEqual(
    specialCauseTypes({
      values: flat,
      sides: sides(repeat(-1, 7)),
      close: bools([0, 0, 0, 0, 1, 1, 0]),
      outside: bools(repeat(0, 7))
    }),
    ['run_below', 'run_below', 'run_below', 'run_below', 'two_of_three_below', 'two_of_three_below', 'run_below']
  )
  // outside limits takes its direction from the point's side of the mean
  assert.deepEqual(
    specialCauseTypes({ values: [1, 2], sides: sides([-1, 1]), close: bools([0, 0]), outside: bools([1, 1]) }),
    ['below_lower_limit', 'above_upper_limit']
  )
})

test('trend direction copies the reference: a flat step into a following trend reads as decreasing', () => {
  // two rising trends share no point but touch: 1..7 then 7..13; point 7 (index 6) looks at the
  // flat step to index 7, as `sdy` in ptd_special_cause_type does, and is labelled decreasing
  const values = [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13]
  const types = specialCauseTypes({
    values,
    sides: sides(repeat(1, values.length)),
    close: bools(repeat(0, values.length)),
    outside: bools(repeat(0, values.length))
  })
  assert.equal(types[5], 'trend_increasing')
  assert.equal(types[6], 'trend_decreasing')
  assert.equal(types[7], 'trend_increasing')
})

test('a peak shared by a rising and a falling trend takes the falling direction', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
  const types = specialCauseTypes({
    values,
    sides: sides(repeat(1, values.length)),
    close: bools(repeat(0, values.length)),
    outside: bools(repeat(0, values.length))
  })
  assert.deepEqual(types.slice(5, 8), ['trend_increasing', 'trend_decreasing', 'trend_decreasing'])
})
