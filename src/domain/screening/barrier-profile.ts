/**
 * Barrier profile: for each barrier a level (none, some, high) and the answers that caused it.
 *
 * The barriers follow the categories in the shared reference data (`data/screening/instruments.md`, section 5) (access, skills,
 * motivation/confidence, trust, accessibility, language) plus support, which measures help that is needed but
 * missing. The levels are an operational triage for routing and referral, not a validated clinical score.
 *
 * A level of 'unknown' means nothing was found and some of the barrier's questions are unanswered (partial
 * screening), or the barrier was not assessed (declined, or no device so the skills questions were skipped).
 * When `missing` is not empty, a level of 'some' is a lower bound: a missing answer could make it 'high'.
 *
 * Expects answers cleaned by parseScreeningAnswers (hidden answers dropped); assessScreening does this.
 */
import { answerList, type Reason, type ScreeningAnswers } from './answers.js'
import type { QuestionLinkId } from './questionnaire.js'

import { BARRIERS, type Barrier } from '../shared/barriers.js'

export { BARRIERS, type Barrier }
export type BarrierLevel = 'none' | 'some' | 'high' | 'unknown'

export const BARRIER_KEYS = {
  access: 'screening.barrier.access',
  skills: 'screening.barrier.skills',
  motivation: 'screening.barrier.motivation',
  trust: 'screening.barrier.trust',
  accessibility: 'screening.barrier.accessibility',
  language: 'screening.barrier.language',
  support: 'screening.barrier.support'
} as const satisfies Record<Barrier, `screening.barrier.${Barrier}`>

export const BARRIER_LEVEL_KEYS = {
  none: 'screening.level.none',
  some: 'screening.level.some',
  high: 'screening.level.high',
  unknown: 'screening.level.unknown'
} as const satisfies Record<BarrierLevel, `screening.level.${BarrierLevel}`>

export const BARRIER_REASON_KEYS = [
  'screening.reason.declined',
  'screening.reason.access.no-online-device',
  'screening.reason.access.no-connection',
  'screening.reason.access.cannot-afford',
  'screening.reason.access.affordability-strain',
  'screening.reason.access.shared-device',
  'screening.reason.access.public-device',
  'screening.reason.access.public-wifi-only',
  'screening.reason.skills.not-asked-no-device',
  'screening.reason.skills.cannot-foundation',
  'screening.reason.skills.cannot-everyday-tasks',
  'screening.reason.skills.cannot-task',
  'screening.reason.skills.needs-help',
  'screening.reason.motivation.lacks-confidence',
  'screening.reason.motivation.prefers-offline',
  'screening.reason.trust.scams',
  'screening.reason.trust.data-sharing',
  'screening.reason.accessibility.sight',
  'screening.reason.accessibility.hearing',
  'screening.reason.accessibility.dexterity',
  'screening.reason.accessibility.cognition',
  'screening.reason.accessibility.uses-assistive-technology',
  'screening.reason.language.reads-no-english',
  'screening.reason.language.reads-little-english',
  'screening.reason.language.interpreter-needed',
  'screening.reason.language.bsl-interpreter-needed',
  'screening.reason.support.no-helper',
  'screening.reason.support.help-needed'
] as const
export type BarrierReasonKey = (typeof BARRIER_REASON_KEYS)[number]
export type BarrierReason = Reason<BarrierReasonKey>

export interface BarrierResult {
  barrier: Barrier
  key: (typeof BARRIER_KEYS)[Barrier]
  level: BarrierLevel
  /** Answers that set the level (causes first, then anything that lowered it). */
  reasons: BarrierReason[]
  /** Unanswered questions this barrier depends on. */
  missing: QuestionLinkId[]
}

export type BarrierProfile = { readonly [B in Barrier]: BarrierResult }

/** Devices that can go online. */
export const ONLINE_DEVICES = ['smartphone', 'tablet', 'computer'] as const
export const SKILL_ITEMS = [
  'skill-connect',
  'skill-apps',
  'skill-online-forms',
  'skill-video',
  'skill-messages'
] as const satisfies readonly QuestionLinkId[]
/** Essential Digital Skills foundation tasks: without these a person cannot use a device at all. */
export const FOUNDATION_SKILLS = ['skill-connect', 'skill-apps'] as const satisfies readonly QuestionLinkId[]
/** The everyday health tasks we ask patients to do online. */
export const EVERYDAY_SKILLS = [
  'skill-online-forms',
  'skill-video',
  'skill-messages'
] as const satisfies readonly QuestionLinkId[]

function reason(key: BarrierReasonKey, linkId: QuestionLinkId, answers: readonly string[]): BarrierReason {
  return { key, linkId, answers: [...answers] }
}

function result(
  barrier: Barrier,
  high: BarrierReason[],
  some: BarrierReason[],
  missing: QuestionLinkId[],
  lowering: BarrierReason[] = []
): BarrierResult {
  const level: BarrierLevel =
    high.length > 0 ? 'high' : some.length > 0 ? 'some' : missing.length > 0 ? 'unknown' : 'none'
  return { barrier, key: BARRIER_KEYS[barrier], level, reasons: [...high, ...some, ...lowering], missing }
}

function notAssessed(barrier: Barrier, why: BarrierReason): BarrierResult {
  return { barrier, key: BARRIER_KEYS[barrier], level: 'unknown', reasons: [why], missing: [] }
}

export function hasOnlineDevice(answers: ScreeningAnswers): boolean {
  return answerList(answers, 'devices').some((d) => (ONLINE_DEVICES as readonly string[]).includes(d))
}

/** The devices question was answered and none of the devices can go online. */
function noOnlineDevice(answers: ScreeningAnswers): boolean {
  return answerList(answers, 'devices').length > 0 && !hasOnlineDevice(answers)
}

/**
 * Access: high = no smartphone, tablet or computer; or no way to get online; or cannot afford to stay connected.
 * Some = shares the device or only uses one in a public place; only public wifi; affording it is sometimes hard.
 */
function scoreAccess(a: ScreeningAnswers): BarrierResult {
  const high: BarrierReason[] = []
  const some: BarrierReason[] = []
  const missing: QuestionLinkId[] = []
  const devices = answerList(a, 'devices')
  if (devices.length === 0) return result('access', high, some, ['devices'])
  if (!hasOnlineDevice(a))
    return result('access', [reason('screening.reason.access.no-online-device', 'devices', devices)], some, missing)
  const internet = answerList(a, 'internet')
  if (internet.length === 0) missing.push('internet')
  else if (internet.includes('none')) high.push(reason('screening.reason.access.no-connection', 'internet', internet))
  else if (internet.every((i) => i === 'public-wifi'))
    some.push(reason('screening.reason.access.public-wifi-only', 'internet', internet))
  const afford = a.afford
  if (afford === undefined) missing.push('afford')
  else if (afford === 'no') high.push(reason('screening.reason.access.cannot-afford', 'afford', [afford]))
  else if (afford === 'sometimes') some.push(reason('screening.reason.access.affordability-strain', 'afford', [afford]))
  const sharing = a['device-sharing']
  if (sharing === 'shared') some.push(reason('screening.reason.access.shared-device', 'device-sharing', [sharing]))
  if (sharing === 'public') some.push(reason('screening.reason.access.public-device', 'device-sharing', [sharing]))
  return result('access', high, some, missing)
}

/**
 * Skills: high = cannot do a foundation task (turn on and connect, open an app), or cannot do any of the three
 * everyday health tasks (online forms / NHS App, video call, messages). Some = any task only with help, or any
 * other task not possible. Not assessed when the patient has no device that can go online.
 */
function scoreSkills(a: ScreeningAnswers): BarrierResult {
  if (answerList(a, 'devices').length === 0) return result('skills', [], [], ['devices'])
  if (noOnlineDevice(a))
    return notAssessed(
      'skills',
      reason('screening.reason.skills.not-asked-no-device', 'devices', answerList(a, 'devices'))
    )
  const high: BarrierReason[] = []
  const some: BarrierReason[] = []
  const missing: QuestionLinkId[] = SKILL_ITEMS.filter((s) => a[s] === undefined)
  const cannotEveryday = EVERYDAY_SKILLS.every((s) => a[s] === 'cannot')
  for (const skill of SKILL_ITEMS) {
    const answer = a[skill]
    if (answer === 'cannot') {
      if ((FOUNDATION_SKILLS as readonly string[]).includes(skill))
        high.push(reason('screening.reason.skills.cannot-foundation', skill, [answer]))
      else if (cannotEveryday) high.push(reason('screening.reason.skills.cannot-everyday-tasks', skill, [answer]))
      else some.push(reason('screening.reason.skills.cannot-task', skill, [answer]))
    } else if (answer === 'with-help') {
      some.push(reason('screening.reason.skills.needs-help', skill, [answer]))
    }
  }
  return result('skills', high, some, missing)
}

/** Motivation and confidence: would like to but not confident = some; would rather not = high. */
function scoreMotivation(a: ScreeningAnswers): BarrierResult {
  const answer = a.motivation
  if (answer === undefined) return result('motivation', [], [], ['motivation'])
  if (answer === 'prefers-not')
    return result('motivation', [reason('screening.reason.motivation.prefers-offline', 'motivation', [answer])], [], [])
  if (answer === 'lacks-confidence')
    return result(
      'motivation',
      [],
      [reason('screening.reason.motivation.lacks-confidence', 'motivation', [answer])],
      []
    )
  return result('motivation', [], [], [])
}

/** Trust: one worry (scams, or who sees their data) = some; both = high. */
function scoreTrust(a: ScreeningAnswers): BarrierResult {
  const worries = answerList(a, 'worries')
  if (worries.length === 0) return result('trust', [], [], ['worries'])
  const reasons: BarrierReason[] = []
  if (worries.includes('scams')) reasons.push(reason('screening.reason.trust.scams', 'worries', ['scams']))
  if (worries.includes('data-sharing'))
    reasons.push(reason('screening.reason.trust.data-sharing', 'worries', ['data-sharing']))
  return reasons.length >= 2 ? result('trust', reasons, [], []) : result('trust', [], reasons, [])
}

const DIFFICULTY_REASONS = {
  sight: 'screening.reason.accessibility.sight',
  hearing: 'screening.reason.accessibility.hearing',
  dexterity: 'screening.reason.accessibility.dexterity',
  cognition: 'screening.reason.accessibility.cognition'
} as const satisfies Record<string, BarrierReasonKey>

/**
 * Accessibility: difficulty in one area = some; in two or more areas = high, unless the patient already uses
 * assistive technology (then some). No answer to the assistive technology question counts as not using any.
 */
function scoreAccessibility(a: ScreeningAnswers): BarrierResult {
  const difficulties = answerList(a, 'difficulties').filter(
    (d): d is keyof typeof DIFFICULTY_REASONS => d in DIFFICULTY_REASONS
  )
  if (answerList(a, 'difficulties').length === 0) return result('accessibility', [], [], ['difficulties'])
  const reasons = difficulties.map((d) => reason(DIFFICULTY_REASONS[d], 'difficulties', [d]))
  if (difficulties.length >= 2 && a['assistive-tech'] === 'yes') {
    return result(
      'accessibility',
      [],
      reasons,
      [],
      [reason('screening.reason.accessibility.uses-assistive-technology', 'assistive-tech', ['yes'])]
    )
  }
  return difficulties.length >= 2 ? result('accessibility', reasons, [], []) : result('accessibility', [], reasons, [])
}

/**
 * Language: reads no English = high. Reads a little English, or needs an interpreter (spoken language or BSL) =
 * some. Online services are mostly written English, so reading decides the level.
 */
function scoreLanguage(a: ScreeningAnswers): BarrierResult {
  const high: BarrierReason[] = []
  const some: BarrierReason[] = []
  const missing: QuestionLinkId[] = []
  const main = a['main-language']
  if (main === undefined) missing.push('main-language')
  const reads = a['reads-english']
  if (reads === undefined && main !== 'en') missing.push('reads-english')
  if (reads === 'not-at-all') high.push(reason('screening.reason.language.reads-no-english', 'reads-english', [reads]))
  if (reads === 'a-little')
    some.push(reason('screening.reason.language.reads-little-english', 'reads-english', [reads]))
  const interpreter = answerList(a, 'interpreter')
  if (interpreter.length === 0) missing.push('interpreter')
  if (interpreter.includes('spoken'))
    some.push(reason('screening.reason.language.interpreter-needed', 'interpreter', ['spoken']))
  if (interpreter.includes('bsl'))
    some.push(reason('screening.reason.language.bsl-interpreter-needed', 'interpreter', ['bsl']))
  return result('language', high, some, missing)
}

/**
 * Support: help that is needed but missing. Nobody helps and skills are high (or there is no device at all) =
 * high; nobody helps and skills are some = some; someone helps, or no help is needed = none.
 */
function scoreSupport(a: ScreeningAnswers, skills: BarrierResult): BarrierResult {
  const helpers = answerList(a, 'helpers')
  if (helpers.length === 0) return result('support', [], [], ['helpers'])
  if (!helpers.includes('none')) return result('support', [], [], [])
  const noHelper = reason('screening.reason.support.no-helper', 'helpers', helpers)
  if (noOnlineDevice(a)) {
    return result(
      'support',
      [noHelper, reason('screening.reason.support.help-needed', 'devices', answerList(a, 'devices'))],
      [],
      []
    )
  }
  const needed = skills.reasons.map((r): BarrierReason => ({
    key: 'screening.reason.support.help-needed',
    linkId: r.linkId,
    answers: [...r.answers]
  }))
  if (skills.level === 'high') return result('support', [noHelper, ...needed], [], skills.missing)
  if (skills.level === 'some') return result('support', [], [noHelper, ...needed], skills.missing)
  return result('support', [], [], skills.missing)
}

/** Scores every barrier from checked answers. A declined screening has every barrier 'unknown'. */
export function scoreBarriers(answers: ScreeningAnswers): BarrierProfile {
  if (answers.participation === 'declined') {
    const why = reason('screening.reason.declined', 'participation', ['declined'])
    return {
      access: notAssessed('access', why),
      skills: notAssessed('skills', why),
      motivation: notAssessed('motivation', why),
      trust: notAssessed('trust', why),
      accessibility: notAssessed('accessibility', why),
      language: notAssessed('language', why),
      support: notAssessed('support', why)
    }
  }
  const skills = scoreSkills(answers)
  return {
    access: scoreAccess(answers),
    skills,
    motivation: scoreMotivation(answers),
    trust: scoreTrust(answers),
    accessibility: scoreAccessibility(answers),
    language: scoreLanguage(answers),
    support: scoreSupport(answers, skills)
  }
}
