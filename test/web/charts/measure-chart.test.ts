// The measure chart (web/charts/measure-chart.ts) gives the recorded SVG, data table, summary, icons
// and CSV for the demo-like series in demo-like-series.ts (an XmR chart with a PDSA cycle and a note,
// a rebased one with characters to escape, and a run chart with a suppressed period). The tables,
// summaries and CSV in fixtures/ were written by the old `routes/measures/chart-view-model.ts`; the SVGs
// were re-recorded when the axes got round ticks and the annotations a key under the chart. To
// re-record after a deliberate change, write `chartModel(...).svg` for each series to fixtures/ and
// look at the result in a browser before committing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { chartCsv, chartModel } from '../../../src/web/charts/measure-chart.js'
import { demoLikeSeries } from './demo-like-series.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

for (const chart of demoLikeSeries) {
  test(`${chart.id}: the same SVG, table, summary, icons and CSV as before`, () => {
    const model = chartModel(chart.measure, chart.figures, chart.annotations, chart.id)
    const expected = JSON.parse(fixture(`${chart.id}.json`)) as Record<string, unknown>
    assert.equal(model.svg, fixture(`${chart.id}.svg`))
    assert.deepEqual(model.tableHead, expected.tableHead)
    assert.deepEqual(model.tableRows, expected.tableRows)
    assert.equal(model.summary, expected.summary)
    assert.equal(model.variationSvg, expected.variationSvg)
    assert.equal(model.assuranceSvg, expected.assuranceSvg)
    assert.equal(model.variationText, expected.variationText)
    assert.equal(model.assuranceText, expected.assuranceText)
    assert.equal(chartCsv(model), expected.csv)
  })
}

test('the golden series cover an XmR chart, a rebased one with escaped text, and a run chart', () => {
  const kinds = demoLikeSeries.map((c) => chartModel(c.measure, c.figures, c.annotations, c.id).kind)
  assert.deepEqual(kinds, ['spc', 'spc', 'run'])
  assert.match(fixture('demo-rebased.svg'), /Days to outcome &amp; &lt;follow-up&gt;/)
  assert.match(fixture('demo-rebased.svg'), /New &quot;booking&quot; script/)
})
