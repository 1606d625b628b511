#!/usr/bin/env node
// `npm test`: every test file in one run of node's test runner (unit, integration on PGlite and,
// when reachable, PostgreSQL, and the browser specs). Node 20's runner does not expand globs,
// so the files are listed here. Extra arguments narrow the run: `npm test -- test/web`.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test']
const files = roots
  .flatMap((root) => (statSync(root).isDirectory() ? walk(root) : [root]))
  .filter((f) => f.endsWith('.test.ts') || f.endsWith('.spec.ts'))
  .sort((a, b) => Number(a.includes('browser')) - Number(b.includes('browser')) || a.localeCompare(b))

if (files.length === 0) {
  console.error('no test files found')
  process.exit(1)
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' }
})
process.exit(result.status ?? 1)
