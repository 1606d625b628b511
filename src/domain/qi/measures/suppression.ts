/**
 * Small-number suppression for aggregate (system-wide) figures: a count from 1 to 4 could
 * point to a person, so it is not shown, nor is any rate or median built on it. Zero is shown.
 * This follows the NHS Digital / ONS convention for published health statistics.
 */
export const SUPPRESS_BELOW = 5

export function isSmallNumber(count: number | null | undefined): boolean {
  return count !== null && count !== undefined && count >= 1 && count < SUPPRESS_BELOW
}

export interface PeriodFigure {
  periodStart: string
  numerator: number | null
  denominator: number | null
  value: number | null
  suppressed: boolean
}

/** Blanks every figure of a period when its numerator or denominator is a small number. */
export function suppressSmallNumbers(rows: readonly PeriodFigure[]): PeriodFigure[] {
  return rows.map((row) =>
    isSmallNumber(row.numerator) || isSmallNumber(row.denominator)
      ? { periodStart: row.periodStart, numerator: null, denominator: null, value: null, suppressed: true }
      : row
  )
}
