/**
 * When to suggest recalculating a chart's limits (a rebase): the latest segment ends in a sustained shift — a
 * run of points on one side of the mean (the Making Data Count "7 points above/below" rule, as the SPC engine
 * marks it) — that reaches the latest point. Making Data Count advises recalculating only when the shift is
 * sustained and its cause is understood, so Reach suggests; a person records the rebase and its reason. Pure.
 */
import type { SpcResult } from '../spc/index.js'

export interface RebaseSuggestion {
  /** The first point of the run: where the new limits would start. */
  date: string
  points: number
  side: 'above' | 'below'
  improvement: boolean
}

/** Points in a row on one side of the mean that Making Data Count calls a shift. */
export const SHIFT_POINTS = 7

export function suggestRebase(result: SpcResult): RebaseSuggestion | null {
  const points = result.points
  const last = points[points.length - 1]
  if (!last || last.relativeToMean === 0) return null
  const segment = last.segment
  const sameRun = (p: (typeof points)[number] | undefined) =>
    p !== undefined && p.segment === segment && p.relativeToMean === last.relativeToMean
  let i = points.length - 1
  while (i > 0 && sameRun(points[i - 1])) i--
  const length = points.length - i
  const first = points[i]
  // A run that starts the segment is the segment itself: nothing to recalculate.
  if (!first || length < SHIFT_POINTS || i === 0 || points[i - 1]?.segment !== segment) return null
  return {
    date: first.date,
    points: length,
    side: last.relativeToMean > 0 ? 'above' : 'below',
    improvement: last.pointType === 'special_cause_improvement'
  }
}
