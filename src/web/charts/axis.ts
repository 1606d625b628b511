/**
 * Axis ticks that a reader can read (pure): values at round steps (1, 2 or 5 times a power of ten, as
 * d3-array's `ticks` chooses them) and as many date labels as fit, evenly spaced.
 */

export interface ValueTicks {
  /** The scale's ends: the data's range widened to whole steps. */
  low: number
  high: number
  step: number
  ticks: number[]
}

/** Round the floating-point noise of `k * step` (0.30000000000000004 → 0.3). */
const clean = (n: number): number => Number(n.toPrecision(12))

/**
 * Ticks at round values covering `low` to `high`, about `count` of them (never fewer than 2 steps).
 * For 44.7 to 55.3 the step is 2 and the ticks 44, 46, …, 56; for 0 to 1, 0.2 and 0, 0.2, …, 1.
 */
export function niceTicks(low: number, high: number, count = 5): ValueTicks {
  if (!Number.isFinite(low) || !Number.isFinite(high))
    return { low: 0, high: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] }
  if (low > high) [low, high] = [high, low]
  if (low === high) {
    const spread = low === 0 ? 1 : Math.abs(low) * 0.1
    low -= spread
    high += spread
  }
  const rough = (high - low) / Math.max(1, count - 1)
  const power = 10 ** Math.floor(Math.log10(rough))
  const fraction = rough / power
  // the nearest of 1, 2, 5 and 10 on a log scale (the thresholds are their geometric means, as d3's ticks)
  const step = clean(
    (fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1) * power
  )
  const first = Math.floor(clean(low / step))
  const last = Math.ceil(clean(high / step))
  const ticks: number[] = []
  for (let k = first; k <= last; k++) ticks.push(clean(k * step))
  return { low: clean(first * step), high: clean(last * step), step, ticks }
}

/**
 * Which of `count` evenly spaced points get a date label when at most `fit` labels fit: every
 * `stride`-th point from the first, and always the last (where the chart ends), dropping the label
 * before it when the two would be closer than a stride.
 */
export function dateLabelIndices(count: number, fit: number): number[] {
  if (count <= 0) return []
  const room = Math.max(2, Math.floor(fit))
  if (count <= room) return Array.from({ length: count }, (_, i) => i)
  const stride = Math.ceil((count - 1) / (room - 1))
  const indices: number[] = []
  for (let i = 0; i < count; i += stride) indices.push(i)
  const lastLabelled = indices[indices.length - 1] ?? 0
  if (lastLabelled !== count - 1) {
    if (count - 1 - lastLabelled < stride && indices.length > 1) indices.pop()
    indices.push(count - 1)
  }
  return indices
}
