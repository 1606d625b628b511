/**
 * A plain-English summary of a chart, for the chart page and board reports, e.g.
 * "Special cause improvement: 7 points above the mean since March 2026."
 * Pure: the caller passes how to format values and months.
 */
import type { RunChartResult, SpcPoint, SpcResult } from '../spc/index.js'
import { assuranceLabels, variationLabels } from './icon-labels.js'

export interface SummaryFormat {
  value: (n: number) => string
  /** "March 2026" for an ISO date. */
  month: (isoDate: string) => string
  /**
   * The values the measure can take (a percentage: 0 to 100). Process limits outside it are said as its ends,
   * because a limit of 104% or -3% means nothing to a reader; the limits themselves are not changed.
   */
  range?: { min: number; max: number }
}

/** A process limit as said in the summary: within the measure's range. */
function limitText(n: number, format: SummaryFormat): string {
  const r = format.range
  return format.value(r ? Math.min(r.max, Math.max(r.min, n)) : n)
}

function where(point: SpcPoint): string {
  switch (point.specialCauseType) {
    case 'trend_increasing':
      return 'rising in a trend'
    case 'trend_decreasing':
      return 'falling in a trend'
    case 'above_upper_limit':
      return 'above the upper process limit'
    case 'below_lower_limit':
      return 'below the lower process limit'
    case 'two_of_three_above':
      return 'close to the upper process limit'
    case 'two_of_three_below':
      return 'close to the lower process limit'
    case 'run_below':
      return 'below the mean'
    default:
      return 'above the mean'
  }
}

export function spcSummary(result: SpcResult, format: SummaryFormat): string {
  const points = result.points
  const last = points[points.length - 1]
  if (!last) return 'No data yet.'
  const sentences: string[] = []
  const label = variationLabels[result.variation].replace(/ – (high|low).*$/, '')
  if (!last.specialCause) {
    const limits =
      last.lpl !== null && last.upl !== null && last.lpl !== last.upl
        ? ` is between the process limits of ${limitText(last.lpl, format)} and ${limitText(last.upl, format)} and`
        : ''
    sentences.push(`${label}: the latest value, ${format.value(last.value)},${limits} shows no special cause.`)
  } else {
    // walk back over the run of special-cause points like the last one; `start` is its first point
    let first = points.length - 1
    let start = last
    for (let before = points[first - 1]; before !== undefined; before = points[first - 1]) {
      if (!before.specialCause || before.pointType !== last.pointType || before.segment !== last.segment) break
      first--
      start = before
    }
    const count = points.length - first
    const since = format.month(start.date)
    // one rule throughout names the run; a mix of rules is described by its side of the mean
    const wheres = new Set(points.slice(first).map(where))
    const described = wheres.size === 1 ? where(last) : last.relativeToMean < 0 ? 'below the mean' : 'above the mean'
    sentences.push(
      count === 1
        ? `${label}: the latest value, ${format.value(last.value)}, is ${where(last)}.`
        : `${label}: ${count} points ${described} since ${since}.`
    )
  }
  if (result.assurance !== 'none') sentences.push(assuranceSentence(result, last))
  if (result.shortGroupWarning)
    sentences.push('Some limits come from only a few points, so treat them as trial limits.')
  return sentences.join(' ')
}

/**
 * The assurance sentence. The icon compares the target with the latest segment's limits; a point of
 * that segment on the other side of the target is a special cause the limits do not yet reflect, so
 * "consistently failing" (or "passing") would contradict what the reader sees: say how many of the
 * segment's points meet the target instead, and that the process may have changed.
 */
function assuranceSentence(result: SpcResult, last: SpcPoint): string {
  const target = last.target
  if ((result.assurance === 'pass' || result.assurance === 'fail') && target !== null) {
    const segment = result.points.filter((p) => p.segment === last.segment)
    // the target lies beyond one limit; "meeting" it is being on its far side
    const aboveLimits = last.upl !== null && target > last.upl
    const beyond = segment.filter((p) => (aboveLimits ? p.value >= target : p.value <= target)).length
    const meets = result.assurance === 'fail' ? beyond : segment.length - beyond
    const misses = segment.length - meets
    if (result.assurance === 'fail' && meets > 0)
      return `The limits say the target would be missed, but ${meets} of the ${segment.length} latest points ${meets === 1 ? 'meets' : 'meet'} it, so the process may have changed: not consistently failing.`
    if (result.assurance === 'pass' && misses > 0)
      return `The limits say the target would be met, but ${misses} of the ${segment.length} latest points ${misses === 1 ? 'misses' : 'miss'} it, so the process may have changed: not consistently passing.`
  }
  return `${assuranceLabels[result.assurance]}.`
}

export function runChartSummary(result: RunChartResult, dates: readonly string[], format: SummaryFormat): string {
  if (result.median === null) return 'No data yet.'
  const sentences = [`Run chart of ${result.points.length} points with a median of ${format.value(result.median)}.`]
  for (const shift of result.shifts)
    sentences.push(
      `Shift: ${shift.length} points ${shift.side} the median since ${format.month(dates[shift.start] ?? '')}.`
    )
  for (const trend of result.trends)
    sentences.push(
      `Trend: ${trend.length} points ${trend.direction === 'increasing' ? 'rising' : 'falling'} from ${format.month(dates[trend.start] ?? '')}.`
    )
  if (result.tooFewRuns) sentences.push('Too few runs: a sign of non-random variation.')
  if (result.tooManyRuns) sentences.push('Too many runs: a sign of non-random variation.')
  if (!result.signal) sentences.push('No signal of non-random variation.')
  return sentences.join(' ')
}
