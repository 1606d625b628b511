/**
 * The arithmetic mean as R's `mean()` computes it, to the last bit in all but freak cases.
 *
 * R (src/main/summary.c, real_mean) sums in long double, divides by n, then adds the mean of the
 * residuals (x − mean) as a correction. The result is, in practice, the correctly rounded mean,
 * which a plain left-to-right double sum often misses in the last bit. We get the same by summing
 * exactly (Shewchuk's algorithm, as in Python's math.fsum) and applying the same residual correction.
 */

/** The exactly rounded sum of finite numbers (Shewchuk 1997, "Adaptive precision floating-point arithmetic"). */
export function exactSum(values: Iterable<number>): number {
  const partials: number[] = []
  for (let x of values) {
    let i = 0
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x]
      const hi = x + y
      const lo = y - (hi - x)
      if (lo !== 0) partials[i++] = lo
      x = hi
    }
    partials.length = i
    partials.push(x)
  }
  // add the partials from the top, rounding once (with the half-way correction of fsum)
  let n = partials.length
  if (n === 0) return 0
  let hi = partials[--n] ?? 0
  let lo = 0
  while (n > 0) {
    const x = hi
    const y = partials[--n] ?? 0
    hi = x + y
    const yr = hi - x
    lo = y - yr
    if (lo !== 0) break
  }
  const next = partials[n - 1]
  if (n > 0 && next !== undefined && ((lo < 0 && next < 0) || (lo > 0 && next > 0))) {
    const y = lo * 2
    const x = hi + y
    if (y === x - hi) hi = x
  }
  return hi
}

/** The mean of the values; NaN for none (R: `mean(numeric(0))` is NaN). */
export function preciseMean(values: readonly number[]): number {
  const n = values.length
  if (n === 0) return Number.NaN
  const first = exactSum(values) / n
  if (!Number.isFinite(first)) return first
  // residual correction, each difference split exactly into its rounded part and its error
  const residuals: number[] = []
  for (const x of values) {
    // Knuth's TwoSum of x and −first: d + err is exactly x − first
    const d = x - first
    const virtualB = d - x
    const err = x - (d - virtualB) + (-first - virtualB)
    residuals.push(d)
    if (err !== 0) residuals.push(err)
  }
  return first + exactSum(residuals) / n
}
