/**
 * Directly standardised rates (DSRs) with Dobson confidence limits, as OHID Fingertips publishes
 * them and as PHEindicatormethods computes them (`phe_dsr`, now `calculate_dsr` / `dsr_inner`).
 *
 * For age bands i with observed count O_i, population n_i and standard population w_i:
 *   DSR      = sum(O_i w_i / n_i) / sum(w_i) * multiplier
 *   var(DSR) = sum(O_i (w_i / n_i)^2) / sum(w_i)^2        (on the unscaled rate)
 *   O        = sum(O_i)
 *   limit    = DSR + sqrt(var(DSR) / O) * (Byar's limit of O - O) * multiplier     (Dobson et al.)
 *
 * Missing counts are taken as zero (the package's `na.zero`). When the total count O is below 10
 * the DSR is not reliable and the package sets the value and every limit to NA; here they are null
 * and `suppressed` is true. Total count and total population are still returned.
 *
 * References: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991) Confidence intervals for weighted
 * sums of Poisson parameters, Stat Med 10:457-462; Breslow NE, Day NE (1987) IARC volume II;
 * Fingertips public health technical guidance, "Directly standardised rates".
 */
import { assertConfidence } from './confidence.js'
import { byarsLower, byarsUpper } from './byar.js'

/** `phe_dsr` suppresses the DSR and its limits when the total count is below this. */
export const DSR_MINIMUM_TOTAL_COUNT = 10

export interface DsrBand {
  /** Observed events; null (missing) counts as 0, as in the package. */
  count: number | null
  population: number
  standardPopulation: number
}

export interface DsrOptions {
  /** Default 100000 (a rate per 100,000). */
  multiplier?: number
}

export interface DsrResult {
  totalCount: number
  totalPopulation: number
  /** True when the total count is below 10: value and limits are then null. */
  suppressed: boolean
  value: number | null
  lower95: number | null
  upper95: number | null
  lower99_8: number | null
  upper99_8: number | null
}

/** Compensated (Neumaier) sum, close to R's extended-precision `sum`. */
function accurateSum(values: readonly number[]): number {
  let sum = 0
  let compensation = 0
  for (const v of values) {
    const t = sum + v
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum
    sum = t
  }
  return sum + compensation
}

function validateBand(band: DsrBand, index: number): void {
  const where = `age band ${index + 1}`
  if (band.count !== null && (!Number.isFinite(band.count) || band.count < 0)) {
    throw new RangeError(`${where}: count must be a number greater than or equal to zero, got ${band.count}`)
  }
  if (!Number.isFinite(band.population) || band.population <= 0) {
    throw new RangeError(`${where}: population must be a number greater than zero, got ${band.population}`)
  }
  if (!Number.isFinite(band.standardPopulation) || band.standardPopulation < 0) {
    throw new RangeError(
      `${where}: standard population must be a number greater than or equal to zero, got ${band.standardPopulation}`
    )
  }
}

/**
 * One Dobson limit: value + sqrt(variance / totalCount) * (Byar's limit - totalCount) * multiplier,
 * where `value` is already scaled by the multiplier and `variance` is on the unscaled rate.
 * Returns null when Byar's lower limit does not exist (very small counts).
 */
export function dobsonLimit(
  value: number,
  variance: number,
  totalCount: number,
  side: 'lower' | 'upper',
  confidence: number,
  multiplier: number
): number | null {
  assertConfidence(confidence)
  const byars = side === 'lower' ? byarsLower(totalCount, confidence) : byarsUpper(totalCount, confidence)
  if (byars === null) return null
  return value + Math.sqrt(variance / totalCount) * (byars - totalCount) * multiplier
}

/** The directly standardised rate for one group of age bands, with 95% and 99.8% Dobson limits. */
export function directlyStandardisedRate(bands: readonly DsrBand[], options: DsrOptions = {}): DsrResult {
  const multiplier = options.multiplier ?? 100000
  if (!Number.isFinite(multiplier) || multiplier <= 0)
    throw new RangeError(`multiplier must be a number greater than zero, got ${multiplier}`)
  if (bands.length === 0) throw new RangeError('at least one age band is needed')
  bands.forEach(validateBand)

  const counts = bands.map((b) => b.count ?? 0)
  const totalCount = accurateSum(counts)
  const totalPopulation = accurateSum(bands.map((b) => b.population))
  if (totalCount < DSR_MINIMUM_TOTAL_COUNT) {
    return {
      totalCount,
      totalPopulation,
      suppressed: true,
      value: null,
      lower95: null,
      upper95: null,
      lower99_8: null,
      upper99_8: null
    }
  }

  const standardTotal = accurateSum(bands.map((b) => b.standardPopulation))
  if (standardTotal <= 0) throw new RangeError('the standard populations sum to zero')
  const weightedRates = bands.map((b, i) => ((counts[i] ?? 0) * b.standardPopulation) / b.population)
  const squaredRates = bands.map((b, i) => {
    const ratio = b.standardPopulation / b.population
    return (counts[i] ?? 0) * (ratio * ratio)
  })
  const value = (accurateSum(weightedRates) / standardTotal) * multiplier
  const variance = (1 / (standardTotal * standardTotal)) * accurateSum(squaredRates)
  return {
    totalCount,
    totalPopulation,
    suppressed: false,
    value,
    lower95: dobsonLimit(value, variance, totalCount, 'lower', 0.95, multiplier),
    upper95: dobsonLimit(value, variance, totalCount, 'upper', 0.95, multiplier),
    lower99_8: dobsonLimit(value, variance, totalCount, 'lower', 0.998, multiplier),
    upper99_8: dobsonLimit(value, variance, totalCount, 'upper', 0.998, multiplier)
  }
}
