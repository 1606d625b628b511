// The hazard log (docs/clinical-safety.md) names, for every hazard, the tests that prove its control. This
// checks that each named test file exists and that each quoted test name is a test in it, so the log cannot
// point at tests that were renamed or removed. (The tests themselves run with the rest of the suite.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
const log = readFileSync(join(root, 'docs/clinical-safety.md'), 'utf8')
const WORKED = 'test/domain/clinical-safety/worked-patients.test.ts'

const rows = log.split('\n').filter((l) => /^\| H\d+ \|/.test(l))

test('the hazard log has hazards, each with a control and at least one test', () => {
  assert.ok(rows.length >= 12, `${rows.length} hazards`)
  for (const row of rows) {
    const cells = row.split('|').map((c) => c.trim())
    const proved = cells[5] ?? ''
    assert.ok(cells[4] && cells[4].length > 20, `${cells[1]}: no control`)
    assert.ok(/test\/|\*worked\*/.test(proved), `${cells[1]}: names no test`)
  }
})

test('every test file the log names exists, and every quoted test name is in the file it follows', () => {
  for (const row of rows) {
    const proved = row.split('|')[5] ?? ''
    // Segments: "*worked*: "a", "b"" or "`path` "a"" separated by ';'.
    for (const segment of proved.split(';')) {
      const path = /`(test\/[^`*]+\.ts)`/.exec(segment)?.[1] ?? (segment.includes('*worked*') ? WORKED : null)
      if (!path) continue
      if (path.includes('*')) continue
      assert.ok(existsSync(join(root, path)), `${path} does not exist`)
      const source = readFileSync(join(root, path), 'utf8')
      for (const [, name] of segment.matchAll(/"([^"]+)"/g))
        assert.ok(source.includes(name!), `${path} has no test called "${name}"`)
    }
  }
})
