// Round value ticks and evenly spaced date labels for the charts.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { dateLabelIndices, niceTicks } from '../../../src/web/charts/axis.js'

test('value ticks fall on round steps of 1, 2 or 5 times a power of ten', () => {
  assert.deepEqual(niceTicks(44.7, 55.3), { low: 44, high: 56, step: 2, ticks: [44, 46, 48, 50, 52, 54, 56] })
  assert.deepEqual(niceTicks(0, 1).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1])
  assert.deepEqual(niceTicks(-3.2, 104.6).ticks, [-20, 0, 20, 40, 60, 80, 100, 120])
  assert.deepEqual(niceTicks(0.1, 0.3).ticks, [0.1, 0.15, 0.2, 0.25, 0.3])
  assert.deepEqual(niceTicks(12, 312).ticks, [0, 100, 200, 300, 400])
})

test('a flat series and reversed or infinite ends still give a usable scale', () => {
  assert.deepEqual(niceTicks(5, 5).ticks, [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6])
  assert.deepEqual(niceTicks(0, 0).ticks, [-1, -0.5, 0, 0.5, 1])
  assert.deepEqual(niceTicks(10, 0), niceTicks(0, 10))
  assert.deepEqual(niceTicks(Number.NaN, 1).ticks, [0, 0.25, 0.5, 0.75, 1])
})

test('every ticked value lies on the scale, and the scale covers the data', () => {
  for (const [low, high] of [
    [3, 97],
    [0.0012, 0.0097],
    [-40, -2],
    [1234, 98765]
  ] as const) {
    const t = niceTicks(low, high)
    assert.ok(t.low <= low && t.high >= high)
    assert.equal(t.ticks[0], t.low)
    assert.equal(t.ticks[t.ticks.length - 1], t.high)
    assert.ok(t.ticks.length >= 3 && t.ticks.length <= 11, `${low}..${high}: ${t.ticks.length} ticks`)
  }
})

test('date labels: all when they fit, otherwise evenly spaced from the first, always with the last', () => {
  assert.deepEqual(dateLabelIndices(6, 8), [0, 1, 2, 3, 4, 5])
  assert.deepEqual(dateLabelIndices(24, 8), [0, 4, 8, 12, 16, 23])
  assert.deepEqual(dateLabelIndices(25, 9), [0, 3, 6, 9, 12, 15, 18, 21, 24])
  assert.deepEqual(dateLabelIndices(22, 8), [0, 3, 6, 9, 12, 15, 18, 21])
  assert.deepEqual(dateLabelIndices(0, 8), [])
  assert.deepEqual(dateLabelIndices(1, 8), [0])
})
