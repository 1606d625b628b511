// Plain-English chart summaries, from the same engine results the charts draw.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { computeRunChart, computeSpc } from '../../../../src/domain/qi/spc/index.js'
import { runChartSummary, spcSummary } from '../../../../src/domain/qi/measures/index.js'

const month = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`)
  )
const format = { value: (n: number) => String(Math.round(n * 10) / 10), month }
const monthOf = (i: number) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`

test('a run of points above the mean, higher is better: special cause improvement since the run began', () => {
  // 13 points around 50, then 7 around 60: the last 7 are a run above the mean (rule 4, NHSRplotthedots ptd_seven_point_one_side_mean)
  const values = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 52, 48, 50, 58, 56, 57, 56, 58, 57, 56]
  const result = computeSpc(
    values.map((value, i) => ({ date: monthOf(i), value })),
    { improvementDirection: 'increase' }
  )
  assert.equal(result.variation, 'improvement_high')
  assert.equal(spcSummary(result, format), 'Special cause improvement: 7 points above the mean since February 2026.')
})

test('common cause with a target inside the limits', () => {
  const values = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 52, 48]
  const result = computeSpc(
    values.map((value, i) => ({ date: monthOf(i), value })),
    { improvementDirection: 'increase', target: 50 }
  )
  assert.match(
    spcSummary(result, format),
    /^Common cause variation: the latest value, 48, is between the process limits of 44\.7 and 55\.3 and shows no special cause\. Hit and miss: the target may or may not be met\. Some limits come from only a few points/
  )
})

test('run chart: a shift of 6 above the median is named with its month', () => {
  // median 4.5 (Perla, Provost & Murray 2011, rule 1: 6 or more points on one side)
  const values = [3, 2, 3, 2, 3, 2, 6, 7, 6, 7, 6, 7]
  const dates = values.map((_, i) => monthOf(i))
  const result = computeRunChart(values)
  assert.match(runChartSummary(result, dates, format), /Shift: 6 points above the median since July 2025\./)
})

test('a percentage near its ceiling: limits above 100% are said as 100%, never 104%', () => {
  const values = [96, 99, 93, 100, 95, 98, 92, 100, 97, 94, 99, 96]
  const result = computeSpc(values.map((value, i) => ({ date: monthOf(i), value })))
  assert.ok((result.points[result.points.length - 1]?.upl ?? 0) > 100)
  const percent = { ...format, value: (n: number) => `${Math.round(n * 10) / 10}%`, range: { min: 0, max: 100 } }
  assert.match(spcSummary(result, percent), /between the process limits of \d+(\.\d)?% and 100%/)
  assert.doesNotMatch(spcSummary(result, percent), /10[1-9](\.\d)?%/)
})

test('limits say the target is always missed but the latest points meet it: never "consistently failing"', () => {
  // 12 points around 50 (limits about 44.7 to 55.3), then two at 61 and 62: the target of 60 lies above
  // the upper limit (the fail icon of ptd_calculate_assurance_type), yet 2 of the 14 points meet it
  const values = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 52, 48, 61, 62]
  const result = computeSpc(
    values.map((value, i) => ({ date: monthOf(i), value })),
    { improvementDirection: 'increase', target: 60 }
  )
  assert.equal(result.assurance, 'fail')
  const summary = spcSummary(result, format)
  assert.doesNotMatch(summary, /Consistently failing/)
  assert.match(
    summary,
    /2 of the 14 latest points meet it, so the process may have changed: not consistently failing\./
  )
})

test('a process that has never met its target is still said to fail it consistently', () => {
  const values = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 52, 48]
  const result = computeSpc(
    values.map((value, i) => ({ date: monthOf(i), value })),
    { improvementDirection: 'increase', target: 60 }
  )
  assert.match(spcSummary(result, format), /Consistently failing the target\./)
})

test('lower is better, limits say the target is always met, one point misses it: not consistently passing', () => {
  const values = [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 22, 18, 31]
  const result = computeSpc(
    values.map((value, i) => ({ date: monthOf(i), value })),
    { improvementDirection: 'decrease', target: 30 }
  )
  assert.equal(result.assurance, 'pass')
  assert.match(
    spcSummary(result, format),
    /1 of the 13 latest points misses it, so the process may have changed: not consistently passing\./
  )
})
