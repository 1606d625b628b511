/**
 * Equity statistics for a breakdown of our own patients: each group's rate with a Wilson 95%
 * interval, compared with the overall rate by interval overlap, with small numbers (1 to 4)
 * hidden and enough other cells hidden (secondary suppression) that they cannot be worked
 * back from the total; and the slope index of inequality across IMD quintiles. Pure.
 */
import { proportionWithWilsonInterval } from './inequalities/wilson.js'
import { suppressNumeratorsWithin, suppressOneWay, type SuppressedCell } from './inequalities/suppression.js'
import { compareIntervals, type Comparison } from './inequalities/interval-overlap.js'
import { slopeIndexOfInequality } from './inequalities/sii.js'
import { directlyStandardisedRate } from './inequalities/dsr.js'
import { ESP2013 } from './inequalities/esp2013.js'

export const EQUITY_MEASURES = {
  coverage: {
    label: 'Screening coverage',
    numerator: 'screened',
    denominator: 'patients',
    description: 'patients screened in the period, of all patients'
  },
  offline: {
    label: 'Offline',
    numerator: 'offline',
    denominator: 'screened',
    description: 'screened patients whose readiness was offline'
  },
  barrier: {
    label: 'High barrier',
    numerator: 'highBarrier',
    denominator: 'screened',
    description: 'screened patients with at least one high barrier'
  },
  referral: {
    label: 'Referred',
    numerator: 'referred',
    denominator: 'highBarrier',
    description: 'patients with a high barrier who were referred in the period'
  },
  outcome: {
    label: 'Positive outcome',
    numerator: 'outcomes',
    denominator: 'referred',
    description: 'referred patients with a device, connectivity or skills outcome'
  }
} as const
export type EquityMeasure = keyof typeof EQUITY_MEASURES

export interface EquityCounts {
  group: string
  patients: number
  screened: number
  offline: number
  highBarrier: number
  referred: number
  outcomes: number
}

export interface EquityCell {
  group: string
  numerator: SuppressedCell
  denominator: SuppressedCell
  /** Percentages, or null when hidden or the denominator is 0. */
  value: number | null
  lower: number | null
  upper: number | null
  comparison: Comparison
}

export interface EquityTable {
  rows: EquityCell[]
  overall: EquityCell
}

/** The suppression of the i-th count (one cell per count, so always there). */
function cellAt(cells: readonly SuppressedCell[], i: number): SuppressedCell {
  const cell = cells[i]
  if (cell === undefined) throw new RangeError(`no suppression cell for group ${i + 1}`)
  return cell
}

function estimate(n: number, d: number) {
  return d > 0 ? proportionWithWilsonInterval(n, d, { multiplier: 100 }) : null
}

export function equityTable(counts: readonly EquityCounts[], measure: EquityMeasure): EquityTable {
  const m = EQUITY_MEASURES[measure]
  const nums = counts.map((c) => c[m.numerator])
  const dens = counts.map((c) => c[m.denominator])
  const sn = suppressNumeratorsWithin(nums, dens)
  const sd = suppressOneWay(dens)
  const totalN = nums.reduce((a, b) => a + b, 0)
  const totalD = dens.reduce((a, b) => a + b, 0)
  const overallEstimate = estimate(totalN, totalD)
  const overallShown = overallEstimate !== null && sn.total.value !== null && sd.total.value !== null
  const overall: EquityCell = {
    group: 'All patients',
    numerator: sn.total,
    denominator: sd.total,
    value: overallShown ? overallEstimate.value : null,
    lower: overallShown ? overallEstimate.lower : null,
    upper: overallShown ? overallEstimate.upper : null,
    comparison: 'not-compared'
  }
  const rows = counts.map((c, i) => {
    const numerator = cellAt(sn.cells, i)
    const denominator = cellAt(sd.cells, i)
    const e = numerator.value !== null && denominator.value !== null ? estimate(c[m.numerator], c[m.denominator]) : null
    const comparison: Comparison =
      e && overallShown
        ? compareIntervals(
            { value: e.value, lower: e.lower, upper: e.upper },
            { value: overallEstimate.value, lower: overallEstimate.lower, upper: overallEstimate.upper }
          )
        : 'not-compared'
    return {
      group: c.group,
      numerator,
      denominator,
      value: e?.value ?? null,
      lower: e?.lower ?? null,
      upper: e?.upper ?? null,
      comparison
    }
  })
  return { rows, overall }
}

export interface SiiReading {
  sii: number
  rii: number
  sentence: string
}

/**
 * SII and RII of a measure across the five IMD quintiles (group labels '1'..'5', 1 = most
 * deprived), from the unsuppressed counts. Null unless all five quintiles have a denominator.
 * The sentence states only what the numbers say; no interval is computed for the SII here,
 * so it never claims significance.
 */
export function siiAcrossQuintiles(counts: readonly EquityCounts[], measure: EquityMeasure): SiiReading | null {
  const m = EQUITY_MEASURES[measure]
  const quintiles: EquityCounts[] = []
  for (const q of [1, 2, 3, 4, 5]) {
    const c = counts.find((x) => x.group === String(q))
    if (!c || c[m.denominator] === 0) return null
    quintiles.push(c)
  }
  const input = quintiles.map((c, i) => ({
    quantile: i + 1,
    population: c[m.denominator],
    value: (100 * c[m.numerator]) / c[m.denominator]
  }))
  if (input.reduce((s, q) => s + q.value, 0) === 0) return null
  // multiplier -1 turns PHE's (least minus most deprived) round: positive means higher in the most deprived
  const { sii, rii } = slopeIndexOfInequality(input, { multiplier: -1 })
  const direction = sii > 0 ? 'higher' : 'lower'
  const sentence =
    Math.abs(sii) < 0.05
      ? `The ${m.label.toLowerCase()} rate is about the same from the most to the least deprived quintile (slope index ${sii.toFixed(1)} percentage points).`
      : `Across the deprivation gradient the ${m.label.toLowerCase()} rate is ${Math.abs(sii).toFixed(1)} percentage points ${direction} in the most deprived than in the least deprived patients (slope index of inequality)` +
        (Number.isFinite(rii) && rii > 0
          ? `; the fitted rate in the most deprived is ${rii.toFixed(1)} times that in the least deprived (relative index).`
          : '.') +
        ' No confidence interval is calculated for this slope, so it is a description, not a test.'
  return { sii, rii, sentence }
}

/** ESP2013 five-year bands summed into the five broad bands the equity query uses. */
export const BROAD_AGE_BANDS = [
  { label: 'under 35', esp: [0, 1, 2, 3, 4, 5, 6] },
  { label: '35 to 49', esp: [7, 8, 9] },
  { label: '50 to 64', esp: [10, 11, 12] },
  { label: '65 to 74', esp: [13, 14] },
  { label: '75 and over', esp: [15, 16, 17, 18] }
] as const

export function broadStandardPopulation(): number[] {
  return BROAD_AGE_BANDS.map((b) => b.esp.reduce<number>((sum, i) => sum + (ESP2013[i] ?? 0), 0))
}

export interface EquityDsr {
  group: string
  value: number | null
  lower: number | null
  upper: number | null
  note: string | null
}

/**
 * Age-standardised rate (DSR per 100, ESP2013 in five broad bands, Dobson 95% limits) of a
 * measure for each group. Not calculated when a band has no one in the denominator (the rate
 * would rest on an empty band), and hidden when the total numerator is below 10 (as Fingertips does).
 */
export function equityDsr(rows: readonly (EquityCounts & { ageBand: number })[], measure: EquityMeasure): EquityDsr[] {
  const m = EQUITY_MEASURES[measure]
  const standard = broadStandardPopulation()
  const groups = [...new Set(rows.map((r) => r.group))]
  return groups.map((group) => {
    const bands = standard.map((standardPopulation, band) => {
      const r = rows.find((x) => x.group === group && x.ageBand === band)
      return { count: r ? r[m.numerator] : 0, population: r ? r[m.denominator] : 0, standardPopulation }
    })
    if (bands.some((b) => b.population === 0))
      return { group, value: null, lower: null, upper: null, note: 'not calculated: an age band has no one' }
    const dsr = directlyStandardisedRate(bands, { multiplier: 100 })
    if (dsr.suppressed) return { group, value: null, lower: null, upper: null, note: 'not shown: fewer than 10 events' }
    return { group, value: dsr.value, lower: dsr.lower95, upper: dsr.upper95, note: null }
  })
}
