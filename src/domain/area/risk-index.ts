/**
 * Digital Exclusion Risk Index (DERI), after GMCA Office of Data Analytics v1.6.
 * Pure functions: no input/output. The method, the two demography formulas and the
 * choices made where GMCA's notes are silent are in docs/risk-index.md.
 *
 * 1. Each indicator is rescaled to 0..10 over the comparison set (the rows given):
 *    10 * (x - min) / (max - min), or 10 * (max - x) / (max - min) for average download
 *    speed, where a lower value means more risk. If every row has the same value the
 *    score is 0 for every row (GMCA's Tableau formula would divide by zero there).
 * 2. Each component is the weighted mean of its indicator scores.
 * 3. The DERI is the weighted mean of the three component scores.
 */
import {
  COMPONENT_KEYS,
  INDICATORS,
  indicatorsOf,
  type ComponentKey,
  type IndicatorKey,
  type RiskDirection
} from './risk-index-indicators.js'
import { resolveWeights, type RiskIndexWeights } from './risk-index-weights.js'

export * from './risk-index-indicators.js'
export * from './risk-index-weights.js'

/**
 * How the demography component combines its four indicator scores.
 * - 'weighted-mean' (default): sum(w * s) / sum(w), like the other two components.
 * - 'gmca-printed': the formula exactly as printed in GMCA's v1.4 update notes:
 *   S65*(W65/(W65+W75)) + S75*(W75/(W65+W75)) + Sdis*(Wdis/(W65+W75+Wdis+WDE)) + SDE*(WDE/(W65+W75+Wdis+WDE)).
 *   Its coefficients do not sum to 1 (about 1.2857 with the default weights), so the
 *   component can exceed 10.
 */
export const DEMOGRAPHY_FORMULAS = ['weighted-mean', 'gmca-printed'] as const
export type DemographyFormula = (typeof DEMOGRAPHY_FORMULAS)[number]

export function isDemographyFormula(value: string): value is DemographyFormula {
  return (DEMOGRAPHY_FORMULAS as readonly string[]).includes(value)
}

/**
 * One LSOA's indicator values. A value may be null only when that indicator's weight
 * is 0 (the indicator is dropped): its score is then null too.
 */
export type RiskIndexInputRow = { lsoa: string } & Record<IndicatorKey, number | null>

export interface RiskIndexOptions {
  /** Partial override of the default weights; validated. Omit for the defaults. */
  weights?: Partial<RiskIndexWeights>
  demographyFormula?: DemographyFormula
}

export interface RiskIndexResult {
  lsoa: string
  demography: number
  deprivation: number
  broadband: number
  deri: number
  /** Indicator scores, 0..10, keyed by indicator; null only for a dropped indicator with no value. */
  scores: Record<IndicatorKey, number | null>
}

/** Input rows that the method cannot score (duplicate LSOA, missing or non-finite value). */
export class RiskIndexError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RiskIndexError'
  }
}

/**
 * Min-max rescaling to 0..10 over the values given. Nulls are left out of min and max
 * and score null. When all non-null values are equal every one scores 0.
 */
export function minMaxScores(values: readonly (number | null)[], direction: RiskDirection): (number | null)[] {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const x of values) {
    if (x === null) continue
    if (!Number.isFinite(x)) throw new RiskIndexError(`indicator value ${x} is not a finite number`)
    if (x < min) min = x
    if (x > max) max = x
  }
  const range = max - min
  const scores = new Array<number | null>(values.length)
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number | null
    // written as in GMCA's Tableau fields: 10*(x-min)/(max-min) and 10*(max-x)/(max-min)
    scores[i] =
      x === null ? null : !(range > 0) ? 0 : direction === 'lower' ? (10 * (max - x)) / range : (10 * (x - min)) / range
  }
  return scores
}

export interface IndicatorCoefficient {
  key: IndicatorKey
  coefficient: number
}

/**
 * The multiplier applied to each indicator score of a component. For a true weighted
 * mean these are w / sum(w) and sum to 1. With 'gmca-printed' the demography
 * coefficients are 5/10, 5/10, 2/14, 2/14 by default (sum about 1.2857).
 * A zero weight always gives a zero coefficient (even where the printed formula would
 * divide 0 by 0).
 */
export function componentCoefficients(
  component: ComponentKey,
  weights: RiskIndexWeights,
  formula: DemographyFormula = 'weighted-mean'
): IndicatorCoefficient[] {
  const keys = indicatorsOf(component)
  const total = keys.reduce((sum, k) => sum + weights[k], 0)
  if (component === 'demography' && formula === 'gmca-printed') {
    const ageTotal = weights.pct_65_plus + weights.pct_75_plus
    return keys.map((key) => {
      const w = weights[key]
      const denominator = key === 'pct_65_plus' || key === 'pct_75_plus' ? ageTotal : total
      return { key, coefficient: w === 0 ? 0 : w / denominator }
    })
  }
  return keys.map((key) => ({ key, coefficient: weights[key] === 0 ? 0 : weights[key] / total }))
}

/** One component's score from its indicator scores. Indicators with weight 0 are skipped. */
export function componentScore(
  component: ComponentKey,
  scores: Readonly<Record<IndicatorKey, number | null>>,
  weights: RiskIndexWeights,
  formula: DemographyFormula = 'weighted-mean'
): number {
  const keys = indicatorsOf(component)
  const scoreOf = (key: IndicatorKey): number => {
    const s = scores[key]
    if (s === null) throw new RiskIndexError(`indicator ${key} has no score but its weight is ${weights[key]}`)
    return s
  }
  if (component === 'demography' && formula === 'gmca-printed') {
    // term by term, left to right, as printed: S * (W / denominator)
    let sum = 0
    for (const { key, coefficient } of componentCoefficients(component, weights, formula)) {
      if (weights[key] === 0) continue
      sum += scoreOf(key) * coefficient
    }
    return sum
  }
  let weighted = 0
  let total = 0
  for (const key of keys) {
    const w = weights[key]
    total += w
    if (w === 0) continue
    weighted += w * scoreOf(key)
  }
  return weighted / total
}

/** The DERI from the three component scores: sum(wc * c) / sum(wc). */
export function deriScore(components: Readonly<Record<ComponentKey, number>>, weights: RiskIndexWeights): number {
  let weighted = 0
  let total = 0
  for (const c of COMPONENT_KEYS) {
    const w = weights[c]
    total += w
    if (w === 0) continue
    weighted += w * components[c]
  }
  return weighted / total
}

function checkRows(rows: readonly RiskIndexInputRow[], weights: RiskIndexWeights): void {
  const seen = new Set<string>()
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as RiskIndexInputRow
    if (typeof row.lsoa !== 'string' || row.lsoa.trim() === '')
      throw new RiskIndexError(`${rowLabel(index)}: the LSOA code is empty`)
    if (seen.has(row.lsoa)) throw new RiskIndexError(`${rowLabel(index)}: LSOA ${row.lsoa} appears more than once`)
    seen.add(row.lsoa)
    for (const { key } of INDICATORS) {
      const value = row[key]
      if (value === null || value === undefined) {
        if (weights[key] !== 0) {
          throw new RiskIndexError(
            `${rowLabel(index)} (${row.lsoa}): ${key} has no value; give a value or set its weight to 0 to drop it`
          )
        }
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RiskIndexError(`${rowLabel(index)} (${row.lsoa}): ${key} is not a finite number`)
      }
    }
  }
}

function rowLabel(index: number): string {
  return `row ${index + 1}`
}

/**
 * Scores every row against the others: the rows are the comparison set (min and max
 * are taken over them). Results are in input order. Throws RiskIndexWeightsError for
 * bad weights and RiskIndexError for bad rows. An empty input gives an empty result.
 */
export function computeRiskIndex(
  rows: readonly RiskIndexInputRow[],
  options: RiskIndexOptions = {}
): RiskIndexResult[] {
  const weights = resolveWeights(options.weights ?? {})
  const formula = options.demographyFormula ?? 'weighted-mean'
  checkRows(rows, weights)
  const columns = new Map<IndicatorKey, (number | null)[]>()
  for (const { key, direction } of INDICATORS) {
    columns.set(
      key,
      minMaxScores(
        rows.map((r) => r[key] ?? null),
        direction
      )
    )
  }
  const plans = {
    demography: weightedMeanPlan('demography', weights),
    deprivation: weightedMeanPlan('deprivation', weights),
    broadband: weightedMeanPlan('broadband', weights)
  }
  const c = (key: IndicatorKey): readonly (number | null)[] => columns.get(key) ?? []
  const s65 = c('pct_65_plus'),
    s75 = c('pct_75_plus'),
    sLimited = c('pct_limited_activities'),
    sDe = c('pct_grade_de')
  const sNoQuals = c('pct_no_qualifications'),
    sPension = c('pension_credit_per_1000'),
    sUnemployment = c('unemployment_rate'),
    sImd = c('imd_score')
  const s30 = c('pct_below_30mbit'),
    s10 = c('pct_below_10mbit'),
    sSpeed = c('avg_download_mbit')
  return rows.map((row, i) => {
    // one object literal with every key (in DERI-METHOD.md order), so every row has the same shape
    const scores: Record<IndicatorKey, number | null> = {
      pct_65_plus: s65[i] ?? null,
      pct_75_plus: s75[i] ?? null,
      pct_limited_activities: sLimited[i] ?? null,
      pct_grade_de: sDe[i] ?? null,
      pct_no_qualifications: sNoQuals[i] ?? null,
      pension_credit_per_1000: sPension[i] ?? null,
      unemployment_rate: sUnemployment[i] ?? null,
      imd_score: sImd[i] ?? null,
      pct_below_30mbit: s30[i] ?? null,
      pct_below_10mbit: s10[i] ?? null,
      avg_download_mbit: sSpeed[i] ?? null
    }
    const components = {
      demography:
        formula === 'weighted-mean'
          ? weightedMean(plans.demography, scores)
          : componentScore('demography', scores, weights, formula),
      deprivation: weightedMean(plans.deprivation, scores),
      broadband: weightedMean(plans.broadband, scores)
    }
    return {
      lsoa: row.lsoa,
      demography: components.demography,
      deprivation: components.deprivation,
      broadband: components.broadband,
      deri: deriScore(components, weights),
      scores
    }
  })
}

/**
 * Scores rows within several comparison sets at once (for example one set per local
 * authority district, GMCA's default). `setOf` names each row's set; min and max are
 * taken within each set. Results are in input order.
 */
/** A component's weighted mean, prepared once per run: the weighted indicators in order and the weight total. */
interface WeightedMeanPlan {
  terms: { key: IndicatorKey; weight: number }[]
  total: number
}

function weightedMeanPlan(component: ComponentKey, weights: RiskIndexWeights): WeightedMeanPlan {
  const keys = indicatorsOf(component)
  let total = 0
  for (const key of keys) total += weights[key]
  return { terms: keys.filter((key) => weights[key] !== 0).map((key) => ({ key, weight: weights[key] })), total }
}

/**
 * The same arithmetic as `componentScore` with the weighted-mean formula, in the same order,
 * without re-reading the weights for every row. Rows were checked, so weighted scores exist.
 */
function weightedMean(plan: WeightedMeanPlan, scores: Readonly<Record<IndicatorKey, number | null>>): number {
  let weighted = 0
  for (const { key, weight } of plan.terms) weighted += weight * (scores[key] as number)
  return weighted / plan.total
}

export function computeRiskIndexBySet<T extends RiskIndexInputRow>(
  rows: readonly T[],
  setOf: (row: T) => string,
  options: RiskIndexOptions = {}
): RiskIndexResult[] {
  const seen = new Set<string>()
  for (const row of rows) {
    if (seen.has(row.lsoa)) throw new RiskIndexError(`LSOA ${row.lsoa} appears more than once`)
    seen.add(row.lsoa)
  }
  const groups = new Map<string, number[]>()
  rows.forEach((row, i) => {
    const set = setOf(row)
    const list = groups.get(set)
    if (list) list.push(i)
    else groups.set(set, [i])
  })
  const results: RiskIndexResult[] = new Array<RiskIndexResult>(rows.length)
  for (const indexes of groups.values()) {
    const scored = computeRiskIndex(
      indexes.map((i) => rows[i] as T),
      options
    )
    indexes.forEach((rowIndex, j) => {
      results[rowIndex] = scored[j] as RiskIndexResult
    })
  }
  return results
}

/**
 * Ranks values with 1 for the highest (most risk). Equal values share the best rank of
 * their group and the next rank skips ("1, 2, 2, 4").
 */
export function rankByRisk(values: readonly number[]): number[] {
  values.forEach((v) => {
    if (!Number.isFinite(v)) throw new RangeError(`cannot rank ${v}`)
  })
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i)
  const ranks = new Array<number>(values.length)
  order.forEach((entry, position) => {
    const previous = order[position - 1]
    ranks[entry.i] = previous && previous.v === entry.v ? (ranks[previous.i] as number) : position + 1
  })
  return ranks
}

export const QUINTILES = 5
export const DECILES = 10

/**
 * The band (1 = highest risk) of a rank among `count` values split into `bands` equal
 * groups: ceil(rank * bands / count), as IMD deciles are assigned from ranks.
 * With fewer values than bands some bands stay empty.
 */
export function bandFromRank(rank: number, count: number, bands: number): number {
  if (!Number.isInteger(bands) || bands < 1) throw new RangeError(`bands must be a positive whole number, got ${bands}`)
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive whole number, got ${count}`)
  if (!Number.isInteger(rank) || rank < 1 || rank > count)
    throw new RangeError(`rank must be a whole number from 1 to ${count}, got ${rank}`)
  return Math.ceil((rank * bands) / count)
}

/**
 * Quintile (bands = 5) or decile (bands = 10) of each value within the set, 1 = highest
 * risk. Tied values share a band.
 */
export function bandByRisk(values: readonly number[], bands: number): number[] {
  const ranks = rankByRisk(values)
  return ranks.map((rank) => bandFromRank(rank, values.length, bands))
}
