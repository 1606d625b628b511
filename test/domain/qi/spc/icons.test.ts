import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assuranceIcon, variationIcon } from '../../../../src/domain/qi/spc/icons.js'
import { pointType } from '../../../../src/domain/qi/spc/point-type.js'

// The three facets of tests/testthat/test-ptd_calculate_assurance_type.R, target 4:
// a: limits 1–3, b: limits 5–7, c: limits 1–5
const FACETS = [
  { lpl: 1, upl: 3 },
  { lpl: 5, upl: 7 },
  { lpl: 1, upl: 5 }
]

test('assurance when higher is better: fail, pass, inconsistent (test-ptd_calculate_assurance_type.R)', () => {
  assert.deepEqual(
    FACETS.map((f) => assuranceIcon({ target: 4, direction: 'increase', ...f })),
    ['fail', 'pass', 'inconsistent']
  )
})

test('assurance when lower is better: pass, fail, inconsistent (test-ptd_calculate_assurance_type.R)', () => {
  assert.deepEqual(
    FACETS.map((f) => assuranceIcon({ target: 4, direction: 'decrease', ...f })),
    ['pass', 'fail', 'inconsistent']
  )
})

test('no assurance for a neutral direction or without a target (test-ptd_calculate_assurance_type.R)', () => {
  assert.deepEqual(
    FACETS.map((f) => assuranceIcon({ target: 4, direction: 'neutral', ...f })),
    ['none', 'none', 'none']
  )
  assert.equal(assuranceIcon({ target: null, direction: 'increase', lpl: 1, upl: 3 }), 'none')
  assert.equal(assuranceIcon({ target: undefined, direction: 'decrease', lpl: 1, upl: 3 }), 'none')
})

test('a target on a limit, or limits that could not be computed, is inconsistent', () => {
  assert.equal(assuranceIcon({ target: 3, direction: 'increase', lpl: 1, upl: 3 }), 'inconsistent')
  assert.equal(assuranceIcon({ target: 1, direction: 'increase', lpl: 1, upl: 3 }), 'inconsistent')
  assert.equal(assuranceIcon({ target: 1, direction: 'increase', lpl: null, upl: null }), 'inconsistent')
})

test('variation icon from the last point type and direction (variation_icon_file in R/geom_ptd_icon.R)', () => {
  assert.equal(variationIcon('common_cause', 'increase'), 'common_cause')
  assert.equal(variationIcon(undefined, 'increase'), 'common_cause')
  assert.equal(variationIcon('special_cause_improvement', 'increase'), 'improvement_high')
  assert.equal(variationIcon('special_cause_improvement', 'decrease'), 'improvement_low')
  assert.equal(variationIcon('special_cause_concern', 'increase'), 'concern_low')
  assert.equal(variationIcon('special_cause_concern', 'decrease'), 'concern_high')
  assert.equal(variationIcon('special_cause_neutral_high', 'neutral'), 'neutral_high')
  assert.equal(variationIcon('special_cause_neutral_low', 'neutral'), 'neutral_low')
})

test('point type by side and direction (ptd_point_type in R/ptd_calculate_point_type.R)', () => {
  assert.equal(pointType('common_cause', 'increase'), 'common_cause')
  assert.equal(pointType('above_upper_limit', 'increase'), 'special_cause_improvement')
  assert.equal(pointType('above_upper_limit', 'decrease'), 'special_cause_concern')
  assert.equal(pointType('trend_decreasing', 'increase'), 'special_cause_concern')
  assert.equal(pointType('trend_decreasing', 'decrease'), 'special_cause_improvement')
  assert.equal(pointType('two_of_three_below', 'neutral'), 'special_cause_neutral_low')
  assert.equal(pointType('run_above', 'neutral'), 'special_cause_neutral_high')
  assert.equal(pointType('common_cause', 'neutral'), 'common_cause')
})
