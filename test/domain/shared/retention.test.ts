import { test } from 'node:test'
import assert from 'node:assert/strict'
import { retentionCutoff } from '../../../src/domain/shared/retention.js'

test('the cutoff is the same instant, months earlier', () => {
  assert.equal(retentionCutoff(new Date('2026-12-02T14:00:00Z'), 96).toISOString(), '2018-12-02T14:00:00.000Z')
  assert.equal(retentionCutoff(new Date('2026-03-15T00:00:00Z'), 3).toISOString(), '2025-12-15T00:00:00.000Z')
})

test('a day that the earlier month lacks is clamped to its last day', () => {
  assert.equal(retentionCutoff(new Date('2026-03-31T09:30:00Z'), 1).toISOString(), '2026-02-28T09:30:00.000Z')
  assert.equal(retentionCutoff(new Date('2028-03-31T09:30:00Z'), 1).toISOString(), '2028-02-29T09:30:00.000Z')
})

test('periods must be whole months of at least one', () => {
  assert.throws(() => retentionCutoff(new Date(), 0), RangeError)
  assert.throws(() => retentionCutoff(new Date(), 1.5), RangeError)
})
