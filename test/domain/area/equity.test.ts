import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { equityDsr, equityTable, siiAcrossQuintiles, broadStandardPopulation } from '../../../src/domain/area/equity.js'
import {
  effectiveWeights,
  assembleRiskIndexRows,
  INDICATOR_SOURCES
} from '../../../src/domain/area/risk-index-sources.js'
import { computeRiskIndex } from '../../../src/domain/area/risk-index.js'

const row = (group: string, patients: number, screened: number, highBarrier: number) => ({
  group,
  patients,
  screened,
  offline: 0,
  highBarrier,
  referred: 0,
  outcomes: 0
})

describe('equityTable', () => {
  it('gives Wilson intervals and compares groups with the overall interval', () => {
    const t = equityTable([row('a', 100, 80, 10), row('b', 100, 20, 15)], 'coverage')
    // Wilson 95% for 80/100: 71.1% to 86.7% (Newcombe 1998 method 3)
    assert.ok(Math.abs(t.rows[0]!.lower! - 71.1) < 0.1 && Math.abs(t.rows[0]!.upper! - 86.7) < 0.1)
    assert.equal(t.overall.value, 50)
    assert.equal(t.rows[0]!.comparison, 'higher')
    assert.equal(t.rows[1]!.comparison, 'lower')
  })

  it('hides counts of 1 to 4 and one more so the hidden count cannot be worked out', () => {
    const t = equityTable([row('a', 50, 3, 0), row('b', 50, 20, 0), row('c', 50, 30, 0)], 'coverage')
    assert.deepEqual(
      t.rows.map((r) => r.numerator.reason),
      ['primary', 'secondary', null]
    )
    assert.equal(t.rows[0]!.value, null)
    assert.equal(t.rows[1]!.value, null)
    assert.equal(t.rows[2]!.value, 60)
  })
})

describe('siiAcrossQuintiles', () => {
  it('reads a gradient rising towards the most deprived, and makes no claim of significance', () => {
    // 50%, 40%, 30%, 20%, 10% with equal populations: slope of -50 points per unit rank, so SII = +50 oriented to the most deprived
    const counts = [50, 40, 30, 20, 10].map((n, i) => row(String(i + 1), 100, 100, n))
    const r = siiAcrossQuintiles(counts, 'barrier')!
    assert.ok(Math.abs(r.sii - 50) < 1e-9, String(r.sii))
    assert.match(r.sentence, /50\.0 percentage points higher in the most deprived/)
    assert.match(r.sentence, /not a test/)
  })

  it('needs all five quintiles', () => {
    assert.equal(siiAcrossQuintiles([row('1', 10, 10, 5)], 'barrier'), null)
  })
})

describe('equityDsr', () => {
  it('standardises to the broad ESP2013 bands; equal age-specific rates give that rate', () => {
    assert.equal(
      broadStandardPopulation().reduce((a, b) => a + b, 0),
      100000
    )
    const rows = [0, 1, 2, 3, 4].map((ageBand) => ({ ...row('a', 40, 40, 10), ageBand }))
    const [d] = equityDsr(rows, 'barrier')
    assert.ok(Math.abs(d!.value! - 25) < 1e-9)
  })

  it('is not calculated when an age band is empty', () => {
    const rows = [0, 1, 2, 3].map((ageBand) => ({ ...row('a', 40, 40, 10), ageBand }))
    assert.match(equityDsr(rows, 'barrier')[0]!.note!, /age band has no one/)
  })
})

describe('risk index from the open data', () => {
  it('drops unavailable indicators (weight 0) and scores the rest', () => {
    const w = effectiveWeights({})
    assert.equal(w.pct_grade_de, 0)
    assert.equal(w.pct_below_10mbit, 0)
    assert.equal(w.pct_65_plus, 5)
    const values = new Map([
      ['E01000001', new Map(Object.values(INDICATOR_SOURCES).map((s) => [s.stored, 1]))],
      ['E01000002', new Map(Object.values(INDICATOR_SOURCES).map((s) => [s.stored, 3]))],
      ['E01000003', new Map([['census21_pct_65_plus', 1]])]
    ])
    const { rows, missing } = assembleRiskIndexRows(['E01000001', 'E01000002', 'E01000003'], values)
    assert.deepEqual(missing, ['E01000003'])
    const scored = computeRiskIndex(rows, { weights: w })
    assert.equal(scored[0]!.deri, 0)
    assert.equal(scored[1]!.deri, 10)
  })
})
