/**
 * Digital readiness: an OPERATIONAL TRIAGE, NOT A VALIDATED CLINICAL SCORE.
 *
 * It decides how to route a patient (digital, digital with support, substantial support, or offline) from the
 * barrier profile, using a small ordered table: the first rule that holds gives the level.
 *
 * Partial screenings: each rule is checked with three values (holds, does not hold, not known yet). If a rule
 * before the first one that holds cannot be decided because answers are missing, the result is 'incomplete'
 * with the questions still needed. So a partial screening can still give 'offline' (no device) but never
 * 'confident_online'.
 */
import type { QuestionLinkId } from './questionnaire.js'
import type { ScreeningStatus } from './answers.js'
import { BARRIERS, type Barrier, type BarrierLevel, type BarrierProfile } from './barrier-profile.js'

export const READINESS_LEVELS = [
  'confident_online',
  'online_with_support',
  'needs_substantial_support',
  'offline'
] as const
export type ReadinessLevel = (typeof READINESS_LEVELS)[number]
export type ReadinessOutcome = ReadinessLevel | 'declined' | 'incomplete'

export const READINESS_KEYS = {
  confident_online: 'screening.readiness.confident_online',
  online_with_support: 'screening.readiness.online_with_support',
  needs_substantial_support: 'screening.readiness.needs_substantial_support',
  offline: 'screening.readiness.offline',
  declined: 'screening.readiness.declined',
  incomplete: 'screening.readiness.incomplete'
} as const satisfies Record<ReadinessOutcome, `screening.readiness.${ReadinessOutcome}`>

/** Shown with every readiness result. */
export const READINESS_DISCLAIMER_KEY = 'screening.readiness.disclaimer'

/** A barrier at or above a level. */
export interface BarrierTest {
  readonly barrier: Barrier
  readonly atLeast: 'some' | 'high'
}

export interface ReadinessRule {
  readonly id: string
  readonly level: ReadinessLevel
  /** 'any': one test must hold; 'all': every test must hold (an empty 'all' always holds). */
  readonly match: 'any' | 'all'
  readonly tests: readonly BarrierTest[]
}

/** The rules, in order. The first that holds wins. */
export const READINESS_RULES = [
  { id: 'no-access', level: 'offline', match: 'any', tests: [{ barrier: 'access', atLeast: 'high' }] },
  { id: 'prefers-offline', level: 'offline', match: 'any', tests: [{ barrier: 'motivation', atLeast: 'high' }] },
  {
    id: 'no-skills-no-help',
    level: 'offline',
    match: 'all',
    tests: [
      { barrier: 'skills', atLeast: 'high' },
      { barrier: 'support', atLeast: 'high' }
    ]
  },
  {
    id: 'skills-with-help',
    level: 'needs_substantial_support',
    match: 'any',
    tests: [{ barrier: 'skills', atLeast: 'high' }]
  },
  {
    id: 'language-or-accessibility',
    level: 'needs_substantial_support',
    match: 'any',
    tests: [
      { barrier: 'language', atLeast: 'high' },
      { barrier: 'accessibility', atLeast: 'high' }
    ]
  },
  {
    id: 'some-barrier',
    level: 'online_with_support',
    match: 'any',
    tests: BARRIERS.map((barrier) => ({ barrier, atLeast: 'some' as const }))
  },
  { id: 'no-barrier', level: 'confident_online', match: 'all', tests: [] }
] as const satisfies readonly ReadinessRule[]

export type ReadinessRuleId = (typeof READINESS_RULES)[number]['id']

export const READINESS_RULE_KEYS = {
  'no-access': 'screening.readiness.rule.no-access',
  'prefers-offline': 'screening.readiness.rule.prefers-offline',
  'no-skills-no-help': 'screening.readiness.rule.no-skills-no-help',
  'skills-with-help': 'screening.readiness.rule.skills-with-help',
  'language-or-accessibility': 'screening.readiness.rule.language-or-accessibility',
  'some-barrier': 'screening.readiness.rule.some-barrier',
  'no-barrier': 'screening.readiness.rule.no-barrier'
} as const satisfies Record<ReadinessRuleId, `screening.readiness.rule.${ReadinessRuleId}`>

export interface Readiness {
  level: ReadinessOutcome
  key: (typeof READINESS_KEYS)[ReadinessOutcome]
  /** The rule that gave the level; for 'incomplete', the first rule that could not be decided. Null when declined. */
  ruleId: ReadinessRuleId | null
  /** Barriers that met the rule's tests. */
  basis: Barrier[]
  /** For 'incomplete': the unanswered questions needed to decide. */
  missing: QuestionLinkId[]
  disclaimerKey: typeof READINESS_DISCLAIMER_KEY
}

type Tri = true | false | 'unknown'

const RANK: Record<Exclude<BarrierLevel, 'unknown'>, number> = { none: 0, some: 1, high: 2 }

function check(profile: BarrierProfile, test: BarrierTest): Tri {
  const { level, missing } = profile[test.barrier]
  if (level === 'unknown') return 'unknown'
  if (RANK[level] >= RANK[test.atLeast]) return true
  // A lower level with unanswered questions could still reach the threshold.
  return missing.length > 0 ? 'unknown' : false
}

function combine(match: 'any' | 'all', values: readonly Tri[]): Tri {
  if (match === 'any') return values.includes(true) ? true : values.includes('unknown') ? 'unknown' : false
  return values.includes(false) ? false : values.includes('unknown') ? 'unknown' : true
}

function outcome(
  level: ReadinessOutcome,
  ruleId: ReadinessRuleId | null,
  basis: Barrier[],
  missing: QuestionLinkId[]
): Readiness {
  return { level, key: READINESS_KEYS[level], ruleId, basis, missing, disclaimerKey: READINESS_DISCLAIMER_KEY }
}

/** Applies READINESS_RULES to a barrier profile. */
export function assessReadiness(status: ScreeningStatus, profile: BarrierProfile): Readiness {
  if (status === 'declined') return outcome('declined', null, [], [])
  const rules: readonly ReadinessRule[] = READINESS_RULES
  for (const rule of rules) {
    const values = rule.tests.map((t) => check(profile, t))
    const holds = combine(rule.match, values)
    const id = rule.id as ReadinessRuleId
    if (holds === true) {
      const basis = rule.tests.filter((_, i) => values[i] === true).map((t) => t.barrier)
      return outcome(rule.level, id, [...new Set(basis)], [])
    }
    if (holds === 'unknown') {
      const unsure = rule.tests.filter((_, i) => values[i] === 'unknown').map((t) => t.barrier)
      const missing = [...new Set(unsure.flatMap((b) => profile[b].missing))]
      return outcome('incomplete', id, [], missing)
    }
  }
  // Not reached: the last rule always holds.
  return outcome('incomplete', null, [], [])
}
