/**
 * Slope index of inequality (SII) and relative index of inequality (RII), as OHID Fingertips
 * publishes them and as PHEindicatormethods computes the point values (`phe_sii`, with
 * `FindXValues` from R/utils.R).
 *
 * Quantiles are ordered from 1 = most deprived to k = least deprived. Each quantile gets
 *   a = its share of the total population
 *   b = its relative rank: the midpoint of its range in the cumulative population share
 *       (the first quantile's is a/2, the next is a_1 + a_2/2, and so on).
 * The package fits `lm(sqrt(a) y ~ sqrt(a) + sqrt(a) b - 1)`, which is a weighted least squares fit
 * of y = intercept + slope * b with weights a. Here y is the value, or log(value) with the log
 * transform (rates), or logit(value) with the logit transform (proportions on a 0-1 scale).
 *
 * The fitted line runs from b = 0 (the most deprived end) to b = 1 (the least deprived end), so:
 *   transform none:  sii = slope * multiplier
 *                    rii = (intercept + slope) / intercept
 *                    intercept = intercept                       (not multiplied)
 *   transform log:   sii = (exp(intercept + slope) - exp(intercept)) * multiplier
 *                    rii = exp(intercept + slope) / exp(intercept)
 *                    intercept = exp(intercept) * |multiplier|
 *   transform logit: as log, with expit(t) = exp(t) / (1 + exp(t)) in place of exp.
 * With a negative multiplier the package reports 1 / rii (a change of polarity).
 * A positive SII therefore means the value is higher at the least deprived end.
 *
 * The package's confidence limits come from a simulation and are not reproduced here.
 *
 * References: Low A, Low A (2004) Measuring the gap: quantifying and comparing local health
 * inequalities, J Public Health 26:388-395; Fingertips technical guidance, "Slope index of inequality".
 */

export type SiiTransform = 'none' | 'log' | 'logit'

export interface SiiQuantile {
  /** 1 = most deprived; sorted ascending before fitting. */
  quantile: number
  population: number
  value: number
}

export interface SiiOptions {
  /** Default 1, as in `phe_sii`. */
  multiplier?: number
  /** Default 'none'. */
  transform?: SiiTransform
}

export interface SiiResult {
  sii: number
  rii: number
  intercept: number
}

/** `phe_sii` requires between 5 and 100 quantiles. */
export const SII_MIN_QUANTILES = 5
export const SII_MAX_QUANTILES = 100

/**
 * The relative rank of each group: the midpoint of its range in the cumulative population
 * share, in the order given (`FindXValues`).
 */
export function relativeRanks(populations: readonly number[]): number[] {
  const total = populations.reduce((sum, p) => sum + p, 0)
  const shares = populations.map((p) => p / total)
  const ranks: number[] = []
  let cumulative = 0
  shares.forEach((share, i) => {
    ranks.push(i === 0 ? share / 2 : share / 2 + cumulative)
    cumulative += share
  })
  return ranks
}

/** Weighted least squares fit of y = intercept + slope * x. */
function weightedLine(
  x: readonly number[],
  y: readonly number[],
  weights: readonly number[]
): { intercept: number; slope: number } {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0)
  const meanX = weights.reduce((sum, w, i) => sum + w * (x[i] ?? 0), 0) / totalWeight
  const meanY = weights.reduce((sum, w, i) => sum + w * (y[i] ?? 0), 0) / totalWeight
  let sxy = 0
  let sxx = 0
  weights.forEach((w, i) => {
    const dx = (x[i] ?? 0) - meanX
    sxy += w * dx * ((y[i] ?? 0) - meanY)
    sxx += w * dx * dx
  })
  const slope = sxy / sxx
  return { intercept: meanY - slope * meanX, slope }
}

const expit = (t: number): number => Math.exp(t) / (1 + Math.exp(t))

function validate(rows: readonly SiiQuantile[], transform: SiiTransform, multiplier: number): void {
  if (rows.length < SII_MIN_QUANTILES || rows.length > SII_MAX_QUANTILES) {
    throw new RangeError(
      `the number of quantiles must be between ${SII_MIN_QUANTILES} and ${SII_MAX_QUANTILES}, got ${rows.length}`
    )
  }
  if (!Number.isFinite(multiplier)) throw new RangeError(`multiplier must be a finite number, got ${multiplier}`)
  const seen = new Set<number>()
  for (const row of rows) {
    if (!Number.isFinite(row.quantile)) throw new RangeError(`quantile must be a number, got ${row.quantile}`)
    if (seen.has(row.quantile)) throw new RangeError(`quantile ${row.quantile} appears more than once`)
    seen.add(row.quantile)
    if (!Number.isFinite(row.population) || row.population <= 0) {
      throw new RangeError(
        `quantile ${row.quantile}: population must be a number greater than zero, got ${row.population}`
      )
    }
    if (!Number.isFinite(row.value))
      throw new RangeError(`quantile ${row.quantile}: value must be a number, got ${row.value}`)
    if (transform === 'log' && row.value <= 0) {
      throw new RangeError(
        `quantile ${row.quantile}: value must be greater than zero for the log transform, got ${row.value}`
      )
    }
    if (transform === 'logit' && (row.value <= 0 || row.value >= 1)) {
      throw new RangeError(
        `quantile ${row.quantile}: value must be a proportion strictly between 0 and 1 for the logit transform, got ${row.value}`
      )
    }
  }
}

/** The SII, RII and intercept for one area's quantiles, as `phe_sii` returns them. */
export function slopeIndexOfInequality(quantiles: readonly SiiQuantile[], options: SiiOptions = {}): SiiResult {
  const multiplier = options.multiplier ?? 1
  const transform = options.transform ?? 'none'
  validate(quantiles, transform, multiplier)
  const rows = [...quantiles].sort((p, q) => p.quantile - q.quantile)
  const populations = rows.map((r) => r.population)
  const total = populations.reduce((sum, p) => sum + p, 0)
  const shares = populations.map((p) => p / total)
  const ranks = relativeRanks(populations)
  const y = rows.map((r) =>
    transform === 'log' ? Math.log(r.value) : transform === 'logit' ? Math.log(r.value / (1 - r.value)) : r.value
  )
  const fit = weightedLine(ranks, y, shares)

  if (transform === 'none') {
    const rii = (fit.intercept + fit.slope) / fit.intercept
    return { sii: multiplier * fit.slope, rii: multiplier < 0 ? 1 / rii : rii, intercept: fit.intercept }
  }
  const back = transform === 'log' ? Math.exp : expit
  const atLeastDeprived = back(fit.intercept + fit.slope)
  const atMostDeprived = back(fit.intercept)
  const rii = atLeastDeprived / atMostDeprived
  return {
    sii: (atLeastDeprived - atMostDeprived) * multiplier,
    rii: multiplier < 0 ? 1 / rii : rii,
    intercept: atMostDeprived * Math.abs(multiplier)
  }
}
