/**
 * The IHI progress score (0.5 to 5.0) of a project, suggested from the evidence Reach holds and set by the
 * team with a reason. The levels follow the IHI "Assessment Scale for Collaboratives" (Institute for
 * Healthcare Improvement), as Life QI and NHS QI teams use it; the wording here is Reach's paraphrase and was
 * not checked against IHI's own text in this version. The suggestion is Reach's rule (docs/qi.md), not IHI's:
 * teams may set a different score, and must say why. Pure.
 */

export const PROGRESS_LEVELS = [
  { score: 0.5, label: 'Intent to take part' },
  { score: 1.0, label: 'Team formed' },
  { score: 1.5, label: 'Planning has begun' },
  { score: 2.0, label: 'Activity, but no changes tested' },
  { score: 2.5, label: 'Changes tested, but no improvement' },
  { score: 3.0, label: 'Modest improvement' },
  { score: 3.5, label: 'Improvement' },
  { score: 4.0, label: 'Significant improvement' },
  { score: 4.5, label: 'Sustainable improvement' },
  { score: 5.0, label: 'Outstanding sustainable results' }
] as const
export type ProgressScore = (typeof PROGRESS_LEVELS)[number]['score']

export const isProgressScore = (n: number): n is ProgressScore => PROGRESS_LEVELS.some((l) => l.score === n)
export const progressLabel = (score: number) => PROGRESS_LEVELS.find((l) => l.score === score)?.label ?? 'Unknown'

export interface ProgressEvidence {
  /** An owner or members. */
  hasTeam: boolean
  /** An aim that is specific and time-bound. */
  hasSmartAim: boolean
  /** At least one measure with data. */
  hasMeasureData: boolean
  /** Cycles planned or running (any stage). */
  cyclesStarted: number
  /** Cycles that reached study or later. */
  cyclesStudied: number
  /** Process measures whose latest point shows special cause improvement. */
  processImproving: number
  /** Outcome measures whose latest point shows special cause improvement. */
  outcomeImproving: number
  /** Outcome measures consistently meeting their target (assurance pass). */
  outcomeTargetsMet: number
  outcomeMeasures: number
  /** An improvement held for at least six months, or the project status is "sustaining". */
  sustained: boolean
}

export interface ProgressSuggestion {
  score: ProgressScore
  /** Why, in a sentence built from the evidence. */
  because: string
}

export function suggestProgress(e: ProgressEvidence): ProgressSuggestion {
  const s = (score: ProgressScore, because: string): ProgressSuggestion => ({ score, because })
  if (e.outcomeImproving > 0 && e.sustained && e.outcomeMeasures > 0 && e.outcomeTargetsMet === e.outcomeMeasures)
    return s(5.0, 'every outcome measure meets its target and the improvement has held')
  if (e.outcomeImproving > 0 && e.sustained)
    return s(4.5, 'an outcome measure has improved and the improvement has held')
  if (e.outcomeImproving > 0 && e.outcomeTargetsMet > 0)
    return s(4.0, 'an outcome measure has improved and meets its target')
  if (e.outcomeImproving > 0) return s(3.5, 'an outcome measure shows special cause improvement')
  if (e.processImproving > 0) return s(3.0, 'a process measure shows special cause improvement')
  if (e.cyclesStudied > 0)
    return s(2.5, 'changes have been tested and studied, with no improvement in the measures yet')
  if (e.cyclesStarted > 0) return s(2.0, 'PDSA cycles are planned or running, none studied yet')
  if (e.hasSmartAim && e.hasMeasureData) return s(1.5, 'there is a specific, time-bound aim and measures with data')
  if (e.hasTeam) return s(1.0, 'a team is formed')
  return s(0.5, 'the project is set up')
}
