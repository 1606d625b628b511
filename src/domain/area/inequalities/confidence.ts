/**
 * Confidence levels. PHEindicatormethods accepts any level from 0.9 to 1 (or 90 to 100);
 * Fingertips publishes 95% and 99.8% intervals, which are the levels the CLI accepts.
 */

/** The two levels Fingertips publishes. */
export const FINGERTIPS_CONFIDENCE_LEVELS = [0.95, 0.998] as const

export type FingertipsConfidence = (typeof FINGERTIPS_CONFIDENCE_LEVELS)[number]

export function isFingertipsConfidence(value: number): value is FingertipsConfidence {
  return (FINGERTIPS_CONFIDENCE_LEVELS as readonly number[]).includes(value)
}

/**
 * Throws a RangeError unless `confidence` is a fraction from 0.9 to 1, the range
 * PHEindicatormethods allows (its percentage form, 90 to 100, is not accepted here).
 */
export function assertConfidence(confidence: number): void {
  if (!(confidence >= 0.9 && confidence <= 1)) {
    throw new RangeError(`confidence must be between 0.9 and 1, got ${confidence}`)
  }
}
