// The risk table's rank says out of how many, and the heading says whose ranking it is (issue 19: two
// "Rank 1" rows, one per local authority, read as a mistake).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { riskTableRows, sortLinks } from '../../../src/web/routes/area/risk-view-model.js'
import type { ScoredLsoa } from '../../../src/domain/area/score-lsoas.js'

const lsoa = (code: string, ladName: string, rank: number) =>
  ({
    code,
    name: code,
    ladName,
    wardName: '',
    rank,
    band: 1,
    result: { lsoa: code, deri: 5, demography: 5, deprivation: 5, broadband: 5 }
  }) as unknown as ScoredLsoa

const rows = [lsoa('E1', 'Hackney', 1), lsoa('E2', 'City of London', 1), lsoa('E3', 'Hackney', 2)]

test('with local authority sets, each rank is out of its own authority, and the heading says so', () => {
  assert.deepEqual(
    riskTableRows(rows, 'lad').map((r) => r.rankText),
    ['1 of 2', '1 of 1', '2 of 2']
  )
  assert.equal(sortLinks({}, 'rank', false, 'lad')[0]?.text, 'Rank in its local authority')
})

test('with one set for everything, one ranking out of all', () => {
  assert.deepEqual(
    riskTableRows([lsoa('E1', 'Hackney', 1), lsoa('E2', 'City of London', 2)], 'all').map((r) => r.rankText),
    ['1 of 2', '2 of 2']
  )
  assert.equal(sortLinks({}, 'rank', false, 'all')[0]?.text, 'Rank')
})
