/**
 * The Making Data Count special-cause rules for one segment, and their precedence.
 * Mirrors R/ptd_calculate_point_type.R of NHSRplotthedots: `ptd_seven_point_one_side_mean()`,
 * `ptd_part_of_seven_trend()`, `ptd_seven_point_trend()`, `ptd_two_in_three()`,
 * `ptd_part_of_two_in_three()` and `ptd_special_cause_type()`.
 */
import type { Side, SpecialCauseType } from './types.js'

/** A run or trend needs this many points. */
export const RUN_LENGTH = 7

/**
 * Marks the point that completes 7 points in a row on the same side of the mean (the 7th, 8th, … of a run).
 * A point on the mean (side 0) belongs to no run and breaks one. (`ptd_seven_point_one_side_mean`)
 */
export function sevenPointOneSideOfMean(sides: readonly Side[]): boolean[] {
  return sides.map((side, i) => {
    if (side === 0 || i < RUN_LENGTH - 1) return false
    for (let j = 1; j < RUN_LENGTH; j++) if (sides[i - j] !== side) return false
    return true
  })
}

/**
 * Marks every point of a run or trend from its completing points: a point is part of one when it
 * or any of the next 6 points completes one. (`ptd_part_of_seven_trend`)
 */
export function partOfSeven(completes: readonly (boolean | number)[]): boolean[] {
  return completes.map((_, i) => {
    for (let j = i; j < Math.min(i + RUN_LENGTH, completes.length); j++) if (completes[j]) return true
    return false
  })
}

/**
 * 1 (increasing) or −1 (decreasing) at the point that completes 7 points each strictly above
 * (or below) the one before (6 rises or falls in a row); 0 elsewhere. Equal neighbours break a trend.
 * (`ptd_seven_point_trend`)
 */
export function sevenPointTrend(values: readonly number[]): Side[] {
  return values.map((_, i) => {
    if (i < RUN_LENGTH - 1) return 0
    let rising = true
    let falling = true
    for (let j = i - RUN_LENGTH + 2; j <= i; j++) {
      const step = Math.sign((values[j] ?? 0) - (values[j - 1] ?? 0))
      if (step !== 1) rising = false
      if (step !== -1) falling = false
    }
    return rising ? 1 : falling ? -1 : 0
  })
}

/**
 * True for a point inside any window of three consecutive points in which at least two are close to
 * the limits (beyond 2σ) and all three lie on the same side of the mean (none on it). Windows must lie
 * wholly inside the segment. (`ptd_two_in_three`, which pads with zeros)
 */
export function twoInThree(close: readonly boolean[], sides: readonly Side[]): boolean[] {
  const n = close.length
  const windowHits = (start: number): boolean => {
    if (start < 0 || start + 2 >= n) return false
    let closeCount = 0
    let sideSum = 0
    for (let k = start; k <= start + 2; k++) {
      if (close[k]) closeCount++
      sideSum += sides[k] ?? 0
    }
    return closeCount >= 2 && Math.abs(sideSum) === 3
  }
  return close.map((_, i) => windowHits(i - 2) || windowHits(i - 1) || windowHits(i))
}

/** Of the points in a two-in-three window, only those close to the limits are flagged. (`ptd_part_of_two_in_three`) */
export function partOfTwoInThree(inWindow: readonly boolean[], close: readonly boolean[]): boolean[] {
  return inWindow.map((hit, i) => hit && close[i] === true)
}

export interface RuleInputs {
  values: readonly number[]
  sides: readonly Side[]
  close: readonly boolean[]
  outside: readonly boolean[]
}

/**
 * Names the rule that marks each point, in the reference's order of precedence:
 * 1. outside the process limits (above or below by the point's own side of the mean);
 * 2. part of a 7-point trend;
 * 3. part of two-of-three beyond 2σ;
 * 4. part of 7 points on one side of the mean;
 * otherwise common cause. (`ptd_special_cause_type`)
 *
 * A trend point's direction copies the reference: where the point and the next are both part of a
 * trend the step to the next point decides, otherwise the step from the previous point; a step that is
 * not a rise (including a flat one) reads as 'decreasing'.
 */
export function specialCauseTypes({ values, sides, close, outside }: RuleInputs): SpecialCauseType[] {
  const n = values.length
  const inTrend = partOfSeven(sevenPointTrend(values).map((v) => v !== 0))
  const inTwoOfThree = partOfTwoInThree(twoInThree(close, sides), close)
  const inRun = partOfSeven(sevenPointOneSideOfMean(sides))
  const step = (i: number): number => Math.sign((values[i] ?? 0) - (values[i - 1] ?? 0))
  return values.map((_, i) => {
    const side = sides[i] ?? 0
    if (outside[i]) return side === 1 ? 'above_upper_limit' : 'below_lower_limit'
    if (inTrend[i]) {
      const useNext = i + 1 < n && inTrend[i + 1] === true
      // R: c(sdy, tail(sdy, 1)) for the right side, c(0, sdy) for the left side
      const direction = useNext ? step(i + 1) : i === 0 ? 0 : step(i)
      return direction === 1 ? 'trend_increasing' : 'trend_decreasing'
    }
    if (inTwoOfThree[i]) return side > 0 ? 'two_of_three_above' : 'two_of_three_below'
    if (inRun[i]) return side > 0 ? 'run_above' : 'run_below'
    return 'common_cause'
  })
}
