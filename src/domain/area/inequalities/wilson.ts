/**
 * Proportions with Wilson score confidence intervals, as OHID Fingertips publishes them and as
 * PHEindicatormethods computes them (`phe_proportion`, using `wilson_lower` / `wilson_upper`
 * from R/utils.R).
 *
 *   z = qnorm(confidence + (1 - confidence) / 2)
 *   lower = (2x + z^2 - z * sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2)
 *   upper = (2x + z^2 + z * sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2)
 *
 * The arithmetic is written in the package's order so results match R to the last bit or two.
 * A confidence of exactly 1 gives the limits 0 and 1, as in the package.
 *
 * References: Wilson EB (1927) J Am Stat Assoc 22:209-212; Newcombe RG, Altman DG (2000)
 * Proportions and their differences, in Statistics with Confidence, 2nd edn, pp 46-48.
 */
import { assertConfidence } from './confidence.js'
import { twoSidedZ } from './distributions.js'

export interface ProportionEstimate {
  /** numerator / denominator * multiplier */
  value: number
  lower: number
  upper: number
}

export interface ProportionOptions {
  /** A fraction from 0.9 to 1; default 0.95. */
  confidence?: number
  /** Scales value and limits (100 gives percentages); default 1, as in `phe_proportion`. */
  multiplier?: number
}

function validate(numerator: number, denominator: number, confidence: number): void {
  if (!Number.isFinite(numerator) || numerator < 0) {
    throw new RangeError(`numerator must be a number greater than or equal to zero, got ${numerator}`)
  }
  if (!Number.isFinite(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a number greater than zero, got ${denominator}`)
  }
  if (numerator > denominator) {
    throw new RangeError(`numerator (${numerator}) must be less than or equal to the denominator (${denominator})`)
  }
  assertConfidence(confidence)
}

/** Lower Wilson score limit for `numerator` cases out of `denominator`, on a 0-1 scale (`wilson_lower`). */
export function wilsonLower(numerator: number, denominator: number, confidence = 0.95): number {
  validate(numerator, denominator, confidence)
  if (confidence === 1) return 0
  const x = numerator
  const n = denominator
  const z = twoSidedZ(confidence)
  return (2 * x + z * z - z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / 2 / (n + z * z)
}

/** Upper Wilson score limit for `numerator` cases out of `denominator`, on a 0-1 scale (`wilson_upper`). */
export function wilsonUpper(numerator: number, denominator: number, confidence = 0.95): number {
  validate(numerator, denominator, confidence)
  if (confidence === 1) return 1
  const x = numerator
  const n = denominator
  const z = twoSidedZ(confidence)
  return (2 * x + z * z + z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / 2 / (n + z * z)
}

/** A proportion with its Wilson score interval, as `phe_proportion` returns it. */
export function proportionWithWilsonInterval(
  numerator: number,
  denominator: number,
  options: ProportionOptions = {}
): ProportionEstimate {
  const confidence = options.confidence ?? 0.95
  const multiplier = options.multiplier ?? 1
  if (!Number.isFinite(multiplier)) throw new RangeError(`multiplier must be a finite number, got ${multiplier}`)
  return {
    value: (numerator / denominator) * multiplier,
    lower: wilsonLower(numerator, denominator, confidence) * multiplier,
    upper: wilsonUpper(numerator, denominator, confidence) * multiplier
  }
}
