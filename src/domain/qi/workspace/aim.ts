/**
 * The aim statement helper: the Model for Improvement's first question ("What are we trying to accomplish?")
 * answered in parts — what will improve, for whom, how much, by when — and checked for the two things an aim
 * most often lacks: a number (specific) and a date (time-bound). Pure: `today` comes in.
 */
import { formatDate } from '../../shared/dates.js'

export interface AimParts {
  /** What will improve: "Increase the share of new patients screened for digital exclusion". */
  what: string
  /** For whom: "adults seen by the community therapy teams". */
  who: string
  /** How much: "from 10% to 80%". */
  howMuch: string
  /** By when: an ISO date, or null. */
  byWhen: string | null
}

export type AimProblem = 'no-what' | 'no-who' | 'not-specific' | 'not-time-bound' | 'date-passed'

export const AIM_PROBLEM_TEXT: Record<AimProblem, string> = {
  'no-what': 'Say what will improve',
  'no-who': 'Say who it is for',
  'not-specific': 'Say how much, with a number: for example, from 10% to 80%',
  'not-time-bound': 'Say by when, with a date',
  'date-passed': 'The date has passed: set a new date, or close the project'
}

export interface AimCheck {
  problems: AimProblem[]
  /** The aim as one sentence; '' when there is nothing to say. */
  sentence: string
  /** Specific (a number) and time-bound (a date not yet passed). */
  smart: boolean
}

const clean = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')

export function checkAim(parts: AimParts, today: string): AimCheck {
  const what = clean(parts.what)
  const who = clean(parts.who)
  const howMuch = clean(parts.howMuch)
  const problems: AimProblem[] = []
  if (!what) problems.push('no-what')
  if (!who) problems.push('no-who')
  if (!/\d/.test(howMuch)) problems.push('not-specific')
  if (!parts.byWhen) problems.push('not-time-bound')
  else if (parts.byWhen < today) problems.push('date-passed')
  const pieces = [what, who && `for ${who}`, howMuch, parts.byWhen && `by ${formatDate(parts.byWhen)}`].filter(Boolean)
  const sentence = pieces.length ? `${pieces.join(', ')}.` : ''
  return { problems, sentence: sentence.charAt(0).toUpperCase() + sentence.slice(1), smart: problems.length === 0 }
}
