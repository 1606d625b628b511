// The equity page as people read it (issue 19): language names rather than codes, groups with no one in
// them left out rather than "hidden" (which means suppressed), and age-standardised limits for a
// percentage held to 0-100% and marked.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { equityTableRows, groupLabel, proportionLimits } from '../../../src/web/routes/area/equity-view-model.js'
import type { EquityCell } from '../../../src/domain/area/equity.js'

const cell = (group: string, n: number, d: number, value: number | null): EquityCell => ({
  group,
  numerator: { value: n, suppressed: false, reason: null } as unknown as EquityCell['numerator'],
  denominator: { value: d, suppressed: false, reason: null } as unknown as EquityCell['denominator'],
  value,
  lower: value === null ? null : value - 5,
  upper: value === null ? null : value + 5,
  comparison: 'similar'
})

test('languages by name, not code; "not recorded" in words', () => {
  assert.equal(groupLabel('language', 'ar'), 'Arabic')
  assert.equal(groupLabel('language', 'tr'), 'Turkish')
  assert.equal(groupLabel('language', 'yi'), 'Yiddish')
  assert.equal(groupLabel('language', 'not recorded'), 'Not recorded')
})

test('a group with no one in it is left out of the table; the overall row stays', () => {
  const rows = equityTableRows(
    { rows: [cell('en', 20, 40, 50), cell('bn', 0, 0, null)], overall: cell('All patients', 20, 40, 50) },
    'language'
  )
  assert.deepEqual(
    rows.map((r) => r[0]?.text),
    ['English', 'All patients']
  )
})

test('age-standardised limits for a percentage are held to 0-100% and say so', () => {
  assert.deepEqual(proportionLimits(12.34, 56.78), { text: '12.3% to 56.8%', capped: false })
  assert.deepEqual(proportionLimits(71.2, 104.6), { text: '71.2% to 100.0% (held to 0–100%)', capped: true })
  assert.deepEqual(proportionLimits(-0.4, 3.2), { text: '0.0% to 3.2% (held to 0–100%)', capped: true })
})
