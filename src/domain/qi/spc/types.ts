/**
 * Types of the SPC (statistical process control) engine: XmR charts as NHS England's
 * Making Data Count method draws them, mirroring the R package NHSRplotthedots.
 * See docs/spc.md for the rules and the reference functions each one mirrors.
 */

/** Which way is better. Mirrors `improvement_direction` of `ptd_spc()` (default 'increase'). */
export type ImprovementDirection = 'increase' | 'decrease' | 'neutral'

/** The colour of a dot. Mirrors the `point_type` column of `ptd_spc()`. */
export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low'

/**
 * Which rule marked a point, after precedence. Mirrors the labels of `ptd_special_cause_type()`:
 * 'Above UCL', 'Below LCL', '7 Point Trend (Increasing)', '7 Point Trend (Decreasing)',
 * '2 in 3 Above CL', '2 in 3 Below CL', '7 Points Above CL', '7 Points Below CL', 'Common Cause'.
 */
export type SpecialCauseType =
  | 'common_cause'
  | 'above_upper_limit'
  | 'below_lower_limit'
  | 'trend_increasing'
  | 'trend_decreasing'
  | 'two_of_three_above'
  | 'two_of_three_below'
  | 'run_above'
  | 'run_below'

/** The Making Data Count variation icon, read from the last point (`ptd_get_icons()`). */
export type VariationIcon =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neutral_high'
  | 'neutral_low'

/**
 * The Making Data Count assurance icon (`ptd_calculate_assurance_type()`):
 * 'pass' and 'fail' are the reference's 'consistent_pass' and 'consistent_fail';
 * 'none' when there is no target or the direction is neutral.
 */
export type AssuranceIcon = 'pass' | 'fail' | 'inconsistent' | 'none'

/** Which side of a centre line a value lies: the sign of (value − centre). */
export type Side = -1 | 0 | 1

/** One observation: an ISO date (YYYY-MM-DD) and a finite value. */
export interface SpcInputPoint {
  date: string
  value: number
}

export interface SpcOptions {
  /** Default 'increase', as in the reference. */
  improvementDirection?: ImprovementDirection
  /** A single target for every point, or null/undefined for none. */
  target?: number | null
  /** ISO dates at which the limits start again; dates not in the data are ignored, as in the reference. */
  rebase?: readonly string[]
  /** Limits come from the first N points of each segment only; the reference requires N ≥ 12. */
  fixAfterNPoints?: number | null
  /** Leave moving ranges ≥ 3.267 × their mean out of the limits. Default true, as in the reference. */
  screenOutliers?: boolean
  /**
   * A segment with fewer points than this gets a short-group warning (trial limits).
   * Default 13: the reference's code default (`getOption("ptd_spc.warning_threshold", 13)`),
   * although its message speaks of 'n < 12'.
   */
  shortGroupThreshold?: number
}

/** A segment's process limits and sigma lines; null where the reference gives NaN (no usable moving range). */
export interface ProcessLimits {
  /** Process limits, mean ∓ 2.66 × mean moving range. */
  lpl: number | null
  upl: number | null
  /** The 1σ and 2σ lines (2.66/3 and 2 × 2.66/3 times the mean moving range). */
  lowerOneSigma: number | null
  upperOneSigma: number | null
  lowerTwoSigma: number | null
  upperTwoSigma: number | null
}

/** One point of the chart with everything the reference computes for it. */
export interface SpcPoint extends ProcessLimits {
  date: string
  value: number
  /** 0-based index of the segment (rebase group) the point belongs to. */
  segment: number
  mean: number
  /** |value − previous value| within the segment's calculation points; null for the first point and after fixing. */
  movingRange: number | null
  /** True when this moving range was left out of the mean moving range by outlier screening. */
  movingRangeExcluded: boolean
  relativeToMean: Side
  outsideLimits: boolean
  /** Beyond a 2σ line but not outside the limits. */
  closeToLimits: boolean
  specialCauseType: SpecialCauseType
  specialCause: boolean
  pointType: PointType
  target: number | null
}

/** One rebase group: the run of points sharing one set of limits. */
export interface SpcSegment {
  index: number
  startDate: string
  endDate: string
  size: number
  mean: number
  /** Mean moving range after screening; null when no moving range was usable. */
  meanMovingRange: number | null
  lpl: number | null
  upl: number | null
  /** Fewer points than the short-group threshold: the limits are trial limits. */
  shortGroupWarning: boolean
}

export interface SpcResult {
  points: SpcPoint[]
  segments: SpcSegment[]
  variation: VariationIcon
  assurance: AssuranceIcon
  /** True when any segment is short (the reference then warns 'Some groups have n < 12 observations'). */
  shortGroupWarning: boolean
}
