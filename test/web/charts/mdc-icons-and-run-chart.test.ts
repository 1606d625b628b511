// Making Data Count icons, run chart SVG and annotation marks: text equivalents present, colours as NHSRplotthedots.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assuranceIconSvg, variationIconSvg } from '../../../src/web/charts/mdc-icons-svg.js'
import { runChartSvg } from '../../../src/web/charts/run-chart-svg.js'
import { spcChartSvg } from '../../../src/web/charts/spc-chart-svg.js'
import { computeRunChart, computeSpc } from '../../../src/domain/qi/spc/index.js'

test('variation icons carry their text equivalent and colour', () => {
  const improvement = variationIconSvg('improvement_high')
  assert.match(improvement, /role="img" aria-label="Special cause improvement – high"/)
  assert.match(improvement, /<title>Special cause improvement – high<\/title>/)
  assert.match(improvement, /stroke="#00b0f0"/)
  assert.match(improvement, />H<\/text>/)
  assert.match(variationIconSvg('concern_low'), /stroke="#e46c0a"[\s\S]*>L<\/text>/)
  assert.match(variationIconSvg('common_cause'), /aria-label="Common cause variation"[\s\S]*stroke="#a6a6a6"/)
  assert.match(variationIconSvg('neutral_high'), /stroke="#490092"/)
})

test('assurance icons', () => {
  assert.match(assuranceIconSvg('pass'), /aria-label="Consistently passing the target"[\s\S]*>P<\/text>/)
  assert.match(assuranceIconSvg('fail'), /aria-label="Consistently failing the target"[\s\S]*>F<\/text>/)
  assert.match(assuranceIconSvg('inconsistent'), /aria-label="Hit and miss: the target may or may not be met"/)
  assert.match(assuranceIconSvg('none'), /aria-label="No target"/)
})

test('run chart: title, description, median line and a point per value', () => {
  const values = [3, 2, 3, 2, 3, 2, 6, 7]
  const dates = values.map((_, i) => `2026-0${i + 1}-01`)
  const svg = runChartSvg(computeRunChart(values), {
    title: 'Test & run',
    description: 'Eight points',
    dates,
    target: 5
  })
  assert.match(svg, /<title id="run-chart-title">Test &amp; run<\/title>/)
  assert.match(svg, /<desc id="run-chart-desc">Eight points<\/desc>/)
  assert.match(svg, /class="spc-chart__median"/)
  assert.match(svg, /class="spc-chart__target"/)
  assert.equal(svg.match(/<circle /g)?.length, 8)
})

test('annotations are numbered dashed lines at the first point on or after their date; none past the end', () => {
  const points = Array.from({ length: 12 }, (_, i) => ({
    date: `2026-${String(i + 1).padStart(2, '0')}-01`,
    value: 10 + (i % 3)
  }))
  const svg = spcChartSvg(computeSpc(points), {
    title: 'x',
    annotations: [
      { date: '2026-03-15', label: 'PDSA 1', kind: 'pdsa' },
      { date: '2026-01-01', label: 'Start', kind: 'note' },
      { date: '2027-01-01', label: 'Later', kind: 'note' }
    ]
  })
  assert.equal(svg.match(/class="spc-chart__annotation /g)?.length, 2)
  assert.match(svg, /<title>1\. Start<\/title>/)
  assert.match(svg, /spc-chart__annotation--pdsa"><title>2\. PDSA 1<\/title>/)
})
