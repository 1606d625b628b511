// Worked examples: shared/data/screening/nhs-number-examples.csv (NHS Data Dictionary, NHS NUMBER),
// read through REACH_SHARED_DATA so the data is never copied into the repository.
import { referenceDataDir } from '../../../src/config.js'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import {
  formatNhsNumber,
  nhsCheckDigit,
  testRangeNhsNumber,
  validateNhsNumber
} from '../../../src/domain/shared/nhs-number.js'

const examplesFile = join(
  resolve(process.env.REACH_SHARED_DATA ?? referenceDataDir),
  'screening',
  'nhs-number-examples.csv'
)

test(
  'every worked example in the shared examples file',
  { skip: !existsSync(examplesFile) && 'shared data not found' },
  () => {
    const rows = parse(readFileSync(examplesFile, 'utf8'), { columns: true }) as {
      value: string
      valid: string
      reason: string
    }[]
    assert.ok(rows.length >= 10)
    for (const row of rows) {
      assert.equal(
        validateNhsNumber(row.value).valid,
        row.valid === 'true',
        `${JSON.stringify(row.value)}: ${row.reason}`
      )
    }
  }
)

test('Modulus 11 arithmetic (NHS Data Dictionary worked example 943 476 5919)', () => {
  // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9
  assert.equal(nhsCheckDigit('943476591'), 9)
  assert.deepEqual(validateNhsNumber('943 476 5919'), { valid: true, value: '9434765919' })
})

test('reasons for invalid numbers', () => {
  const problem = (v: string) => {
    const r = validateNhsNumber(v)
    return r.valid ? 'valid' : r.problem
  }
  assert.equal(problem(''), 'empty')
  assert.equal(problem('   '), 'empty')
  assert.equal(problem('943476591'), 'wrong-length')
  assert.equal(problem('94347659190'), 'wrong-length')
  assert.equal(problem('943.476.5919'), 'non-digit')
  assert.equal(problem('９４３４７６５９１９'), 'non-digit')
  assert.equal(problem('9434765918'), 'check-digit-mismatch')
  assert.equal(problem('4782464690'), 'check-digit-10')
  for (let d = 0; d <= 9; d++) assert.equal(problem(String(d).repeat(10)), 'all-same-digit')
  assert.equal(problem(' 943-476-5919 '), 'valid')
})

test('display 3-3-4', () => {
  assert.equal(formatNhsNumber('9434765919'), '943 476 5919')
})

test('test-range numbers are valid and start 999', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 2000; i += 7) {
    const n = testRangeNhsNumber(i)
    assert.ok(n.startsWith('999'))
    assert.equal(validateNhsNumber(n).valid, true)
    seen.add(n)
  }
  assert.ok(seen.size > 250)
})
