import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  DSR_MINIMUM_TOTAL_COUNT,
  directlyStandardisedRate,
  type DsrBand
} from '../../../../src/domain/area/inequalities/dsr.js'
import { ESP2013, ESP2013_AGE_BANDS } from '../../../../src/domain/area/inequalities/esp2013.js'

function assertClose(actual: number | null, expected: number, relative = 1e-12, message?: string): void {
  assert.ok(actual !== null, `${message ?? ''} expected ${expected}, got null`)
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE)
  assert.ok(Math.abs(actual - expected) <= relative * scale, `${message ?? ''} expected ${expected}, got ${actual}`)
}

function bands(
  counts: readonly (number | null)[],
  populations: readonly number[],
  standard: readonly number[] = ESP2013
): DsrBand[] {
  return counts.map((count, i) => ({ count, population: populations[i] ?? 0, standardPopulation: standard[i] ?? 0 }))
}

describe('ESP2013', () => {
  it('has the 19 bands of PHEindicatormethods esp2013, summing to 100,000', () => {
    assert.equal(ESP2013.length, 19)
    assert.equal(ESP2013_AGE_BANDS.length, 19)
    assert.equal(
      ESP2013.reduce((s, v) => s + v, 0),
      100000
    )
    assert.deepEqual(
      [...ESP2013],
      [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
    )
    assert.equal(ESP2013_AGE_BANDS[0], '0-4')
    assert.equal(ESP2013_AGE_BANDS[18], '90+')
  })
})

describe('directlyStandardisedRate (phe_dsr / calculate_dsr, Dobson method)', () => {
  // PHEindicatormethods DSR vignette, "Zero deaths for a specific age band": pops2 and deaths2,
  // where the 10-14, 15-19 and 20-24 bands have no deaths (NA after the join).
  const pops2 = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15]
  const deaths2WithNa = [1, 1, null, null, null, 1, 1, 3, 3, 3, 3, 10, 10, 10, 10, 8, 8, 8, 8]
  // references: the package formulas in 50-digit arithmetic (mpmath)
  const vignette = {
    totalCount: 88,
    totalPopulation: 860,
    value: 8283.015873015873,
    lower95: 6570.8187978036745,
    upper95: 10289.647638821614,
    lower99_8: 5709.7219261062422,
    upper99_8: 11530.09886786735
  }

  it('reproduces the vignette example, counting missing deaths as zero (na.zero)', () => {
    const result = directlyStandardisedRate(bands(deaths2WithNa, pops2))
    assert.equal(result.suppressed, false)
    assert.equal(result.totalCount, vignette.totalCount)
    assert.equal(result.totalPopulation, vignette.totalPopulation)
    assertClose(result.value, vignette.value, 1e-13)
    assertClose(result.lower95, vignette.lower95, 1e-13)
    assertClose(result.upper95, vignette.upper95, 1e-13)
    assertClose(result.lower99_8, vignette.lower99_8, 1e-13)
    assertClose(result.upper99_8, vignette.upper99_8, 1e-13)
    const zeros = directlyStandardisedRate(
      bands(
        deaths2WithNa.map((d) => d ?? 0),
        pops2
      )
    )
    assert.deepEqual(zeros, result)
  })

  it('computes a typical area, per 100,000 and per 1,000', () => {
    const pops = [
      5500, 5800, 6000, 6100, 7000, 7200, 6900, 6500, 6300, 6600, 6700, 6200, 5600, 5000, 4300, 3300, 2400, 1400, 700
    ]
    const deaths = [3, 0, 1, 2, 4, 5, 6, 8, 12, 20, 33, 45, 70, 95, 130, 160, 210, 220, 190]
    const per100k = directlyStandardisedRate(bands(deaths, pops))
    assert.equal(per100k.totalCount, 1214)
    assert.equal(per100k.totalPopulation, 99500)
    assertClose(per100k.value, 1394.0055423266474, 1e-13)
    assertClose(per100k.lower95, 1316.1438289503778, 1e-13)
    assertClose(per100k.upper95, 1475.246181548079, 1e-13)
    assertClose(per100k.lower99_8, 1272.7893328614293, 1e-13)
    assertClose(per100k.upper99_8, 1523.0190835311186, 1e-13)
    const per1000 = directlyStandardisedRate(bands(deaths, pops), { multiplier: 1000 })
    assertClose(per1000.value, 13.940055423266474, 1e-13)
    assertClose(per1000.lower95, 13.161438289503778, 1e-13)
    assertClose(per1000.upper99_8, 15.230190835311186, 1e-13)
  })

  it('suppresses value and limits when the total count is below 10, keeping the totals', () => {
    assert.equal(DSR_MINIMUM_TOTAL_COUNT, 10)
    const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2]
    const result = directlyStandardisedRate(bands(counts, new Array<number>(19).fill(1000)))
    assert.deepEqual(result, {
      totalCount: 9,
      totalPopulation: 19000,
      suppressed: true,
      value: null,
      lower95: null,
      upper95: null,
      lower99_8: null,
      upper99_8: null
    })
    const ten = directlyStandardisedRate(bands([...counts.slice(0, 18), 3], new Array<number>(19).fill(1000)))
    assert.equal(ten.totalCount, 10)
    assert.equal(ten.suppressed, false)
    assert.ok(ten.value !== null && ten.lower95 !== null && ten.lower95 < ten.value)
  })

  it('works with any standard population, not only ESP2013', () => {
    const result = directlyStandardisedRate(
      [
        { count: 20, population: 1000, standardPopulation: 1 },
        { count: 30, population: 1000, standardPopulation: 1 }
      ],
      { multiplier: 1 }
    )
    assertClose(result.value, 0.025, 1e-15)
  })

  it('rejects the inputs the package rejects', () => {
    assert.throws(() => directlyStandardisedRate(bands([-1, 20], [100, 100], [1, 1])), /count/)
    assert.throws(() => directlyStandardisedRate(bands([10, 20], [0, 100], [1, 1])), /population/)
    assert.throws(() => directlyStandardisedRate(bands([10, 20], [100, 100], [-1, 1])), /standard population/)
    assert.throws(() => directlyStandardisedRate([]), /age band/)
    assert.throws(() => directlyStandardisedRate(bands([10, 20], [100, 100], [1, 1]), { multiplier: 0 }), /multiplier/)
  })
})
