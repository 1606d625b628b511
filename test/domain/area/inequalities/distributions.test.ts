import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  chiSquaredQuantile,
  gammaQuantile,
  logGamma,
  normalQuantile,
  regularizedGammaP,
  regularizedGammaQ,
  twoSidedZ
} from '../../../../src/domain/area/inequalities/distributions.js'

function assertClose(actual: number, expected: number, relative = 1e-13, message?: string): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE)
  assert.ok(Math.abs(actual - expected) <= relative * scale, `${message ?? ''} expected ${expected}, got ${actual}`)
}

describe('normalQuantile (R qnorm, AS 241)', () => {
  it('gives the critical values Fingertips uses, to the last bit of the true value', () => {
    // exact quantiles of the doubles nearest 0.975 and 0.999 (mpmath erfinv, 40 digits):
    // 1.959963984540053855604 and 3.090232306167813277758; within one unit in the last place
    assertClose(normalQuantile(0.975), 1.959963984540053855604, 2.3e-16)
    assertClose(normalQuantile(0.999), 3.090232306167813277758, 2.3e-16)
    // the double that the arithmetic of R's qnorm.c yields for 0.975 (checked with the same code and C's log)
    assert.equal(normalQuantile(0.975), 1.9599639845400536)
  })
  it('covers the central and both tail branches', () => {
    assert.equal(normalQuantile(0.5), 0)
    assertClose(normalQuantile(0.3), -0.5244005127080407, 1e-15)
    assertClose(normalQuantile(0.9), 1.2815515655446004, 1e-15)
    assertClose(normalQuantile(0.001), -3.090232306167813, 1e-15)
    assertClose(normalQuantile(1e-12), -7.034483825301131, 1e-15)
    assertClose(normalQuantile(1e-300), -37.0470962993612, 1e-14)
  })
  it('is antisymmetric about one half', () => {
    for (const p of [0.01, 0.1, 0.2, 0.4]) assertClose(normalQuantile(p), -normalQuantile(1 - p), 1e-14)
  })
  it('handles the ends of the range like R', () => {
    assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY)
    assert.equal(normalQuantile(1), Number.POSITIVE_INFINITY)
    assert.ok(Number.isNaN(normalQuantile(-0.1)))
    assert.ok(Number.isNaN(normalQuantile(1.1)))
    assert.ok(Number.isNaN(normalQuantile(Number.NaN)))
  })
})

describe('twoSidedZ', () => {
  it('forms confidence + (1 - confidence) / 2 the way the package does', () => {
    assert.equal(twoSidedZ(0.95), normalQuantile(0.95 + (1 - 0.95) / 2))
    assert.equal(twoSidedZ(0.998), normalQuantile(0.998 + (1 - 0.998) / 2))
    assertClose(twoSidedZ(0.998), 3.090232306167813277758, 2.3e-16)
  })
})

describe('logGamma', () => {
  it('matches exact values', () => {
    assertClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-15)
    assertClose(logGamma(10), Math.log(362880), 1e-15)
    assertClose(logGamma(20), Math.log(121645100408832000), 1e-15)
    assert.equal(logGamma(1), 0)
    assert.equal(logGamma(2), 0)
    // log(gamma(1e-5)) and log(gamma(100)) from mpmath.loggamma at 40 digits
    assertClose(logGamma(1e-5), 11.512919692895826, 1e-15)
    assertClose(logGamma(100), 359.1342053695754, 1e-15)
  })
  it('is NaN outside x > 0', () => {
    assert.ok(Number.isNaN(logGamma(0)))
    assert.ok(Number.isNaN(logGamma(-1)))
  })
})

describe('regularised incomplete gamma', () => {
  it('reduces to the exponential distribution for shape 1', () => {
    for (const x of [0.01, 0.5, 1, 2, 5, 20]) assertClose(regularizedGammaP(1, x), -Math.expm1(-x), 1e-14)
  })
  it('matches the Poisson sum for integer shapes', () => {
    // Q(k, x) = e^-x sum_{i<k} x^i / i!
    for (const [k, x] of [
      [3, 2.5],
      [10, 7],
      [10, 15],
      [5, 0.3]
    ] as const) {
      let term = Math.exp(-x)
      let sum = 0
      for (let i = 0; i < k; i++) {
        sum += term
        term *= x / (i + 1)
      }
      assertClose(regularizedGammaQ(k, x), sum, 1e-13)
      assertClose(regularizedGammaP(k, x) + regularizedGammaQ(k, x), 1, 1e-15)
    }
  })
  it('handles the boundaries', () => {
    assert.equal(regularizedGammaP(2, 0), 0)
    assert.equal(regularizedGammaQ(2, 0), 1)
    assert.equal(regularizedGammaP(0, 3), 1)
    assert.equal(regularizedGammaP(2, Number.POSITIVE_INFINITY), 1)
  })
})

describe('chiSquaredQuantile (R qchisq)', () => {
  it('matches high-precision references (mpmath bisection on the regularised gamma, 50 digits)', () => {
    // R prints qchisq(0.025, 10) = 3.246973, qchisq(0.999, 20) = 45.31475, qchisq(0.001, 18) = 4.904849
    assertClose(chiSquaredQuantile(0.975, 2), 7.3777589082278708, 1e-14)
    assertClose(chiSquaredQuantile(0.025, 10), 3.2469727802368411, 1e-14)
    assertClose(chiSquaredQuantile(0.999, 20), 45.314746618125859, 1e-14)
    assertClose(chiSquaredQuantile(0.001, 18), 4.9048488087275499, 1e-14)
    assertClose(chiSquaredQuantile(0.5, 7), 6.3458111955215175, 1e-14)
  })
  it('gives 0 for 0 degrees of freedom, as R does', () => {
    assert.equal(chiSquaredQuantile(0.025, 0), 0)
  })
})

describe('gammaQuantile', () => {
  it('inverts the regularised gamma function across shapes and tails', () => {
    for (const shape of [0.25, 0.5, 1, 2.5, 5, 10, 50, 200]) {
      for (const p of [1e-6, 0.0005, 0.025, 0.3, 0.5, 0.7, 0.975, 0.9995]) {
        const x = gammaQuantile(p, shape)
        const back = p < 0.5 ? regularizedGammaP(shape, x) : 1 - regularizedGammaQ(shape, x)
        assertClose(back, p, 1e-12, `shape ${shape}, p ${p}`)
      }
    }
  })
  it('handles the ends of the range', () => {
    assert.equal(gammaQuantile(0, 3), 0)
    assert.equal(gammaQuantile(1, 3), Number.POSITIVE_INFINITY)
    assert.ok(Number.isNaN(gammaQuantile(-0.5, 3)))
    assert.ok(Number.isNaN(gammaQuantile(0.5, -1)))
  })
})
