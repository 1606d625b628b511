import { test } from 'node:test'
import assert from 'node:assert/strict'
import { computeSpc } from '../../../src/domain/qi/spc/index.js'
import { pointColour, spcChartSvg, SPC_COLOURS } from '../../../src/web/charts/spc-chart-svg.js'

const dated = (values: readonly number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: new Date(Date.UTC(2021, 2, 22 + i)).toISOString().slice(0, 10), value }))

// vignettes/deviations.Rmd of NHSRplotthedots: one improvement point among common cause
const DEVIATIONS = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

test('the chart is an image with an accessible name and description', () => {
  const svg = spcChartSvg(computeSpc(dated(DEVIATIONS)), { title: 'Waits <4 hours & "more"', id: 'waits' })
  assert.match(svg, /^<svg [^>]*role="img"/)
  assert.match(svg, /aria-labelledby="waits-title waits-desc"/)
  assert.match(svg, /<title id="waits-title">Waits &lt;4 hours &amp; &quot;more&quot;<\/title>/)
  assert.match(
    svg,
    /<desc id="waits-desc">18 points from 2021-03-22 to 2021-04-08; 1 special cause; variation: common cause\.<\/desc>/
  )
  assert.doesNotMatch(svg, /NaN|undefined/)
})

test('points take the Making Data Count colours (ptd_spc_colours)', () => {
  const svg = spcChartSvg(computeSpc(dated(DEVIATIONS)), { title: 'x' })
  const circles = svg.match(/<circle [^>]*>/g) ?? []
  assert.equal(circles.length, 18)
  assert.equal(circles.filter((c) => c.includes(`fill="${SPC_COLOURS.special_cause_improvement}"`)).length, 1)
  assert.equal(circles.filter((c) => c.includes(`fill="${SPC_COLOURS.common_cause}"`)).length, 17)
  assert.equal(pointColour('special_cause_concern'), '#e46c0a')
  assert.equal(pointColour('special_cause_neutral_low'), '#490092')
  assert.match(svg, /<title>2021-03-26: 10 \(special cause, improvement\)<\/title>/)
})

test('lines break at a rebase and a target is drawn', () => {
  const points = dated([...DEVIATIONS, 20, 21, 20, 21, 20, 21])
  const svg = spcChartSvg(computeSpc(points, { rebase: [points[18]?.date ?? ''], target: 5 }), { title: 'x' })
  assert.equal((svg.match(/class="spc-chart__process"/g) ?? []).length, 2)
  assert.equal((svg.match(/class="spc-chart__mean"/g) ?? []).length, 2)
  assert.equal((svg.match(/class="spc-chart__target"/g) ?? []).length, 1)
  assert.match(svg, /assurance: pass/) // target 5 is under the last segment's lower limit
})

test('missing limits, a single point and an empty series render without errors', () => {
  const one = spcChartSvg(computeSpc(dated([3])), { title: 'one' })
  assert.doesNotMatch(one, /spc-chart__upl|NaN/)
  assert.equal((one.match(/<circle /g) ?? []).length, 1)
  const empty = spcChartSvg(computeSpc([]), { title: 'none' })
  assert.match(empty, /<desc id="spc-chart-desc">No data\.<\/desc>/)
  assert.doesNotMatch(empty, /NaN|<circle/)
})
