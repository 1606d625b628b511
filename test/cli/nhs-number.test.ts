import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runReach } from '../helpers/run-cli.js'

test('reach nhs-number check prints VALUE<TAB>valid or VALUE<TAB>invalid<TAB>reason and exits 0', async () => {
  const { code, stdout } = await runReach(['nhs-number', 'check', '943 476 5919', '9434765918', '4444444444', ''])
  assert.equal(code, 0)
  const lines = stdout.trimEnd().split('\n')
  assert.equal(lines[0], '943 476 5919\tvalid')
  assert.match(lines[1]!, /^9434765918\tinvalid\t.+/)
  assert.match(lines[2]!, /^4444444444\tinvalid\tall ten digits are the same/)
  assert.equal(lines[3], '\tinvalid\tempty')
  assert.equal(lines.length, 4)
})
