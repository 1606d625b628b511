/**
 * The two Making Data Count summary icons.
 * Variation mirrors `variation_icon_file()` inside `ptd_get_icons()` (R/geom_ptd_icon.R);
 * assurance mirrors `ptd_calculate_assurance_type()` (R/ptd_calculate_assurance_type.R).
 */
import type { AssuranceIcon, ImprovementDirection, PointType, VariationIcon } from './types.js'

/**
 * The variation icon comes from the type of the last point only. Concern is 'low' when higher is
 * better and 'high' otherwise; improvement is 'high' when higher is better and 'low' otherwise.
 */
export function variationIcon(lastPointType: PointType | undefined, direction: ImprovementDirection): VariationIcon {
  switch (lastPointType) {
    case undefined:
    case 'common_cause':
      return 'common_cause'
    case 'special_cause_neutral_high':
      return 'neutral_high'
    case 'special_cause_neutral_low':
      return 'neutral_low'
    case 'special_cause_concern':
      return direction === 'increase' ? 'concern_low' : 'concern_high'
    case 'special_cause_improvement':
      return direction === 'increase' ? 'improvement_high' : 'improvement_low'
  }
}

export interface AssuranceInputs {
  target: number | null | undefined
  direction: ImprovementDirection
  /** The limits of the last point (its segment's limits); null where the reference has NaN. */
  lpl: number | null
  upl: number | null
}

/**
 * Compares the target with the last point's process limits: a target above the upper limit will
 * always be missed when higher is better ('fail') and always met when lower is better ('pass'); a
 * target below the lower limit the other way round; anything else, including a target exactly on a
 * limit or limits that could not be computed, is 'inconsistent'. No target or a neutral direction: 'none'.
 */
export function assuranceIcon({ target, direction, lpl, upl }: AssuranceInputs): AssuranceIcon {
  if (target === null || target === undefined || direction === 'neutral') return 'none'
  const increasing = direction === 'increase'
  if (upl !== null && target > upl) return increasing ? 'fail' : 'pass'
  if (lpl !== null && target < lpl) return increasing ? 'pass' : 'fail'
  return 'inconsistent'
}
