/**
 * A derived measure's figures from its per-period counts (as the database returns them): the
 * value of a percentage is computed from the counts; a measure with a value of its own (a count
 * or a median) keeps it. Figures for a whole system have small numbers suppressed. Pure.
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
