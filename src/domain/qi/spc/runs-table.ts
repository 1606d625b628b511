/**
 * Table 1 of Perla RJ, Provost LP, Murray SK. "The run chart: a simple analytical tool for learning
 * from variation in healthcare processes". BMJ Qual Saf 2011;20:46–51 (after Swed & Eisenhart 1943),
 * about a 5% risk of a false signal: for the number of points not on the median, fewer runs than the
 * lower limit is 'too few', more than the upper limit is 'too many'.
 */

export interface RunsLimits {
  /** Fewer runs than this is too few. */
  lower: number
  /** More runs than this is too many. */
  upper: number
}

/** [useful observations, lower limit, upper limit] for 10 to 60 useful observations. */
const TABLE: readonly (readonly [number, number, number])[] = [
  [10, 3, 9],
  [11, 3, 10],
  [12, 3, 11],
  [13, 4, 11],
  [14, 4, 12],
  [15, 5, 12],
  [16, 5, 13],
  [17, 5, 13],
  [18, 6, 14],
  [19, 6, 15],
  [20, 6, 16],
  [21, 7, 16],
  [22, 7, 17],
  [23, 7, 17],
  [24, 8, 18],
  [25, 8, 18],
  [26, 9, 19],
  [27, 10, 19],
  [28, 10, 20],
  [29, 10, 20],
  [30, 11, 21],
  [31, 11, 22],
  [32, 11, 22],
  [33, 11, 23],
  [34, 12, 23],
  [35, 13, 24],
  [36, 13, 24],
  [37, 13, 25],
  [38, 14, 26],
  [39, 14, 26],
  [40, 15, 27],
  [41, 15, 27],
  [42, 16, 28],
  [43, 16, 28],
  [44, 17, 29],
  [45, 17, 30],
  [46, 17, 30],
  [47, 18, 31],
  [48, 18, 31],
  [49, 19, 32],
  [50, 19, 32],
  [51, 20, 33],
  [52, 20, 33],
  [53, 21, 34],
  [54, 21, 35],
  [55, 22, 35],
  [56, 22, 36],
  [57, 23, 36],
  [58, 23, 37],
  [59, 24, 38],
  [60, 24, 38]
]

/** The smallest and largest numbers of useful observations the table covers. */
export const RUNS_TABLE_MIN = 10
export const RUNS_TABLE_MAX = 60

/** The limits for this many points not on the median, or null outside the table (under 10 or over 60). */
export function runsLimits(usefulObservations: number): RunsLimits | null {
  const row = TABLE.find(([n]) => n === usefulObservations)
  return row ? { lower: row[1], upper: row[2] } : null
}
