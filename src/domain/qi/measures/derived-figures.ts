/**
 * A derived measure's figures from its per-period counts (as the database returns them): the
 * value of a percentage is computed from the counts; a measure with a value of its own (a count
 * or a median) keeps it. Figures for a whole system have small numbers suppressed. A count's
 * periods with nothing to count are zero, not gaps (`fillCountGaps`); a percentage or a median
 * of nothing stays a gap. Pure.
 */
import { suppressSmallNumbers, type PeriodFigure } from './suppression.js'

export interface DerivedPeriodCounts {
  periodStart: string
  numerator: number | null
  denominator: number | null
  /** Present (possibly null) when the measure's SQL computes the value itself; absent for a percentage. */
  value?: number | null
}

export function derivedFigures(rows: readonly DerivedPeriodCounts[], options: { suppress: boolean }): PeriodFigure[] {
  const figures: PeriodFigure[] = rows.map((row) => {
    const { numerator, denominator } = row
    const value = row.value !== undefined ? row.value : denominator ? ((numerator ?? 0) * 100) / denominator : null
    return { periodStart: row.periodStart, numerator, denominator, value, suppressed: false }
  })
  return options.suppress ? suppressSmallNumbers(figures) : figures
}

/** The start of the period after `periodStart` (a Monday, or the first of a month). */
export function nextPeriodStart(periodStart: string, frequency: 'weekly' | 'monthly'): string {
  const d = new Date(`${periodStart}T00:00:00Z`)
  if (frequency === 'weekly') return new Date(d.getTime() + 7 * 86_400_000).toISOString().slice(0, 10)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
}

/**
 * A count's periods without a row (nothing happened) as zeros: every period from the first with a row to
 * the last, and on to the one before `before` (the start of the current, incomplete period) when given.
 * A count with no rows at all stays empty: there is nothing to say where it starts.
 */
export function fillCountGaps(
  rows: readonly DerivedPeriodCounts[],
  frequency: 'weekly' | 'monthly',
  before?: string
): DerivedPeriodCounts[] {
  const first = rows[0]
  const last = rows[rows.length - 1]
  if (!first || !last) return []
  const byPeriod = new Map(rows.map((r) => [r.periodStart, r]))
  const filled: DerivedPeriodCounts[] = []
  for (let p = first.periodStart; p <= last.periodStart || (before !== undefined && p < before);) {
    filled.push(byPeriod.get(p) ?? { periodStart: p, numerator: 0, denominator: null, value: 0 })
    p = nextPeriodStart(p, frequency)
  }
  return filled
}
