/**
 * The XmR chart of a series, as `ptd_spc()` of NHSRplotthedots computes it (R/ptd_spc.R):
 * sort by date, split at rebase dates, compute each segment's limits (`ptd_spc_standard`),
 * apply the special-cause rules per segment (`ptd_calculate_point_type`), flag short segments
 * (`ptd_add_short_group_warnings`), and read the variation and assurance icons from the last point.
 */
import { assuranceIcon, variationIcon } from './icons.js'
import { isIsoDate } from './iso-date.js'
import { pointType } from './point-type.js'
import { groupBySegment, segmentIndices } from './segments.js'
import { specialCauseTypes } from './special-cause-rules.js'
import type { Side, SpcInputPoint, SpcOptions, SpcPoint, SpcResult, SpcSegment } from './types.js'
import { xmrLimits } from './xmr-limits.js'

/** The reference refuses `fix_after_n_points` below 12 (`ptd_spc_options`). */
export const MIN_FIX_AFTER_N_POINTS = 12
/** The reference's code default for `ptd_spc.warning_threshold`. */
export const DEFAULT_SHORT_GROUP_THRESHOLD = 13

/** Input the engine cannot chart: the message says what is wrong. */
export class SpcInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SpcInputError'
  }
}

function validate(points: readonly SpcInputPoint[], options: SpcOptions): void {
  const seen = new Set<string>()
  points.forEach((point, i) => {
    if (!isIsoDate(point.date)) throw new SpcInputError(`point ${i + 1}: "${point.date}" is not a date (YYYY-MM-DD)`)
    if (!Number.isFinite(point.value)) throw new SpcInputError(`point ${i + 1}: the value is not a finite number`)
    if (seen.has(point.date)) throw new SpcInputError(`point ${i + 1}: the date ${point.date} appears twice`)
    seen.add(point.date)
  })
  const direction = options.improvementDirection ?? 'increase'
  if (!['increase', 'decrease', 'neutral'].includes(direction)) {
    throw new SpcInputError(`improvement direction must be increase, decrease or neutral, not "${String(direction)}"`)
  }
  const fix = options.fixAfterNPoints
  if (fix !== null && fix !== undefined && !(Number.isFinite(fix) && fix >= MIN_FIX_AFTER_N_POINTS)) {
    throw new SpcInputError(`fix after n points must be a number of at least ${MIN_FIX_AFTER_N_POINTS}, not ${fix}`)
  }
  const target = options.target
  if (target !== null && target !== undefined && !Number.isFinite(target))
    throw new SpcInputError('the target must be a finite number')
  for (const date of options.rebase ?? []) {
    if (!isIsoDate(date)) throw new SpcInputError(`rebase date "${date}" is not a date (YYYY-MM-DD)`)
  }
}

/**
 * Computes the chart. Points may come in any order; they are charted in date order.
 * Throws SpcInputError for a bad date, a non-finite value, a duplicate date or a bad option.
 */
export function computeSpc(points: readonly SpcInputPoint[], options: SpcOptions = {}): SpcResult {
  validate(points, options)
  const direction = options.improvementDirection ?? 'increase'
  const target = options.target ?? null
  const threshold = options.shortGroupThreshold ?? DEFAULT_SHORT_GROUP_THRESHOLD
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const indices = segmentIndices(
    sorted.map((p) => p.date),
    options.rebase ?? []
  )
  const chartPoints: SpcPoint[] = []
  const segments: SpcSegment[] = []

  groupBySegment(indices).forEach((positions, segment) => {
    const members = positions.map((p) => sorted[p]).filter((p): p is SpcInputPoint => p !== undefined)
    const values = members.map((p) => p.value)
    const limits = xmrLimits(values, {
      fixAfterNPoints: options.fixAfterNPoints ?? null,
      screenOutliers: options.screenOutliers ?? true
    })
    const { mean, lpl, upl, lowerTwoSigma, upperTwoSigma } = limits
    const sides = values.map((v) => Math.sign(v - mean) as Side)
    // comparisons with the reference's NaN limits are NA there and never mark a point
    const outside = values.map((v) => (upl !== null && v > upl) || (lpl !== null && v < lpl))
    const close = values.map(
      (v, i) =>
        !outside[i] && ((lowerTwoSigma !== null && v < lowerTwoSigma) || (upperTwoSigma !== null && v > upperTwoSigma))
    )
    const types = specialCauseTypes({ values, sides, close, outside })
    const shortGroupWarning = members.length < threshold

    members.forEach((member, i) => {
      const type = types[i] ?? 'common_cause'
      chartPoints.push({
        date: member.date,
        value: member.value,
        segment,
        mean,
        lpl,
        upl,
        lowerOneSigma: limits.lowerOneSigma,
        upperOneSigma: limits.upperOneSigma,
        lowerTwoSigma,
        upperTwoSigma,
        movingRange: limits.movingRanges[i] ?? null,
        movingRangeExcluded: limits.excluded[i] ?? false,
        relativeToMean: sides[i] ?? 0,
        outsideLimits: outside[i] ?? false,
        closeToLimits: close[i] ?? false,
        specialCauseType: type,
        specialCause: type !== 'common_cause',
        pointType: pointType(type, direction),
        target
      })
    })
    segments.push({
      index: segment,
      startDate: members[0]?.date ?? '',
      endDate: members[members.length - 1]?.date ?? '',
      size: members.length,
      mean,
      meanMovingRange: limits.meanMovingRange,
      lpl,
      upl,
      shortGroupWarning
    })
  })

  const last = chartPoints[chartPoints.length - 1]
  return {
    points: chartPoints,
    segments,
    variation: variationIcon(last?.pointType, direction),
    assurance: last ? assuranceIcon({ target, direction, lpl: last.lpl, upl: last.upl }) : 'none',
    shortGroupWarning: segments.some((s) => s.shortGroupWarning)
  }
}
