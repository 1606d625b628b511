// The one CSV writer: formula cells neutralised (OWASP "CSV injection"), numbers and numeric text
// untouched, RFC 4180 quoting. Security finding 5: a User-Agent of =HYPERLINK(...) reached the
// audit export as a live formula; LSOA names reached the risk-index CSV unescaped.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { csvCell, toCsv } from '../../../src/domain/shared/csv.js'

test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const cell of ['=HYPERLINK("http://evil.test","x")', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
    assert.equal(csvCell(cell), `'${cell}`)
})

test('numbers and numeric text are written as they are', () => {
  assert.equal(csvCell(-0.5), -0.5)
  for (const cell of ['-0.5', '+3', '-1e-7', '12', 'City of London 001A']) assert.equal(csvCell(cell), cell)
  assert.equal(csvCell(null), '')
  assert.equal(csvCell(undefined), '')
  assert.equal(csvCell(true), 'true')
})

test('rows are quoted only where needed, header first', () => {
  assert.equal(
    toCsv(
      ['name', 'value'],
      [
        ['a, b', 1],
        ['=1+1', -2],
        ['say "hi"', null]
      ]
    ),
    'name,value\n"a, b",1\n\'=1+1,-2\n"say ""hi""",\n'
  )
})
