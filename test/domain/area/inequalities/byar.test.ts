import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  BYARS_MINIMUM_COUNT,
  byarsLower,
  byarsUpper,
  countInterval,
  exactPoissonLower,
  exactPoissonUpper,
  rateWithInterval
} from '../../../../src/domain/area/inequalities/byar.js'

function assertClose(actual: number | null, expected: number, relative = 1e-12, message?: string): void {
  assert.ok(actual !== null, `${message ?? ''} expected ${expected}, got null`)
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE)
  assert.ok(Math.abs(actual - expected) <= relative * scale, `${message ?? ''} expected ${expected}, got ${actual}`)
}

describe("Byar's method (byars_lower / byars_upper)", () => {
  it('matches the package formula at full precision', () => {
    // Inputs of PHEindicatormethods tests/testthat/testByars.R (test_BW rows 1-6); references are the
    // package formula in 50-digit arithmetic (mpmath).
    const cases: [number, number, number, number][] = [
      [65, 0.95, 50.163187710459444, 82.849138545939856],
      [1045, 0.95, 982.5932018073327, 1110.3312129856498],
      [10, 0.95, 4.7874499139675625, 18.391458605756474],
      [65, 0.998, 42.880261471480199, 94.000290844317997],
      [1045, 0.998, 947.94070356103749, 1148.8061609880327],
      [10, 0.998, 2.9163183746956855, 24.193724927880538],
      [1, 0.95, 0.013072132901504345, 5.5637555824752616]
    ]
    for (const [x, confidence, lower, upper] of cases) {
      assertClose(byarsLower(x, confidence), lower, 1e-13, `${x} at ${confidence}`)
      assertClose(byarsUpper(x, confidence), upper, 1e-13, `${x} at ${confidence}`)
    }
  })

  it('has no lower limit for a count of 0 (the package returns NA)', () => {
    assert.equal(byarsLower(0), null)
    assertClose(byarsUpper(0), 3.668011832173751, 1e-13)
  })

  it('rejects negative counts and confidence outside 0.9 to 1', () => {
    assert.throws(() => byarsLower(-4), /count/)
    assert.throws(() => byarsUpper(-4), /count/)
    assert.throws(() => byarsLower(65, 0.7), /confidence/)
    assert.throws(() => byarsUpper(65, 125), /confidence/)
  })
})

describe('exact Poisson limits (phe_rate for counts below 10)', () => {
  // qchisq((1 - c)/2, 2x)/2 and qchisq(c + (1 - c)/2, 2x + 2)/2, evaluated by 50-digit bisection (mpmath)
  const reference: [number, number, number, number][] = [
    [0, 0.95, 0, 3.6888794541139354],
    [0, 0.998, 0, 6.9077552789821362],
    [1, 0.95, 0.025317807984289898, 5.5716433909388975],
    [1, 0.998, 0.0010005003335835344, 9.2334134764515847],
    [2, 0.95, 0.24220927854396502, 7.2246876677239596],
    [2, 0.998, 0.045402017769489577, 11.228872242412662],
    [3, 0.95, 0.6186721228956015, 8.7672730697423248],
    [3, 0.998, 0.19053337756840325, 13.06224077918807],
    [4, 0.95, 1.0898653736263252, 10.241588675403697],
    [4, 0.998, 0.42855241362842308, 14.794149222537208],
    [5, 0.95, 1.6234863901184209, 11.668332079322668],
    [5, 0.998, 0.73937173191783267, 16.454745203680105],
    [6, 0.95, 2.2018942534908513, 13.059474022518684],
    [6, 0.998, 1.1071046602556395, 18.061636840199069],
    [7, 0.95, 2.8143630515198666, 14.422675361702378],
    [7, 0.998, 1.5203362603988093, 19.626177395384237],
    [8, 0.95, 3.4538321767485019, 15.763189220193314],
    [8, 0.998, 1.9708139217403661, 21.156198165839982],
    [9, 0.95, 4.1153730973783331, 17.084803451419169],
    [9, 0.998, 2.4524244043637752, 22.657373309062929]
  ]

  it('matches high-precision references for every count from 0 to 9', () => {
    for (const [x, confidence, lower, upper] of reference) {
      if (lower === 0) assert.equal(exactPoissonLower(x, confidence), 0)
      else assertClose(exactPoissonLower(x, confidence), lower, 1e-13, `lower ${x} at ${confidence}`)
      assertClose(exactPoissonUpper(x, confidence), upper, 1e-13, `upper ${x} at ${confidence}`)
    }
  })

  it("agrees with Garwood's published table (95%: 0 -> 0 to 3.689; 5 -> 1.6235 to 11.6683)", () => {
    assert.equal(exactPoissonUpper(0).toFixed(3), '3.689')
    assert.equal(exactPoissonLower(5).toFixed(4), '1.6235')
    assert.equal(exactPoissonUpper(5).toFixed(4), '11.6683')
  })
})

describe('countInterval', () => {
  it('uses exact limits below 10 and Byar from 10, as phe_rate does', () => {
    assert.equal(BYARS_MINIMUM_COUNT, 10)
    assert.equal(countInterval(9).method, 'exact')
    assert.equal(countInterval(9.5).method, 'exact')
    assert.equal(countInterval(10).method, 'byars')
    assertClose(countInterval(10).lower, 4.7874499139675625, 1e-13)
    assertClose(countInterval(9).upper, 17.084803451419169, 1e-13)
  })
})

describe('rateWithInterval (phe_rate)', () => {
  it('scales the count limits by denominator and multiplier (default 100000)', () => {
    const r = rateWithInterval(65, 100000)
    assert.equal(r.value, 65)
    assert.equal(r.method, 'byars')
    assertClose(r.lower, 50.163187710459444, 1e-13)
    assertClose(r.upper, 82.849138545939856, 1e-13)
  })
  it('handles a zero count with a lower limit of 0', () => {
    const r = rateWithInterval(0, 1000)
    assert.equal(r.value, 0)
    assert.equal(r.lower, 0)
    assertClose(r.upper, 368.88794541139354, 1e-13)
  })
  it('takes another multiplier and the 99.8% level', () => {
    const r = rateWithInterval(5, 1000, { multiplier: 100, confidence: 0.998 })
    assert.equal(r.value, 0.5)
    assertClose(r.lower, 0.073937173191783267, 1e-13)
    assertClose(r.upper, 1.6454745203680105, 1e-13)
  })
  it('allows counts above the denominator (rates are not proportions)', () => {
    assert.equal(rateWithInterval(150, 100, { multiplier: 1 }).value, 1.5)
  })
  it('rejects the inputs the package rejects', () => {
    assert.throws(() => rateWithInterval(-65, 100), /count/)
    assert.throws(() => rateWithInterval(65, 0), /denominator/)
    assert.throws(() => rateWithInterval(65, -100), /denominator/)
    assert.throws(() => rateWithInterval(65, 100, { confidence: 0.2 }), /confidence/)
  })
})
