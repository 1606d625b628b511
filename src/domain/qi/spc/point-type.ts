/**
 * From the rule that marked a point to the colour of its dot, given the improvement direction.
 * Mirrors `ptd_point_type()` in R/ptd_calculate_point_type.R.
 */
import type { ImprovementDirection, PointType, SpecialCauseType } from './types.js'

/** +1 for the high-side rules (above, increasing), −1 for the low-side ones, 0 for common cause. */
export function specialCauseSide(type: SpecialCauseType): -1 | 0 | 1 {
  switch (type) {
    case 'above_upper_limit':
    case 'trend_increasing':
    case 'two_of_three_above':
    case 'run_above':
      return 1
    case 'below_lower_limit':
    case 'trend_decreasing':
    case 'two_of_three_below':
    case 'run_below':
      return -1
    case 'common_cause':
      return 0
  }
}

/** Neutral direction: high or low; otherwise improvement when the side agrees with the direction, concern when not. */
export function pointType(type: SpecialCauseType, direction: ImprovementDirection): PointType {
  const side = specialCauseSide(type)
  if (side === 0) return 'common_cause'
  if (direction === 'neutral') return side > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low'
  const oriented = direction === 'increase' ? side : -side
  return oriented > 0 ? 'special_cause_improvement' : 'special_cause_concern'
}
