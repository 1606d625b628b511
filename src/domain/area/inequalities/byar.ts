/**
 * Confidence intervals for counts and crude rates, as OHID Fingertips publishes them and as
 * PHEindicatormethods computes them (`phe_rate`, with `byars_lower` / `byars_upper` from R/utils.R).
 *
 * Byar's approximation to the Poisson interval for an observed count O:
 *   z = qnorm(confidence + (1 - confidence) / 2)
 *   lower = O (1 - 1/(9 O) - z / (3 sqrt(O)))^3
 *   upper = (O + 1) (1 - 1/(9 (O + 1)) + z / (3 sqrt(O + 1)))^3
 *
 * `phe_rate` uses Byar's method only when the count is 10 or more. Below 10 it uses the exact
 * Poisson limits from the chi-squared distribution:
 *   lower = qchisq((1 - confidence) / 2, 2 O) / 2
 *   upper = qchisq(confidence + (1 - confidence) / 2, 2 O + 2) / 2
 * so a count of 0 has lower limit 0 (chi-squared with 0 degrees of freedom is the point mass at 0).
 *
 * A rate is count / denominator * multiplier and its limits are the count limits scaled the same way.
 *
 * References: Breslow NE, Day NE (1987) Statistical methods in cancer research, volume II, IARC;
 * Armitage P, Berry G (2002) Statistical methods in medical research, 4th edn.
 */
import { assertConfidence } from './confidence.js'
import { chiSquaredQuantile, twoSidedZ } from './distributions.js'

/** `phe_rate` switches from the exact Poisson limits to Byar's method at this count. */
export const BYARS_MINIMUM_COUNT = 10

export type CountIntervalMethod = 'exact' | 'byars'

export interface CountInterval {
  /** Null where the method gives no limit (Byar's lower limit of a count of 0 or a very small count). */
  lower: number | null
  upper: number
  method: CountIntervalMethod
}

export interface RateEstimate {
  /** count / denominator * multiplier */
  value: number
  lower: number | null
  upper: number
  method: CountIntervalMethod
}

export interface RateOptions {
  /** Default 100000 (a rate per 100,000), as in `phe_rate`. */
  multiplier?: number
  /** A fraction from 0.9 to 1; default 0.95. */
  confidence?: number
}

function assertCount(count: number): void {
  if (!Number.isFinite(count) || count < 0) {
    throw new RangeError(`count must be a number greater than or equal to zero, got ${count}`)
  }
}

/**
 * Byar's lower limit for an observed count (`byars_lower`). Returns null where the package
 * returns NA: when the formula is negative or undefined (a count of 0).
 */
export function byarsLower(count: number, confidence = 0.95): number | null {
  assertCount(count)
  assertConfidence(confidence)
  const z = twoSidedZ(confidence)
  const lower = count * Math.pow(1 - 1 / (9 * count) - z / (3 * Math.sqrt(count)), 3)
  return Number.isNaN(lower) || lower < 0 ? null : lower
}

/** Byar's upper limit for an observed count (`byars_upper`). */
export function byarsUpper(count: number, confidence = 0.95): number {
  assertCount(count)
  assertConfidence(confidence)
  const z = twoSidedZ(confidence)
  return (count + 1) * Math.pow(1 - 1 / (9 * (count + 1)) + z / (3 * Math.sqrt(count + 1)), 3)
}

/** Exact Poisson lower limit for an observed count: qchisq((1 - confidence) / 2, 2 count) / 2. */
export function exactPoissonLower(count: number, confidence = 0.95): number {
  assertCount(count)
  assertConfidence(confidence)
  return chiSquaredQuantile((1 - confidence) / 2, 2 * count) / 2
}

/** Exact Poisson upper limit for an observed count: qchisq(confidence + (1 - confidence) / 2, 2 count + 2) / 2. */
export function exactPoissonUpper(count: number, confidence = 0.95): number {
  assertCount(count)
  assertConfidence(confidence)
  return chiSquaredQuantile(confidence + (1 - confidence) / 2, 2 * count + 2) / 2
}

/** The limits `phe_rate` uses for a count: exact below 10, Byar's method from 10 up. */
export function countInterval(count: number, confidence = 0.95): CountInterval {
  if (count < BYARS_MINIMUM_COUNT) {
    return { lower: exactPoissonLower(count, confidence), upper: exactPoissonUpper(count, confidence), method: 'exact' }
  }
  return { lower: byarsLower(count, confidence), upper: byarsUpper(count, confidence), method: 'byars' }
}

/** A crude rate with its confidence interval, as `phe_rate` returns it. */
export function rateWithInterval(count: number, denominator: number, options: RateOptions = {}): RateEstimate {
  const multiplier = options.multiplier ?? 100000
  const confidence = options.confidence ?? 0.95
  assertCount(count)
  if (!Number.isFinite(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a number greater than zero, got ${denominator}`)
  }
  if (!Number.isFinite(multiplier)) throw new RangeError(`multiplier must be a finite number, got ${multiplier}`)
  const limits = countInterval(count, confidence)
  return {
    value: (count / denominator) * multiplier,
    lower: limits.lower === null ? null : (limits.lower / denominator) * multiplier,
    upper: (limits.upper / denominator) * multiplier,
    method: limits.method
  }
}
