/**
 * Comparing a group's value with a benchmark the way OHID Fingertips does.
 *
 * Fingertips compares an area (or group) with a benchmark such as the England value by checking
 * whether the benchmark value lies inside the group's confidence interval:
 *   lower limit > benchmark  -> higher (significantly)
 *   upper limit < benchmark  -> lower (significantly)
 *   otherwise (the interval includes the benchmark, ends included) -> similar
 * When the value or a limit is missing (for example suppressed) the group is not compared.
 * The benchmark's own interval is ignored, as in Fingertips, because it is usually much narrower.
 *
 * When both intervals matter (two groups of similar size), `compareIntervals` calls them
 * similar when the intervals overlap at all; this is the conservative overlap test.
 *
 * With an indicator's polarity, higher/lower become better/worse (Fingertips' RAG colours).
 */

export type Comparison = 'higher' | 'lower' | 'similar' | 'not-compared'

export type Polarity = 'high-is-good' | 'low-is-good' | 'no-judgement'

export type JudgedComparison = 'better' | 'worse' | 'similar' | 'higher' | 'lower' | 'not-compared'

export interface IntervalEstimate {
  value: number | null
  lower: number | null
  upper: number | null
}

function known(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n)
}

/** Compares a group's confidence interval with a benchmark value (for example the overall value). */
export function compareWithBenchmark(group: IntervalEstimate, benchmark: number | null): Comparison {
  if (!known(group.value) || !known(group.lower) || !known(group.upper) || !known(benchmark)) return 'not-compared'
  if (group.lower > benchmark) return 'higher'
  if (group.upper < benchmark) return 'lower'
  return 'similar'
}

/** Compares two intervals: similar when they overlap (ends included), otherwise higher or lower. */
export function compareIntervals(group: IntervalEstimate, reference: IntervalEstimate): Comparison {
  if (!known(group.value) || !known(group.lower) || !known(group.upper)) return 'not-compared'
  if (!known(reference.value) || !known(reference.lower) || !known(reference.upper)) return 'not-compared'
  if (group.lower > reference.upper) return 'higher'
  if (group.upper < reference.lower) return 'lower'
  return 'similar'
}

/** Turns higher/lower into better/worse for an indicator's polarity; 'no-judgement' keeps higher/lower. */
export function judgeComparison(comparison: Comparison, polarity: Polarity): JudgedComparison {
  if (comparison === 'similar' || comparison === 'not-compared' || polarity === 'no-judgement') return comparison
  const higherIsBetter = polarity === 'high-is-good'
  if (comparison === 'higher') return higherIsBetter ? 'better' : 'worse'
  return higherIsBetter ? 'worse' : 'better'
}
