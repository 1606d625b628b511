/**
 * Splitting a date-ordered series into rebase groups.
 * Mirrors `ptd_add_rebase_column()` (a 1 on each row whose date is a rebase date) and
 * `rebase_group = cumsum(rebase)` in `ptd_spc_standard()`.
 */

/**
 * Returns, for each date (already in order), the 0-based index of its segment. A new segment starts
 * at each point whose date is a rebase date; rebase dates not in the data are ignored, and a rebase
 * at the first point starts no new segment.
 */
export function segmentIndices(dates: readonly string[], rebaseDates: readonly string[] = []): number[] {
  const rebase = new Set(rebaseDates)
  let segment = 0
  return dates.map((date, i) => {
    if (i > 0 && rebase.has(date)) segment++
    return segment
  })
}

/** Groups consecutive positions that share a segment index: [[0, 1, 2], [3, 4], …]. */
export function groupBySegment(indices: readonly number[]): number[][] {
  const groups: number[][] = []
  indices.forEach((segment, position) => {
    const group = groups[segment] ?? []
    group.push(position)
    groups[segment] = group
  })
  return groups
}
