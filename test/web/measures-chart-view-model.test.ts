// The chart view model: run chart under 12 points, SPC from 12, rebase annotations, suppressed periods, CSV columns as `reach spc`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chartCsv, chartModel, rebaseDates, valueFormatter } from '../../src/web/charts/measure-chart.js'
import type { PeriodFigure } from '../../src/domain/qi/measures/index.js'

const measure = {
  name: 'Screened',
  unit: 'percent',
  improvement: 'increase' as const,
  target: 90,
  frequency: 'monthly' as const
}
const figures = (values: number[]): PeriodFigure[] =>
  values.map((value, i) => ({
    periodStart: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    numerator: null,
    denominator: null,
    value,
    suppressed: false
  }))

test('no values: an empty model', () => {
  const model = chartModel(measure, [], [])
  assert.equal(model.kind, 'empty')
  assert.equal(model.summary, 'No values yet.')
})

test('11 points: a run chart, with a median column in the table', () => {
  const model = chartModel(measure, figures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), [])
  assert.equal(model.kind, 'run')
  assert.deepEqual(
    model.tableHead.map((h) => h.text),
    ['Period starting', 'Value', 'Median', 'Signal']
  )
  assert.equal(model.tableRows[0]?.[2]?.text, '6%')
  assert.match(chartCsv(model), /^date,value,median,shift,trend\n2025-01-01,1,6,no,yes\n/)
})

test('12 points: an XmR chart; suppressed periods are left off and counted', () => {
  const rows = [
    ...figures([50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 52, 48]),
    { periodStart: '2026-01-01', numerator: null, denominator: null, value: null, suppressed: true }
  ]
  const model = chartModel(measure, rows, [])
  assert.equal(model.kind, 'spc')
  assert.equal(model.points.length, 12)
  assert.equal(model.suppressedPeriods, 1)
  assert.equal(model.assuranceText, 'Consistently failing the target')
  assert.equal(model.tableRows.length, 12)
  assert.deepEqual(chartCsv(model).split('\n')[0], 'date,value,mean,lpl,upl,pointType')
})

test('a rebase annotation moves to the first period on or after it; other kinds do not rebase', () => {
  const dates = ['2026-01-01', '2026-02-01', '2026-03-01']
  assert.deepEqual(
    rebaseDates(dates, [
      { kind: 'rebase', on_date: '2026-01-20' },
      { kind: 'pdsa', on_date: '2026-03-01' },
      { kind: 'rebase', on_date: '2026-04-01' }
    ]),
    ['2026-02-01']
  )
})

test("values are formatted in the measure's unit", () => {
  assert.equal(valueFormatter('percent')(66.666), '66.7%')
  assert.equal(valueFormatter('days')(12), '12 days')
  assert.equal(valueFormatter('count')(3), '3')
})
