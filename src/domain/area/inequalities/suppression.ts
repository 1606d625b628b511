/**
 * Small-number suppression for aggregate tables (statistical disclosure control).
 *
 * Primary suppression: a count from 1 to 4 is hidden. A count of 0 is shown: it identifies
 * nobody, and hiding zeros would hide real gaps in reach. (The range is an option.)
 *
 * Secondary (complementary) suppression: a table is published with its totals, so in any
 * additive line (a row or a column together with its total) exactly one hidden member could be
 * worked out by subtraction. Whenever a line has exactly one hidden member, one more member of
 * that line is hidden:
 *   - the smallest visible non-zero cell of the line (the earliest one on a tie);
 *   - else the smallest visible zero cell (a zero is a poor partner: a reader who knows it is
 *     a structural zero can still subtract it, so non-zero cells are preferred);
 *   - else the line's total.
 * For two-way tables rows and columns (including the row of column totals and the column of row
 * totals) are checked again and again until nothing changes.
 *
 * Derived statistics (rates, proportions, their limits) are hidden wherever their numerator is.
 *
 * The rules protect against subtraction from published totals; they do not claim protection
 * against every linear-programming attack on large tables.
 */

export type SuppressionReason = 'primary' | 'secondary'

export interface SuppressedCell {
  /** The count, or null when it is hidden. */
  value: number | null
  /** Why it is hidden, or null when shown. */
  reason: SuppressionReason | null
}

export interface PrimaryRule {
  /** Smallest count that is hidden; default 1 (so 0 is shown). */
  min?: number
  /** Largest count that is hidden; default 4. */
  max?: number
}

export interface OneWaySuppression {
  cells: SuppressedCell[]
  total: SuppressedCell
}

export interface TwoWaySuppression {
  cells: SuppressedCell[][]
  /** One per row: the sum of that row. */
  rowTotals: SuppressedCell[]
  /** One per column: the sum of that column. */
  columnTotals: SuppressedCell[]
  grandTotal: SuppressedCell
}

export const PRIMARY_SUPPRESSION_MIN = 1
export const PRIMARY_SUPPRESSION_MAX = 4

/** True when a count must be hidden on its own account (1 to 4 by default; 0 is shown). */
export function needsPrimarySuppression(count: number, rule: PrimaryRule = {}): boolean {
  const min = rule.min ?? PRIMARY_SUPPRESSION_MIN
  const max = rule.max ?? PRIMARY_SUPPRESSION_MAX
  return count >= min && count <= max
}

function assertCount(count: number, where: string): void {
  if (!Number.isFinite(count) || count < 0)
    throw new RangeError(`${where}: count must be a number greater than or equal to zero, got ${count}`)
}

/** A grid position in the extended table (counts plus totals). */
interface Slot {
  value: number
  reason: SuppressionReason | null
}

/**
 * Applies the secondary rule to additive lines until stable. Each line lists slots; its last
 * slot is the line's total.
 */
function protectLines(lines: readonly (readonly Slot[])[]): void {
  let changed = true
  while (changed) {
    changed = false
    for (const line of lines) {
      const hidden = line.filter((s) => s.reason !== null).length
      if (hidden !== 1) continue
      const total = line[line.length - 1]
      const members = line.slice(0, -1).filter((s) => s.reason === null)
      const smallest = (candidates: Slot[]): Slot | undefined =>
        candidates.reduce<Slot | undefined>(
          (best, s) => (best === undefined || s.value < best.value ? s : best),
          undefined
        )
      const partner =
        smallest(members.filter((s) => s.value !== 0)) ??
        smallest(members) ??
        (total && total.reason === null ? total : undefined)
      if (partner) {
        partner.reason = 'secondary'
        changed = true
      }
    }
  }
}

function toCell(slot: Slot): SuppressedCell {
  return { value: slot.reason === null ? slot.value : null, reason: slot.reason }
}

function primarySlot(value: number, rule: PrimaryRule): Slot {
  return { value, reason: needsPrimarySuppression(value, rule) ? 'primary' : null }
}

/** Suppresses a one-way breakdown published with its total (the sum of the counts). */
export function suppressOneWay(counts: readonly number[], rule: PrimaryRule = {}): OneWaySuppression {
  counts.forEach((c, i) => assertCount(c, `cell ${i + 1}`))
  const slots = counts.map((c) => primarySlot(c, rule))
  const total = primarySlot(
    counts.reduce((sum, c) => sum + c, 0),
    rule
  )
  protectLines([[...slots, total]])
  return { cells: slots.map(toCell), total: toCell(total) }
}

/**
 * Suppresses numerators published beside their denominators (patients with a barrier among those
 * screened, say) and their total. The complement d − n is as disclosive as n: "5 of 6 Bengali
 * speakers have a barrier" tells a reader that one Bengali speaker has none. So a numerator is hidden
 * on its own account when n or d − n is from 1 to 4 (reason 'primary'), the numerators' total
 * likewise against the denominators' total, and the secondary rule then protects the numerators
 * with their total, so no hidden numerator (and so no complement) can be worked out by subtraction
 * across rows. A row whose numerator exceeds its denominator (counts that do not nest) gets the
 * plain primary rule. The denominators are protected on their own with `suppressOneWay`.
 */
export function suppressNumeratorsWithin(
  numerators: readonly number[],
  denominators: readonly number[],
  rule: PrimaryRule = {}
): OneWaySuppression {
  if (numerators.length !== denominators.length)
    throw new RangeError(`${numerators.length} numerators but ${denominators.length} denominators`)
  numerators.forEach((c, i) => assertCount(c, `numerator ${i + 1}`))
  denominators.forEach((c, i) => assertCount(c, `denominator ${i + 1}`))
  const nested = (n: number, d: number) => n <= d
  const disclosive = (n: number, d: number) =>
    needsPrimarySuppression(n, rule) || (nested(n, d) && needsPrimarySuppression(d - n, rule))
  const slots: Slot[] = numerators.map((n, i) => ({
    value: n,
    reason: disclosive(n, denominators[i] ?? 0) ? 'primary' : null
  }))
  const totalN = numerators.reduce((a, b) => a + b, 0)
  const totalD = denominators.reduce((a, b) => a + b, 0)
  const total: Slot = { value: totalN, reason: disclosive(totalN, totalD) ? 'primary' : null }
  protectLines([[...slots, total]])
  return { cells: slots.map(toCell), total: toCell(total) }
}

/** Suppresses a two-way table published with row totals, column totals and the grand total. */
export function suppressTwoWay(counts: readonly (readonly number[])[], rule: PrimaryRule = {}): TwoWaySuppression {
  const columns = counts[0]?.length ?? 0
  counts.forEach((row, i) => {
    if (row.length !== columns) throw new RangeError(`row ${i + 1} has ${row.length} cells; expected ${columns}`)
    row.forEach((c, j) => assertCount(c, `row ${i + 1}, column ${j + 1}`))
  })
  const grid = counts.map((row) => row.map((c) => primarySlot(c, rule)))
  const rowTotals = counts.map((row) =>
    primarySlot(
      row.reduce((sum, c) => sum + c, 0),
      rule
    )
  )
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    primarySlot(
      counts.reduce((sum, row) => sum + (row[j] ?? 0), 0),
      rule
    )
  )
  const grandTotal = primarySlot(
    counts.reduce((sum, row) => sum + row.reduce((s, c) => s + c, 0), 0),
    rule
  )

  const lines: Slot[][] = []
  grid.forEach((row, i) => lines.push([...row, rowTotals[i] as Slot]))
  lines.push([...columnTotals, grandTotal])
  for (let j = 0; j < columns; j++) lines.push([...grid.map((row) => row[j] as Slot), columnTotals[j] as Slot])
  lines.push([...rowTotals, grandTotal])
  protectLines(lines)

  return {
    cells: grid.map((row) => row.map(toCell)),
    rowTotals: rowTotals.map(toCell),
    columnTotals: columnTotals.map(toCell),
    grandTotal: toCell(grandTotal)
  }
}

/**
 * Hides derived values (rates, proportions, limits) wherever the numerator cell is hidden.
 * `values[i]` belongs to `numerators[i]`.
 */
export function suppressDerived<T>(values: readonly (T | null)[], numerators: readonly SuppressedCell[]): (T | null)[] {
  if (values.length !== numerators.length)
    throw new RangeError(`expected ${numerators.length} values, got ${values.length}`)
  return values.map((v, i) => (numerators[i]?.reason ? null : v))
}
