// Pasted manual values: every problem named by its line number, nothing accepted until all are fixed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseValueLines, periodStartOf } from '../../../../src/domain/qi/measures/index.js'

test('lines of date,value, with or without a header, blank lines skipped', () => {
  assert.deepEqual(parseValueLines('date,value\n2026-01-01,42\n\n2026-02-01, 43.5 \r\n2026-03-01,"44%"'), {
    ok: true,
    values: [
      { periodStart: '2026-01-01', value: 42, line: 2 },
      { periodStart: '2026-02-01', value: 43.5, line: 4 },
      { periodStart: '2026-03-01', value: 44, line: 5 }
    ]
  })
})

test('each bad line is reported with its number', () => {
  const result = parseValueLines('2026-01-01,1\n2026-02-30,2\n2026-03-01,two\n2026-04-01\n2026-01-01,5\n01/05/2026,6')
  assert.equal(result.ok, false)
  assert.deepEqual(!result.ok && result.problems.map((p) => p.line), [2, 3, 4, 5, 6])
  assert.deepEqual(!result.ok && result.problems.map((p) => p.text), [
    'Line 2: "2026-02-30" is not a real date in the form YYYY-MM-DD',
    'Line 3: "two" is not a number',
    'Line 4: enter a date and a value separated by one comma, like 2026-01-01,42',
    'Line 5: 2026-01-01 is already on line 1',
    'Line 6: "01/05/2026" is not a real date in the form YYYY-MM-DD'
  ])
})

test('nothing at all is a problem', () => {
  assert.deepEqual(parseValueLines('\n\n'), {
    ok: false,
    problems: [{ line: 1, text: 'Enter at least one line, like 2026-01-01,42' }]
  })
})

test('periods start on the first of the month, or on Monday', () => {
  assert.equal(periodStartOf('2026-03-17', 'monthly'), '2026-03-01')
  // Tuesday 17 March 2026 is in the week of Monday 16 March; Sunday 15 March in the week of Monday 9 March
  assert.equal(periodStartOf('2026-03-17', 'weekly'), '2026-03-16')
  assert.equal(periodStartOf('2026-03-15', 'weekly'), '2026-03-09')
  assert.equal(periodStartOf('2026-03-16', 'weekly'), '2026-03-16')
})
