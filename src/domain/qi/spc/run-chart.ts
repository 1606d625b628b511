/**
 * Run chart analysis with the four probability-based rules of Perla, Provost & Murray (2011),
 * "The run chart: a simple analytical tool for learning from variation in healthcare processes",
 * BMJ Qual Saf 20:46–51:
 * 1. shift: 6 or more consecutive points all above or all below the median; points on the median
 *    are skipped (they neither add to nor break a shift);
 * 2. trend: 5 or more consecutive points all going up or all going down; a value equal to the one
 *    before is skipped (like values neither make nor break a trend);
 * 3. too few or too many runs, against the published table (see runs-table.ts); a run is one or more
 *    consecutive points on the same side of the median, points on the median ignored;
 * 4. astronomical points: a judgement, so the caller flags them.
 */
import { preciseMean } from './precise-mean.js'
import { runsLimits, type RunsLimits } from './runs-table.js'
import type { Side } from './types.js'

export const SHIFT_LENGTH = 6
export const TREND_LENGTH = 5

export interface RunChartOptions {
  /** 0-based positions of points the caller judges astronomical (obviously, unmistakably different). */
  astronomical?: readonly number[]
  /** Take the median from the first N points only (a baseline), extended across the chart. Default: all points. */
  baselinePoints?: number
}

export interface RunChartPoint {
  value: number
  /** Side of the median: 1 above, −1 below, 0 on it. */
  side: Side
  /** Counted in a shift (points on the median inside a shift are not). */
  shift: boolean
  /** Inside the span of a trend. */
  trend: boolean
  astronomical: boolean
}

export interface RunChartShift {
  start: number
  end: number
  side: 'above' | 'below'
  /** Points counted, leaving out those on the median. */
  length: number
}

export interface RunChartTrend {
  start: number
  end: number
  direction: 'increasing' | 'decreasing'
  /** Points counted, leaving out repeated values. */
  length: number
}

export interface RunChartResult {
  /** Null for an empty series. */
  median: number | null
  points: RunChartPoint[]
  shifts: RunChartShift[]
  trends: RunChartTrend[]
  /** Points not on the median. */
  usefulObservations: number
  runs: number
  /** Null when the number of useful observations is outside the table (under 10 or over 60). */
  runsLimits: RunsLimits | null
  tooFewRuns: boolean
  tooManyRuns: boolean
  /** True when any rule signals non-random variation. */
  signal: boolean
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] ?? 0
  return sorted.length % 2 === 1 ? upper : preciseMean([sorted[mid - 1] ?? 0, upper])
}

function findShifts(sides: readonly Side[]): RunChartShift[] {
  const shifts: RunChartShift[] = []
  let members: number[] = []
  let side: Side = 0
  const close = (): void => {
    const first = members[0]
    const last = members[members.length - 1]
    if (members.length >= SHIFT_LENGTH && first !== undefined && last !== undefined) {
      shifts.push({ start: first, end: last, side: side > 0 ? 'above' : 'below', length: members.length })
    }
  }
  sides.forEach((s, i) => {
    if (s === 0) return
    if (s !== side) {
      close()
      members = []
      side = s
    }
    members.push(i)
  })
  close()
  return shifts
}

function findTrends(values: readonly number[]): RunChartTrend[] {
  const trends: RunChartTrend[] = []
  // a run of same-direction steps, flat steps skipped; start is the point the first step leaves from
  let direction = 0
  let start = 0
  let end = 0
  let steps = 0
  const close = (): void => {
    if (direction !== 0 && steps + 1 >= TREND_LENGTH) {
      trends.push({ start, end, direction: direction > 0 ? 'increasing' : 'decreasing', length: steps + 1 })
    }
  }
  values.forEach((value, i) => {
    if (i === 0) return
    const step = Math.sign(value - (values[i - 1] ?? value))
    if (step === 0) return
    if (step !== direction) {
      close()
      direction = step
      // the point just before this step; any flat points before it equal it
      start = i - 1
      steps = 0
    }
    steps++
    end = i
  })
  close()
  return trends
}

function countRuns(sides: readonly Side[]): number {
  let runs = 0
  let last: Side = 0
  for (const s of sides) {
    if (s === 0) continue
    if (s !== last) runs++
    last = s
  }
  return runs
}

/** Analyses a series (in time order) with the run chart rules. */
export function computeRunChart(values: readonly number[], options: RunChartOptions = {}): RunChartResult {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`run chart: value ${i + 1} is not a finite number`)
  })
  const baseline = options.baselinePoints
  if (baseline !== undefined && !(Number.isInteger(baseline) && baseline >= 1)) {
    throw new RangeError('run chart: baselinePoints must be a whole number of at least 1')
  }
  const astronomical = new Set(options.astronomical ?? [])
  for (const i of astronomical) {
    if (!Number.isInteger(i) || i < 0 || i >= values.length)
      throw new RangeError(`run chart: astronomical point ${i} is not a position in the series`)
  }
  const centre = median(baseline === undefined ? values : values.slice(0, baseline))
  const sides = values.map((v) => (centre === null ? 0 : Math.sign(v - centre)) as Side)
  const shifts = findShifts(sides)
  const trends = findTrends(values)
  const inShift = (i: number): boolean => sides[i] !== 0 && shifts.some((s) => i >= s.start && i <= s.end)
  const inTrend = (i: number): boolean => trends.some((t) => i >= t.start && i <= t.end)
  const usefulObservations = sides.filter((s) => s !== 0).length
  const runs = countRuns(sides)
  const limits = runsLimits(usefulObservations)
  const tooFewRuns = limits !== null && runs < limits.lower
  const tooManyRuns = limits !== null && runs > limits.upper
  return {
    median: centre,
    points: values.map((value, i) => ({
      value,
      side: sides[i] ?? 0,
      shift: inShift(i),
      trend: inTrend(i),
      astronomical: astronomical.has(i)
    })),
    shifts,
    trends,
    usefulObservations,
    runs,
    runsLimits: limits,
    tooFewRuns,
    tooManyRuns,
    signal: shifts.length > 0 || trends.length > 0 || tooFewRuns || tooManyRuns || astronomical.size > 0
  }
}
