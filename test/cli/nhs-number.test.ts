import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runCli } from '../../src/cli/reach.js'
import type { CliIo } from '../../src/cli/io.js'

function fakeIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTTY: false, stdout: (s: string) => { io.out += s }, stderr: (s: string) => { io.err += s }, readFile: async () => '' }
  return io
}

test('reach nhs-number check prints VALUE<TAB>valid or VALUE<TAB>invalid<TAB>reason and exits 0', async () => {
  const io = fakeIo()
  const code = await runCli(['nhs-number', 'check', '943 476 5919', '9434765918', '4444444444', ''], io)
  assert.equal(code, 0)
  const lines = io.out.trimEnd().split('\n')
  assert.equal(lines[0], '943 476 5919\tvalid')
  assert.match(lines[1]!, /^9434765918\tinvalid\t.+/)
  assert.match(lines[2]!, /^4444444444\tinvalid\tall ten digits are the same/)
  assert.equal(lines[3], '\tinvalid\tempty')
  assert.equal(lines.length, 4)
})
