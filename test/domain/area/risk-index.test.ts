import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  DEFAULT_WEIGHTS,
  INDICATORS,
  INDICATOR_KEYS,
  RiskIndexError,
  RiskIndexWeightsError,
  bandByRisk,
  bandFromRank,
  componentCoefficients,
  computeRiskIndex,
  computeRiskIndexBySet,
  defaultWeights,
  indicatorsOf,
  minMaxScores,
  parseWeightsOverride,
  rankByRisk,
  resolveWeights,
  weightProblems,
  type IndicatorKey,
  type RiskIndexInputRow
} from '../../../src/domain/area/risk-index.js'

function close(actual: number | null | undefined, expected: number, message?: string): void {
  assert.ok(typeof actual === 'number', message ?? `expected a number, got ${String(actual)}`)
  assert.ok(Math.abs(actual - expected) < 1e-12, `${message ?? ''} expected ${expected}, got ${actual}`)
}

function row(lsoa: string, values: Record<IndicatorKey, number | null>): RiskIndexInputRow {
  return { lsoa, ...values }
}

/*
 * Worked example: three LSOAs, comparison set = these three rows.
 *
 *                     A     B     C    min  max   scores A, B, C
 * pct_65_plus        10    20    30    10   30    0, 5, 10
 * pct_75_plus         5    10     5     5   10    0, 10, 0
 * pct_limited        20    15    25    15   25    5, 0, 10
 * pct_grade_de       30    40    20    20   40    5, 10, 0
 * pct_no_quals       10    20    30    10   30    0, 5, 10
 * pension_credit    100   200   150   100  200    0, 10, 5
 * unemployment        2     4     6     2    6    0, 5, 10
 * imd_score          10    30    20    10   30    0, 10, 5
 * pct_below_30        0     5    10     0   10    0, 5, 10
 * pct_below_10        1     2     3     1    3    0, 5, 10
 * avg_download      100    50    75    50  100    lower = more risk: 10*(100-x)/50 = 0, 10, 5
 *
 * Demography, weights 5,5,2,2 (sum 14):
 *   A (5*0 + 5*0 + 2*5 + 2*5) / 14 = 20/14
 *   B (5*5 + 5*10 + 2*0 + 2*10) / 14 = 95/14
 *   C (5*10 + 5*0 + 2*10 + 2*0) / 14 = 70/14 = 5
 * Deprivation, weights 4,2,2,2 (sum 10):
 *   A 0
 *   B (4*5 + 2*10 + 2*5 + 2*10) / 10 = 70/10 = 7
 *   C (4*10 + 2*5 + 2*10 + 2*5) / 10 = 80/10 = 8
 * Broadband, weights 3,3,3 (sum 9):
 *   A 0
 *   B (3*5 + 3*5 + 3*10) / 9 = 60/9
 *   C (3*10 + 3*10 + 3*5) / 9 = 75/9
 * DERI, components 3,3,3: plain mean
 *   A (20/14 + 0 + 0) / 3 = 0.476190…
 *   B (95/14 + 7 + 60/9) / 3 = 6.817460…
 *   C (5 + 8 + 75/9) / 3 = 7.111111…
 */
const A = row('A', {
  pct_65_plus: 10,
  pct_75_plus: 5,
  pct_limited_activities: 20,
  pct_grade_de: 30,
  pct_no_qualifications: 10,
  pension_credit_per_1000: 100,
  unemployment_rate: 2,
  imd_score: 10,
  pct_below_30mbit: 0,
  pct_below_10mbit: 1,
  avg_download_mbit: 100
})
const B = row('B', {
  pct_65_plus: 20,
  pct_75_plus: 10,
  pct_limited_activities: 15,
  pct_grade_de: 40,
  pct_no_qualifications: 20,
  pension_credit_per_1000: 200,
  unemployment_rate: 4,
  imd_score: 30,
  pct_below_30mbit: 5,
  pct_below_10mbit: 2,
  avg_download_mbit: 50
})
const C = row('C', {
  pct_65_plus: 30,
  pct_75_plus: 5,
  pct_limited_activities: 25,
  pct_grade_de: 20,
  pct_no_qualifications: 30,
  pension_credit_per_1000: 150,
  unemployment_rate: 6,
  imd_score: 20,
  pct_below_30mbit: 10,
  pct_below_10mbit: 3,
  avg_download_mbit: 75
})

describe('indicators and default weights', () => {
  it('lists the eleven indicators in method order with GMCA default weights', () => {
    assert.deepEqual(INDICATOR_KEYS, [
      'pct_65_plus',
      'pct_75_plus',
      'pct_limited_activities',
      'pct_grade_de',
      'pct_no_qualifications',
      'pension_credit_per_1000',
      'unemployment_rate',
      'imd_score',
      'pct_below_30mbit',
      'pct_below_10mbit',
      'avg_download_mbit'
    ])
    assert.deepEqual(
      INDICATORS.map((i) => i.defaultWeight),
      [5, 5, 2, 2, 4, 2, 2, 2, 3, 3, 3]
    )
    assert.deepEqual([DEFAULT_WEIGHTS.demography, DEFAULT_WEIGHTS.deprivation, DEFAULT_WEIGHTS.broadband], [3, 3, 3])
    assert.deepEqual(indicatorsOf('broadband'), ['pct_below_30mbit', 'pct_below_10mbit', 'avg_download_mbit'])
  })

  it('marks only average download speed as lower = more risk', () => {
    assert.deepEqual(
      INDICATORS.filter((i) => i.direction === 'lower').map((i) => i.key),
      ['avg_download_mbit']
    )
  })
})

describe('minMaxScores', () => {
  it('rescales to 0..10, higher = more risk', () => {
    // min 2, max 6: 10*(2-2)/4 = 0, 10*(3-2)/4 = 2.5, 10*(6-2)/4 = 10
    assert.deepEqual(minMaxScores([2, 3, 6], 'higher'), [0, 2.5, 10])
  })

  it('reverses the scale for lower = more risk (download speed)', () => {
    // min 20, max 100: 10*(100-20)/80 = 10, 10*(100-40)/80 = 7.5, 10*(100-100)/80 = 0
    assert.deepEqual(minMaxScores([20, 40, 100], 'lower'), [10, 7.5, 0])
  })

  it('scores 0 everywhere when every value is the same', () => {
    assert.deepEqual(minMaxScores([7, 7, 7], 'higher'), [0, 0, 0])
    assert.deepEqual(minMaxScores([7, 7, 7], 'lower'), [0, 0, 0])
    assert.deepEqual(minMaxScores([4], 'higher'), [0])
  })

  it('leaves nulls out of min and max', () => {
    assert.deepEqual(minMaxScores([0, null, 10], 'higher'), [0, null, 10])
  })
})

describe('computeRiskIndex: worked example', () => {
  const [a, b, c] = computeRiskIndex([A, B, C])

  it('gives indicator scores as in the table', () => {
    assert.deepEqual(a?.scores, {
      pct_65_plus: 0,
      pct_75_plus: 0,
      pct_limited_activities: 5,
      pct_grade_de: 5,
      pct_no_qualifications: 0,
      pension_credit_per_1000: 0,
      unemployment_rate: 0,
      imd_score: 0,
      pct_below_30mbit: 0,
      pct_below_10mbit: 0,
      avg_download_mbit: 0
    })
    assert.deepEqual(b?.scores, {
      pct_65_plus: 5,
      pct_75_plus: 10,
      pct_limited_activities: 0,
      pct_grade_de: 10,
      pct_no_qualifications: 5,
      pension_credit_per_1000: 10,
      unemployment_rate: 5,
      imd_score: 10,
      pct_below_30mbit: 5,
      pct_below_10mbit: 5,
      avg_download_mbit: 10
    })
    assert.deepEqual(c?.scores, {
      pct_65_plus: 10,
      pct_75_plus: 0,
      pct_limited_activities: 10,
      pct_grade_de: 0,
      pct_no_qualifications: 10,
      pension_credit_per_1000: 5,
      unemployment_rate: 10,
      imd_score: 5,
      pct_below_30mbit: 10,
      pct_below_10mbit: 10,
      avg_download_mbit: 5
    })
  })

  it('gives component and DERI scores as worked out by hand', () => {
    assert.deepEqual([a?.lsoa, b?.lsoa, c?.lsoa], ['A', 'B', 'C'])
    close(a?.demography, 20 / 14)
    close(b?.demography, 95 / 14)
    close(c?.demography, 5)
    close(a?.deprivation, 0)
    close(b?.deprivation, 7)
    close(c?.deprivation, 8)
    close(a?.broadband, 0)
    close(b?.broadband, 60 / 9)
    close(c?.broadband, 75 / 9)
    close(a?.deri, 20 / 14 / 3)
    close(b?.deri, (95 / 14 + 7 + 60 / 9) / 3)
    close(c?.deri, (5 + 8 + 75 / 9) / 3)
  })

  it('depends on the comparison set: adding a row moves min and max', () => {
    // With only A and B, pct_65_plus has min 10 and max 20, so B scores 10 (not 5).
    const [, b2] = computeRiskIndex([A, B])
    assert.equal(b2?.scores.pct_65_plus, 10)
  })

  it('returns rows in input order', () => {
    assert.deepEqual(
      computeRiskIndex([C, A, B]).map((r) => r.lsoa),
      ['C', 'A', 'B']
    )
  })

  it('gives an empty result for no rows', () => {
    assert.deepEqual(computeRiskIndex([]), [])
  })
})

describe('constant indicator and download direction', () => {
  it('scores 0 for an indicator with the same value in every row, and it still counts in the mean', () => {
    const flat = [A, B, C].map((r) => ({ ...r, imd_score: 25 }))
    const [, b] = computeRiskIndex(flat)
    assert.equal(b?.scores.imd_score, 0)
    // B deprivation: (4*5 + 2*10 + 2*5 + 2*0) / 10 = 50/10 = 5
    close(b?.deprivation, 5)
  })

  it('gives the slowest download speed the highest broadband risk', () => {
    // only download speed weighted: broadband = download score
    const results = computeRiskIndex([A, B, C], { weights: { pct_below_30mbit: 0, pct_below_10mbit: 0 } })
    // A 100 Mbit/s -> 0, B 50 Mbit/s -> 10, C 75 Mbit/s -> 5
    assert.deepEqual(
      results.map((r) => r.broadband),
      [0, 10, 5]
    )
  })
})

describe('weights', () => {
  it('overrides only the weights given, and an empty override resets to the defaults', () => {
    const w = resolveWeights({ pct_65_plus: 10, broadband: 0 })
    assert.equal(w.pct_65_plus, 10)
    assert.equal(w.pct_75_plus, 5)
    assert.equal(w.broadband, 0)
    assert.deepEqual(resolveWeights({}), defaultWeights())
    assert.deepEqual(resolveWeights(), { ...DEFAULT_WEIGHTS })
    assert.notEqual(defaultWeights(), DEFAULT_WEIGHTS)
  })

  it('changes the worked example as expected', () => {
    // demography weights 10,0,0,0: demography = the 65+ score; components 1,0,0: DERI = demography
    const results = computeRiskIndex([A, B, C], {
      weights: {
        pct_65_plus: 10,
        pct_75_plus: 0,
        pct_limited_activities: 0,
        pct_grade_de: 0,
        demography: 1,
        deprivation: 0,
        broadband: 0
      }
    })
    assert.deepEqual(
      results.map((r) => r.demography),
      [0, 5, 10]
    )
    assert.deepEqual(
      results.map((r) => r.deri),
      [0, 5, 10]
    )
    // components 1,0,1 for B: (95/14 + 60/9) / 2
    const [, b] = computeRiskIndex([A, B, C], { weights: { deprivation: 0, demography: 1, broadband: 1 } })
    close(b?.deri, (95 / 14 + 60 / 9) / 2)
  })

  it('rejects weights outside 0..10, non-finite, non-numbers and unknown keys', () => {
    assert.throws(() => parseWeightsOverride({ pct_65_plus: 11 }), RiskIndexWeightsError)
    assert.throws(() => parseWeightsOverride({ pct_65_plus: -1 }), /pct_65_plus/)
    assert.throws(() => parseWeightsOverride({ broadband: '3' }), /broadband/)
    assert.throws(() => parseWeightsOverride({ imd_score: null }), /imd_score/)
    assert.throws(() => parseWeightsOverride({ age: 3 }), /unknown weight "age"/)
    assert.throws(() => parseWeightsOverride([1, 2]), /JSON object/)
    assert.throws(() => resolveWeights({ pct_65_plus: Number.NaN }), RiskIndexWeightsError)
    assert.throws(() => resolveWeights({ imd_score: Number.POSITIVE_INFINITY }), /imd_score/)
    assert.deepEqual(parseWeightsOverride({ pct_75_plus: 0, demography: 10, broadband: 2.5 }), {
      pct_75_plus: 0,
      demography: 10,
      broadband: 2.5
    })
  })

  it('rejects a component whose indicator weights are all zero, and all-zero component weights', () => {
    assert.throws(
      () => resolveWeights({ pct_below_30mbit: 0, pct_below_10mbit: 0, avg_download_mbit: 0 }),
      /broadband indicator weights .* are all zero/
    )
    assert.throws(
      () => resolveWeights({ demography: 0, deprivation: 0, broadband: 0 }),
      /component weights .* are all zero/
    )
    assert.deepEqual(weightProblems(defaultWeights()), [])
    assert.throws(
      () => computeRiskIndex([A], { weights: { demography: 0, deprivation: 0, broadband: 0 } }),
      RiskIndexWeightsError
    )
  })
})

describe('demography formula', () => {
  it('weighted-mean coefficients sum to 1', () => {
    const co = componentCoefficients('demography', defaultWeights(), 'weighted-mean')
    assert.deepEqual(
      co.map((c) => c.key),
      ['pct_65_plus', 'pct_75_plus', 'pct_limited_activities', 'pct_grade_de']
    )
    close(
      co.reduce((s, c) => s + c.coefficient, 0),
      1
    )
  })

  it('gmca-printed coefficients are 5/10, 5/10, 2/14, 2/14 (sum about 1.2857)', () => {
    const co = componentCoefficients('demography', defaultWeights(), 'gmca-printed')
    assert.deepEqual(
      co.map((c) => c.coefficient),
      [5 / 10, 5 / 10, 2 / 14, 2 / 14]
    )
    const sum = co.reduce((s, c) => s + c.coefficient, 0)
    close(sum, 9 / 7)
    assert.equal(sum.toFixed(4), '1.2857')
  })

  it('only the demography component changes under gmca-printed', () => {
    const co = componentCoefficients('deprivation', defaultWeights(), 'gmca-printed')
    assert.deepEqual(
      co.map((c) => c.coefficient),
      [0.4, 0.2, 0.2, 0.2]
    )
  })

  it('reproduces the printed formula on the worked example', () => {
    const results = computeRiskIndex([A, B, C], { demographyFormula: 'gmca-printed' })
    // A 0*0.5 + 0*0.5 + 5*(2/14) + 5*(2/14) = 10/7
    // B 5*0.5 + 10*0.5 + 0*(2/14) + 10*(2/14) = 7.5 + 10/7 = 8.928571…
    // C 10*0.5 + 0*0.5 + 10*(2/14) + 0*(2/14) = 5 + 10/7 = 6.428571…
    close(results[0]?.demography, 10 / 7)
    close(results[1]?.demography, 7.5 + 10 / 7)
    close(results[2]?.demography, 5 + 10 / 7)
    // deprivation, broadband unchanged; DERI uses the new demography
    close(results[1]?.deprivation, 7)
    close(results[1]?.deri, (7.5 + 10 / 7 + 7 + 60 / 9) / 3)
  })

  it('can exceed 10 under gmca-printed when one LSOA is highest on all four', () => {
    const high = { ...C, lsoa: 'H', pct_65_plus: 40, pct_75_plus: 20, pct_limited_activities: 30, pct_grade_de: 50 }
    const results = computeRiskIndex([A, B, high], { demographyFormula: 'gmca-printed' })
    // 10*0.5 + 10*0.5 + 10*(2/14) + 10*(2/14) = 10 + 20/7
    close(results[2]?.demography, 10 + 20 / 7)
  })

  it('drops a term whose weight is zero instead of dividing 0 by 0', () => {
    const w = resolveWeights({ pct_65_plus: 0, pct_75_plus: 0 })
    assert.deepEqual(
      componentCoefficients('demography', w, 'gmca-printed').map((c) => c.coefficient),
      [0, 0, 0.5, 0.5]
    )
    const results = computeRiskIndex([A, B, C], {
      weights: { pct_65_plus: 0, pct_75_plus: 0 },
      demographyFormula: 'gmca-printed'
    })
    // B: 0*0.5 + 10*0.5 = 5
    close(results[1]?.demography, 5)
  })
})

describe('missing values and bad rows', () => {
  it('accepts null for an indicator whose weight is 0 and scores it null', () => {
    const rows = [A, B, C].map((r) => ({ ...r, pension_credit_per_1000: null }))
    const results = computeRiskIndex(rows, { weights: { pension_credit_per_1000: 0 } })
    assert.equal(results[1]?.scores.pension_credit_per_1000, null)
    // B deprivation without pension credit: (4*5 + 2*5 + 2*10) / 8 = 50/8
    close(results[1]?.deprivation, 50 / 8)
  })

  it('rejects null for a weighted indicator, non-finite values and duplicate or empty LSOAs', () => {
    assert.throws(() => computeRiskIndex([A, { ...B, imd_score: null }]), /row 2 \(B\): imd_score has no value/)
    assert.throws(() => computeRiskIndex([A, { ...B, imd_score: Number.NaN }]), RiskIndexError)
    assert.throws(() => computeRiskIndex([A, { ...B, lsoa: 'A' }]), /LSOA A appears more than once/)
    assert.throws(() => computeRiskIndex([{ ...A, lsoa: '' }]), /LSOA code is empty/)
  })
})

describe('computeRiskIndexBySet', () => {
  it('takes min and max within each set and keeps input order', () => {
    const rows = [
      { ...A, set: 'x' },
      { ...B, set: 'y' },
      { ...C, set: 'x' }
    ]
    const results = computeRiskIndexBySet(rows, (r) => r.set)
    assert.deepEqual(
      results.map((r) => r.lsoa),
      ['A', 'B', 'C']
    )
    // B alone in its set: every indicator is constant, so every score is 0
    assert.equal(results[1]?.deri, 0)
    // A and C: pct_65_plus 10 and 30 -> 0 and 10
    assert.equal(results[0]?.scores.pct_65_plus, 0)
    assert.equal(results[2]?.scores.pct_65_plus, 10)
  })
})

describe('rank and band helpers', () => {
  it('ranks 1 = highest risk, ties share the best rank', () => {
    assert.deepEqual(rankByRisk([3, 9, 5]), [3, 1, 2])
    assert.deepEqual(rankByRisk([5, 9, 5, 1]), [2, 1, 2, 4])
    assert.deepEqual(rankByRisk([]), [])
    assert.throws(() => rankByRisk([1, Number.NaN]), RangeError)
  })

  it('bands by rank: ceil(rank * bands / count), 1 = highest risk', () => {
    // ten values, quintiles: ranks 1-2 -> 1, 3-4 -> 2, …, 9-10 -> 5
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert.deepEqual(bandByRisk(values, 5), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1])
    // deciles of ten values: one per decile, highest value decile 1
    assert.deepEqual(bandByRisk(values, 10), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    // seven values, quintiles: ceil(r*5/7) for r = 1..7 = 1, 2, 3, 3, 4, 5, 5
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((r) => bandFromRank(r, 7, 5)),
      [1, 2, 3, 3, 4, 5, 5]
    )
    // tied values share a band
    assert.deepEqual(bandByRisk([4, 4, 4, 1], 2), [1, 1, 1, 2])
    assert.throws(() => bandFromRank(0, 5, 5), RangeError)
    assert.throws(() => bandFromRank(1, 5, 0), RangeError)
  })

  it('ranks and bands the worked example by DERI', () => {
    const deri = computeRiskIndex([A, B, C]).map((r) => r.deri)
    // C 7.11 > B 6.82 > A 0.48
    assert.deepEqual(rankByRisk(deri), [3, 2, 1])
    assert.deepEqual(bandByRisk(deri, 5), [5, 4, 2])
  })
})
