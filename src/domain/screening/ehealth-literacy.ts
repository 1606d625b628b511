/**
 * eHEALS (eHealth Literacy Scale) scoring, as published.
 *
 * Source: Norman CD, Skinner HA. eHEALS: The eHealth Literacy Scale. J Med Internet Res 2006;8(4):e27.
 * doi:10.2196/jmir.8.4.e27. Eight items, each 1 (strongly disagree) to 5 (strongly agree); the score is the sum,
 * 8 to 40, higher meaning higher perceived eHealth literacy. The paper's two extra items (usefulness and
 * importance of the internet) are not part of the score and are not asked here.
 *
 * - Only a full set of 8 answers is scored: no pro-rating and no imputation.
 * - No cut-off is applied: the original paper publishes none (studies that split at, say, 26 made their own choice).
 * - The scale assumes the person uses the internet, so the block is only shown to people who can get online.
 */
import type { ScreeningAnswers } from './answers.js'
import { LIKERT_SCORES } from './questionnaire.js'

export const EHEALS_LINK_IDS = [
  'eheals-1',
  'eheals-2',
  'eheals-3',
  'eheals-4',
  'eheals-5',
  'eheals-6',
  'eheals-7',
  'eheals-8'
] as const
export type EhealsLinkId = (typeof EHEALS_LINK_IDS)[number]
export type EhealsItemScore = (typeof LIKERT_SCORES)[keyof typeof LIKERT_SCORES]

export const EHEALS_MIN = 8
export const EHEALS_MAX = 40

export const EHEALS_STATUS_KEYS = {
  complete: 'screening.eheals.complete',
  incomplete: 'screening.eheals.incomplete',
  not_asked: 'screening.eheals.not_asked'
} as const

export type EhealsResult =
  | {
      status: 'complete'
      key: typeof EHEALS_STATUS_KEYS.complete
      score: number
      min: typeof EHEALS_MIN
      max: typeof EHEALS_MAX
      itemScores: Record<EhealsLinkId, EhealsItemScore>
    }
  | { status: 'incomplete'; key: typeof EHEALS_STATUS_KEYS.incomplete; answered: number; missing: EhealsLinkId[] }
  | { status: 'not_asked'; key: typeof EHEALS_STATUS_KEYS.not_asked }

/** Scores the eHEALS block. Some but not all items answered gives 'incomplete' and no score. */
export function scoreEheals(answers: ScreeningAnswers): EhealsResult {
  const itemScores: Partial<Record<EhealsLinkId, EhealsItemScore>> = {}
  const missing: EhealsLinkId[] = []
  let score = 0
  for (const linkId of EHEALS_LINK_IDS) {
    const answer = answers[linkId]
    if (answer === undefined) {
      missing.push(linkId)
    } else {
      itemScores[linkId] = LIKERT_SCORES[answer]
      score += LIKERT_SCORES[answer]
    }
  }
  if (missing.length === EHEALS_LINK_IDS.length) return { status: 'not_asked', key: EHEALS_STATUS_KEYS.not_asked }
  if (missing.length > 0) {
    return {
      status: 'incomplete',
      key: EHEALS_STATUS_KEYS.incomplete,
      answered: EHEALS_LINK_IDS.length - missing.length,
      missing
    }
  }
  // Every item has a score here, so the partial record is complete.
  return {
    status: 'complete',
    key: EHEALS_STATUS_KEYS.complete,
    score,
    min: EHEALS_MIN,
    max: EHEALS_MAX,
    itemScores: itemScores as Record<EhealsLinkId, EhealsItemScore>
  }
}
