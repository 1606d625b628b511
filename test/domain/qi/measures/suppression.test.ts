// Small-number suppression (NHS Digital / ONS convention: counts 1 to 4 are not published; 0 is).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isSmallNumber, suppressSmallNumbers } from '../../../../src/domain/qi/measures/index.js'

test('1 to 4 are small; 0 and 5 are not', () => {
  assert.deepEqual([0, 1, 4, 5, null].map(isSmallNumber), [false, true, true, false, false])
})

test('a period with a small numerator or denominator is blanked', () => {
  const rows = suppressSmallNumbers([
    { periodStart: '2026-01-01', numerator: 0, denominator: 12, value: 0, suppressed: false },
    { periodStart: '2026-02-01', numerator: 3, denominator: 12, value: 25, suppressed: false },
    { periodStart: '2026-03-01', numerator: 5, denominator: 20, value: 25, suppressed: false }
  ])
  assert.deepEqual(
    rows.map((r) => [r.value, r.suppressed]),
    [
      [0, false],
      [null, true],
      [25, false]
    ]
  )
})
