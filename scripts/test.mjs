#!/usr/bin/env node
// `npm test`: the quality gates, then every test file in one run of node's test runner (unit,
// integration on PGlite and, when reachable, PostgreSQL, and the browser specs).
//
// Gates (full runs only): `tsc --noEmit`, ESLint (typescript-eslint and the layer boundaries in
// eslint.config.js) and Prettier's check. A failing gate stops the run before the tests.
// Extra arguments narrow the run to some test files and skip the gates: `npm test -- test/web`.
// Node 20's runner does not expand globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

const narrowed = process.argv.slice(2).length > 0
const roots = narrowed ? process.argv.slice(2) : ['test']
const files = roots
  .flatMap((root) => (statSync(root).isDirectory() ? walk(root) : [root]))
  .filter((f) => f.endsWith('.test.ts') || f.endsWith('.spec.ts'))
  .sort((a, b) => Number(a.includes('browser')) - Number(b.includes('browser')) || a.localeCompare(b))

if (files.length === 0) {
  console.error('no test files found')
  process.exit(1)
}

const bin = (name) => join('node_modules', '.bin', name)
const gates = [
  ['typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']],
  ['lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']],
  [
    'format (prettier --check)',
    bin('prettier'),
    ['--check', '--log-level=warn', 'src', 'test', 'bench', 'scripts', 'bin']
  ]
]
if (!narrowed && process.env.REACH_SKIP_GATES !== '1') {
  for (const [label, command, args] of gates) {
    const started = Date.now()
    const gate = spawnSync(command, args, { stdio: 'inherit' })
    if (gate.status !== 0) {
      console.error(`gate failed: ${label}. Nothing else was run.`)
      process.exit(gate.status ?? 1)
    }
    console.log(`gate passed: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' }
})
process.exit(result.status ?? 1)
