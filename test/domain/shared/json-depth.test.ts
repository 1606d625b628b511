import { test } from 'node:test'
import assert from 'node:assert/strict'
import { jsonDepthExceeds } from '../../../src/domain/shared/json-depth.js'

test('counts nesting of arrays and objects, not of scalars', () => {
  assert.equal(jsonDepthExceeds('x', 0), false)
  assert.equal(jsonDepthExceeds([1], 0), true)
  assert.equal(jsonDepthExceeds({ a: [{ b: 1 }] }, 3), false)
  assert.equal(jsonDepthExceeds({ a: [{ b: [] }] }, 2), true)
})

test('a 100,000-deep array does not overflow the stack', () => {
  let deep: unknown = 'x'
  for (let i = 0; i < 100_000; i++) deep = [deep]
  assert.equal(jsonDepthExceeds(deep), true)
})
