/**
 * Mean, moving ranges and process limits of one segment of an XmR chart.
 * Mirrors the `dplyr::mutate()` block of `ptd_spc_standard()` (R/ptd_spc_standard.R).
 */
import { preciseMean } from './precise-mean.js'
import type { ProcessLimits } from './types.js'

/** Limits sit 2.66 mean moving ranges from the mean (3σ, as 2.66 = 3 / 1.128). */
export const LIMIT_MULTIPLIER = 2.66
/** The reference's `limitclose`: 2 × (2.66 / 3), the 2σ lines. */
export const TWO_SIGMA_MULTIPLIER = 2 * (LIMIT_MULTIPLIER / 3)
export const ONE_SIGMA_MULTIPLIER = LIMIT_MULTIPLIER / 3
/** Moving ranges at or above 3.267 × their mean are screened out (Nelson 1982; D4 for n = 2). */
export const OUTLIER_MULTIPLIER = 3.267

export interface XmrLimitOptions {
  /** Only the first N points feed the mean and moving ranges (`fix_after_n_points`). */
  fixAfterNPoints?: number | null
  /** Default true (`screen_outliers = TRUE`). */
  screenOutliers?: boolean
}

export interface XmrLimits extends ProcessLimits {
  mean: number
  /** One per point: null for the first point and for points after fixing. */
  movingRanges: (number | null)[]
  /** One per point: true where screening left the moving range out. */
  excluded: boolean[]
  /** Null when no moving range is left (the reference's NaN). */
  meanMovingRange: number | null
}

/**
 * Computes the limits of one segment (the values in date order).
 *
 * As the reference does, in this order:
 * 1. `fix_y`: values after the first `fixAfterNPoints` are dropped from the calculation;
 * 2. mean of the kept values; moving ranges |x[i] − x[i−1]| between kept values;
 * 3. screening: a moving range is kept only if it is strictly below 3.267 × the mean moving range
 *    (so one equal to it is dropped, and when every moving range is 0 all are dropped, leaving no limits);
 *    the mean moving range is then recomputed once (not iterated);
 * 4. limits = mean ∓ 2.66 × mean moving range; 2σ lines = mean ∓ 2 × (2.66 / 3) × mean moving range.
 */
export function xmrLimits(values: readonly number[], options: XmrLimitOptions = {}): XmrLimits {
  const fixAfter = options.fixAfterNPoints ?? Number.POSITIVE_INFINITY
  const screen = options.screenOutliers ?? true
  // R: row_number() <= fix_after_n_points (row numbers start at 1)
  const used = values.map((value, i) => (i + 1 <= fixAfter ? value : null))
  const mean = preciseMean(used.filter((v): v is number => v !== null))
  const rawRanges = used.map((value, i) => {
    const previous = i > 0 ? used[i - 1] : null
    return value === null || previous === null || previous === undefined ? null : Math.abs(value - previous)
  })
  const rawMean = preciseMean(rawRanges.filter((v): v is number => v !== null))
  const excluded = rawRanges.map((range) => range !== null && screen && !(range < OUTLIER_MULTIPLIER * rawMean))
  const movingRanges = rawRanges.map((range, i) => (excluded[i] ? null : range))
  const amr = preciseMean(movingRanges.filter((v): v is number => v !== null))
  const meanMovingRange = Number.isNaN(amr) ? null : amr
  const line = (multiplier: number, sign: 1 | -1): number | null =>
    meanMovingRange === null
      ? null
      : sign < 0
        ? mean - multiplier * meanMovingRange
        : mean + multiplier * meanMovingRange
  return {
    mean,
    movingRanges: rawRanges,
    excluded,
    meanMovingRange,
    lpl: line(LIMIT_MULTIPLIER, -1),
    upl: line(LIMIT_MULTIPLIER, 1),
    lowerOneSigma: line(ONE_SIGMA_MULTIPLIER, -1),
    upperOneSigma: line(ONE_SIGMA_MULTIPLIER, 1),
    lowerTwoSigma: line(TWO_SIGMA_MULTIPLIER, -1),
    upperTwoSigma: line(TWO_SIGMA_MULTIPLIER, 1)
  }
}
