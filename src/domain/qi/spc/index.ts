/**
 * SPC for quality improvement: Making Data Count XmR charts (mirroring NHSRplotthedots) and run charts.
 * Pure functions: no I/O, no clock. See docs/spc.md.
 */
export { computeSpc, SpcInputError, MIN_FIX_AFTER_N_POINTS, DEFAULT_SHORT_GROUP_THRESHOLD } from './compute-spc.js'
export { computeRunChart, median, SHIFT_LENGTH, TREND_LENGTH } from './run-chart.js'
export type { RunChartOptions, RunChartPoint, RunChartResult, RunChartShift, RunChartTrend } from './run-chart.js'
export { runsLimits, RUNS_TABLE_MIN, RUNS_TABLE_MAX } from './runs-table.js'
export type { RunsLimits } from './runs-table.js'
export {
  xmrLimits,
  LIMIT_MULTIPLIER,
  TWO_SIGMA_MULTIPLIER,
  ONE_SIGMA_MULTIPLIER,
  OUTLIER_MULTIPLIER
} from './xmr-limits.js'
export type { XmrLimits, XmrLimitOptions } from './xmr-limits.js'
export { assuranceIcon, variationIcon } from './icons.js'
export { pointType } from './point-type.js'
export { isIsoDate } from './iso-date.js'
export type {
  AssuranceIcon,
  ImprovementDirection,
  PointType,
  Side,
  SpcInputPoint,
  SpcOptions,
  SpcPoint,
  SpcResult,
  SpcSegment,
  SpecialCauseType,
  VariationIcon
} from './types.js'
