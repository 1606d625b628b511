/**
 * The risk index as the app shows it: assembled from stored indicator values, scored within the
 * chosen comparison set (the LSOAs of the same local authority, or all of them), then ranked and
 * banded in fifths within that set. Pure.
 */
import {
  bandByRisk,
  computeRiskIndexBySet,
  rankByRisk,
  type RiskIndexResult,
  type RiskIndexWeights
} from './risk-index.js'
import { assembleRiskIndexRows } from './risk-index-sources.js'

export type Comparison = 'lad' | 'all'

/** What scoring needs to know of an LSOA. */
export interface LsoaPlace {
  code: string
  name: string
  ladCode: string | null
  ladName: string | null
  wardName: string | null
}

export interface ScoredLsoa {
  code: string
  name: string
  ladName: string
  wardName: string
  result: RiskIndexResult
  rank: number
  /** 1 = highest risk fifth of the comparison set. */
  band: number
}

function at<T>(list: readonly T[], index: number): T {
  const value = list[index]
  if (value === undefined) throw new RangeError(`no entry ${index}`)
  return value
}

/** Scores every 2021 LSOA that has the inputs; rank and band are within the comparison set. */
export function scoreLsoas(
  lsoas: readonly LsoaPlace[],
  values: ReadonlyMap<string, ReadonlyMap<string, number>>,
  weights: RiskIndexWeights,
  comparison: Comparison
): { scored: ScoredLsoa[]; missing: string[] } {
  const byCode = new Map(lsoas.map((l) => [l.code, l]))
  const { rows, missing } = assembleRiskIndexRows(
    lsoas.map((l) => l.code),
    values
  )
  const setOf = (code: string) => (comparison === 'lad' ? (byCode.get(code)?.ladCode ?? 'unknown') : 'all')
  const results = computeRiskIndexBySet(rows, (r) => setOf(r.lsoa), { weights })
  const groups = new Map<string, number[]>()
  results.forEach((r, i) => {
    const g = setOf(r.lsoa)
    const members = groups.get(g)
    if (members) members.push(i)
    else groups.set(g, [i])
  })
  const rank = new Array<number>(results.length)
  const band = new Array<number>(results.length)
  for (const idx of groups.values()) {
    const deri = idx.map((i) => at(results, i).deri)
    const ranks = rankByRisk(deri)
    const bands = bandByRisk(deri, 5)
    idx.forEach((i, j) => {
      rank[i] = at(ranks, j)
      band[i] = at(bands, j)
    })
  }
  const scored = results.map((result, i) => {
    const l = byCode.get(result.lsoa)
    if (!l) throw new RangeError(`scored an LSOA that was not given: ${result.lsoa}`)
    return {
      code: l.code,
      name: l.name,
      ladName: l.ladName ?? '',
      wardName: l.wardName ?? '',
      result,
      rank: at(rank, i),
      band: at(band, i)
    }
  })
  return { scored, missing }
}

export const SORT_KEYS = ['rank', 'code', 'name', 'lad', 'deri', 'demography', 'deprivation', 'broadband'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** Scored LSOAs sorted by a column (text in locale order, numbers ascending), ties by code. */
export function sortScored(scored: readonly ScoredLsoa[], sort: SortKey, descending: boolean): ScoredLsoa[] {
  const value = (s: ScoredLsoa): string | number => {
    switch (sort) {
      case 'code':
        return s.code
      case 'name':
        return s.name
      case 'lad':
        return s.ladName
      case 'rank':
        return s.rank
      default:
        return s.result[sort]
    }
  }
  const sorted = [...scored].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return c !== 0 ? c : a.code.localeCompare(b.code)
  })
  return descending ? sorted.reverse() : sorted
}
