import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  proportionWithWilsonInterval,
  wilsonLower,
  wilsonUpper
} from '../../../../src/domain/area/inequalities/wilson.js'

function assertClose(actual: number, expected: number, relative = 1e-12, message?: string): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE)
  assert.ok(Math.abs(actual - expected) <= relative * scale, `${message ?? ''} expected ${expected}, got ${actual}`)
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000

describe('Wilson score interval (phe_proportion, wilson_lower / wilson_upper)', () => {
  it('reproduces the published Wilson intervals of Newcombe (1998), Stat Med 17:857-872, table II', () => {
    const table: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
      [29, 29, 0.883, 1]
    ]
    for (const [x, n, lower, upper] of table) {
      assert.equal(round4(wilsonLower(x, n)), lower, `${x}/${n} lower`)
      assert.equal(round4(wilsonUpper(x, n)), upper, `${x}/${n} upper`)
    }
  })

  it('matches the package formula at full precision', () => {
    // Inputs of PHEindicatormethods tests/testthat/testWilson.R (test_BW rows 7-12); references are the
    // package formula evaluated in 50-digit arithmetic (mpmath) with z = qnorm(confidence + (1 - confidence) / 2).
    const cases: [number, number, number, number, number][] = [
      [65, 100, 0.95, 0.55254443296887962, 0.73635751756902468],
      [1045, 5000, 0.95, 0.19795549880013297, 0.22049130373189028],
      [0.445, 1, 0.95, 0.043817447720588201, 0.93346212769791568],
      [65, 100, 0.998, 0.49549465740704475, 0.77835406140896857],
      [1045, 5000, 0.998, 0.1917938179901526, 0.22731562902525795],
      [3, 7, 0.998, 0.091618908746024953, 0.84795643537481209],
      [0, 100, 0.95, 0, 0.036993498206985671],
      [0, 50, 0.998, 0, 0.16036289104278802]
    ]
    for (const [x, n, confidence, lower, upper] of cases) {
      if (lower === 0) assert.ok(Math.abs(wilsonLower(x, n, confidence)) < 1e-17)
      else assertClose(wilsonLower(x, n, confidence), lower, 1e-13, `${x}/${n} at ${confidence}`)
      assertClose(wilsonUpper(x, n, confidence), upper, 1e-13, `${x}/${n} at ${confidence}`)
    }
  })

  it('gives a lower limit of 0 for a numerator of 0 and an upper limit of 1 when numerator = denominator', () => {
    assert.equal(wilsonLower(0, 20), 0)
    assertClose(wilsonUpper(100, 100), 1, 1e-15)
    assertClose(wilsonLower(100, 100), 0.96300650179301433, 1e-13)
  })

  it('returns 0 and 1 at confidence 1, as the package does', () => {
    assert.equal(wilsonLower(65, 100, 1), 0)
    assert.equal(wilsonUpper(65, 100, 1), 1)
  })

  it('rejects the inputs the package rejects', () => {
    assert.throws(() => wilsonLower(-1, 100), /numerator/)
    assert.throws(() => wilsonLower(5, 0), /denominator/)
    assert.throws(() => wilsonUpper(5, -6), /denominator/)
    assert.throws(() => wilsonUpper(80, 50), /less than or equal/)
    assert.throws(() => wilsonLower(65, 100, 0.7), /confidence/)
    assert.throws(() => wilsonLower(65, 100, 95), /confidence/)
    assert.throws(() => wilsonLower(Number.NaN, 100), /numerator/)
  })
})

describe('proportionWithWilsonInterval', () => {
  it('returns the value and limits, scaled by the multiplier (default 1)', () => {
    const p = proportionWithWilsonInterval(65, 100)
    assert.equal(p.value, 0.65)
    assertClose(p.lower, 0.55254443296887962, 1e-13)
    assertClose(p.upper, 0.73635751756902468, 1e-13)
    const pct = proportionWithWilsonInterval(65, 100, { multiplier: 100, confidence: 0.998 })
    assertClose(pct.value, 65, 1e-15)
    assertClose(pct.lower, 49.549465740704475, 1e-13)
    assertClose(pct.upper, 77.835406140896857, 1e-13)
  })
})
