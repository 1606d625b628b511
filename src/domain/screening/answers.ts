/**
 * Answers to the screening, and their validation against a Questionnaire.
 *
 * Answers are a plain map from linkId to an option code (or a list of codes for multi-select questions), a
 * language code, or a string. Every mode produces this same map, so results do not depend on the mode.
 *
 * The validator reads the FHIR Questionnaire itself (answerOption, enableWhen, enableBehavior, required, repeats,
 * maxLength, the regex and optionExclusive extensions), so it works for any version of the definition.
 *
 * enableWhen semantics (FHIR R4/R5 operator definitions):
 * - '=': true if at least one answer equals the condition's answer
 * - '!=': true if no answer equals it; so it is also true when the question has no answer
 * - 'exists': true if "has an answer" equals the condition's boolean
 * - a question that is itself hidden counts as having no answer (R5 rule), so hiding cascades
 * - several conditions combine with enableBehavior ('all' when not given); an item inside a hidden group is hidden
 */
import type { Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen } from '@medplum/fhirtypes'
import {
  ANSWER_SYSTEM,
  LANGUAGE_SYSTEM,
  LANGUAGE_VALUE_SET,
  OPTION_EXCLUSIVE_EXTENSION,
  REGEX_EXTENSION,
  screeningQuestionnaire,
  type AnswerSetId,
  type OptionCode,
  type QuestionLinkId,
  type QuestionSpec
} from './questionnaire.js'
import { declaredConstraints, SCREENING_CONSTRAINTS } from './constraints.js'

/** One answer as it arrives from any mode: a code or string, or several codes for a multi-select question. */
export type AnswerValue = string | readonly string[]
/** Answers keyed by linkId, not yet checked. */
export type AnswerInput = Readonly<Record<string, AnswerValue | undefined>>

type AnswerOf<I> = I extends { kind: 'choice'; answerSet: infer S extends AnswerSetId; repeats: true }
  ? readonly OptionCode<S>[]
  : I extends { kind: 'choice'; answerSet: infer S extends AnswerSetId }
    ? OptionCode<S>
    : string

/**
 * Checked answers to the screening, keyed by linkId. Multi-select questions hold a list of codes in the
 * definition's option order; languages hold a lower-case primary language subtag ('en', 'pl', 'bfi').
 */
export type ScreeningAnswers = { readonly [I in QuestionSpec as I['linkId']]?: AnswerOf<I> }

export type ValidationErrorCode =
  | 'required'
  | 'invalid-option'
  | 'invalid-value'
  | 'too-long'
  | 'not-repeatable'
  | 'exclusive-option'
  | 'unknown-item'
  | 'impossible'

export const VALIDATION_ERROR_KEYS = {
  required: 'screening.error.required',
  'invalid-option': 'screening.error.invalid-option',
  'invalid-value': 'screening.error.invalid-value',
  'too-long': 'screening.error.too-long',
  'not-repeatable': 'screening.error.not-repeatable',
  'exclusive-option': 'screening.error.exclusive-option',
  'unknown-item': 'screening.error.unknown-item',
  impossible: 'screening.error.impossible'
} as const satisfies Record<ValidationErrorCode, string>

export interface ValidationError {
  linkId: string
  code: ValidationErrorCode
  /** Translation key of the message; for an impossible combination, `screening.error.impossible.<constraint key>`. */
  key: (typeof VALIDATION_ERROR_KEYS)[ValidationErrorCode] | `screening.error.impossible.${string}`
}

/** Why something was decided: the question and the answers that caused it. */
export interface Reason<K extends string = string> {
  key: K
  linkId: string
  answers: readonly string[]
}

export interface NormalisedAnswers {
  /** Valid answers to questions that are shown; single answers as a string, multi-select as a list. */
  answers: Readonly<Record<string, AnswerValue>>
  errors: ValidationError[]
  /** linkIds whose answers were dropped because the question is hidden by enableWhen. */
  hidden: string[]
  /** linkIds of every item (questions, groups, display) that is shown given these answers. */
  enabled: ReadonlySet<string>
}

interface Entry {
  item: QuestionnaireItem
  parent: Entry | undefined
}

function flatten(
  items: readonly QuestionnaireItem[] | undefined,
  parent: Entry | undefined,
  out: Map<string, Entry>
): Map<string, Entry> {
  for (const item of items ?? []) {
    if (out.has(item.linkId)) throw new Error(`questionnaire: linkId ${item.linkId} appears twice`)
    const entry = { item, parent }
    out.set(item.linkId, entry)
    flatten(item.item, entry, out)
  }
  return out
}

function isQuestion(item: QuestionnaireItem): boolean {
  return item.type !== 'group' && item.type !== 'display'
}

type AnswerKind = 'choice' | 'language' | 'string'

function kindOf(item: QuestionnaireItem): AnswerKind {
  if (item.type === 'choice' && item.answerValueSet === LANGUAGE_VALUE_SET) return 'language'
  if (item.type === 'choice' && item.answerOption) return 'choice'
  if (item.type === 'string' || item.type === 'text') return 'string'
  throw new Error(`questionnaire: item ${item.linkId} has an unsupported type ${item.type}`)
}

function systemOf(item: QuestionnaireItem): string | undefined {
  const kind = kindOf(item)
  if (kind === 'language') return LANGUAGE_SYSTEM
  if (kind === 'choice') return item.answerOption?.[0]?.valueCoding?.system ?? ANSWER_SYSTEM
  return undefined
}

function codesOf(item: QuestionnaireItem): string[] {
  return (item.answerOption ?? []).flatMap((o) => (o.valueCoding?.code === undefined ? [] : [o.valueCoding.code]))
}

function exclusiveCodesOf(item: QuestionnaireItem): string[] {
  return (item.answerOption ?? [])
    .filter((o) => o.extension?.some((e) => e.url === OPTION_EXCLUSIVE_EXTENSION && e.valueBoolean === true))
    .flatMap((o) => (o.valueCoding?.code === undefined ? [] : [o.valueCoding.code]))
}

/**
 * A language answer as a lower-case primary language subtag (ISO 639, 2 or 3 letters), or null when it is not a
 * well-formed BCP 47 tag. 'en-GB' -> 'en', 'sgn-GB' -> 'bfi' (British Sign Language), 'PL' -> 'pl'.
 */
export function normaliseLanguage(value: string): string | null {
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(value.trim())[0]
  } catch {
    return null
  }
  if (canonical === undefined) return null
  const language = new Intl.Locale(canonical).language
  if (!/^[a-z]{2,3}$/.test(language) || language === 'und') return null
  return language
}

function asList(value: AnswerValue | undefined): string[] {
  if (value === undefined) return []
  const list = typeof value === 'string' ? [value] : [...value]
  return list.map((v) => v.trim()).filter((v) => v !== '')
}

function error(linkId: string, code: ValidationErrorCode): ValidationError {
  return { linkId, code, key: VALIDATION_ERROR_KEYS[code] }
}

/** Checks one question's answer on its own. Returns the cleaned values, or the error. */
function checkValue(
  item: QuestionnaireItem,
  raw: AnswerValue | undefined
): { values: string[] } | { error: ValidationErrorCode } {
  let values = asList(raw)
  if (values.length === 0) return { values }
  const kind = kindOf(item)
  if (kind === 'choice') {
    const codes = codesOf(item)
    if (values.some((v) => !codes.includes(v))) return { error: 'invalid-option' }
    // One list per question, without repeats and in the definition's order, so every mode gives the same answers.
    values = codes.filter((c) => values.includes(c))
  } else if (kind === 'language') {
    const languages = values.map(normaliseLanguage)
    if (languages.some((l) => l === null)) return { error: 'invalid-value' }
    values = [...new Set(languages.filter((l): l is string => l !== null))]
  } else {
    const maxLength = item.maxLength
    if (maxLength !== undefined && values.some((v) => v.length > maxLength)) return { error: 'too-long' }
    const pattern = item.extension?.find((e) => e.url === REGEX_EXTENSION)?.valueString
    if (pattern !== undefined && values.some((v) => !new RegExp(pattern).test(v))) return { error: 'invalid-value' }
  }
  if (values.length > 1 && item.repeats !== true) return { error: 'not-repeatable' }
  const exclusive = exclusiveCodesOf(item)
  if (values.length > 1 && values.some((v) => exclusive.includes(v))) return { error: 'exclusive-option' }
  return { values }
}

function conditionHolds(
  condition: QuestionnaireItemEnableWhen,
  source: QuestionnaireItem,
  values: readonly string[]
): boolean {
  if (condition.operator === 'exists') return values.length > 0 === (condition.answerBoolean === true)
  const matches = (value: string): boolean => {
    if (condition.answerCoding) {
      const system = condition.answerCoding.system
      return (system === undefined || system === systemOf(source)) && value === condition.answerCoding.code
    }
    if (condition.answerString !== undefined) return value === condition.answerString
    if (condition.answerBoolean !== undefined) return value === String(condition.answerBoolean)
    throw new Error(`questionnaire: enableWhen on ${condition.question} has an unsupported answer type`)
  }
  if (condition.operator === '=') return values.some(matches)
  if (condition.operator === '!=') return !values.some(matches)
  throw new Error(`questionnaire: enableWhen operator ${condition.operator} is not supported`)
}

/** Works out which items are shown, given answers that have already been checked one by one. */
function computeEnabled(
  entries: ReadonlyMap<string, Entry>,
  values: ReadonlyMap<string, readonly string[]>
): Set<string> {
  const memo = new Map<string, boolean>()
  const visiting = new Set<string>()
  const isEnabled = (entry: Entry): boolean => {
    const linkId = entry.item.linkId
    const known = memo.get(linkId)
    if (known !== undefined) return known
    if (visiting.has(linkId)) throw new Error(`questionnaire: enableWhen cycle through ${linkId}`)
    visiting.add(linkId)
    let enabled = entry.parent === undefined || isEnabled(entry.parent)
    const conditions = entry.item.enableWhen ?? []
    if (enabled && conditions.length > 0) {
      const results = conditions.map((condition) => {
        const source = entries.get(condition.question)
        if (!source)
          throw new Error(`questionnaire: enableWhen on ${linkId} refers to unknown item ${condition.question}`)
        const sourceValues = isEnabled(source) ? (values.get(condition.question) ?? []) : []
        return conditionHolds(condition, source.item, sourceValues)
      })
      enabled = (entry.item.enableBehavior ?? 'all') === 'any' ? results.some(Boolean) : results.every(Boolean)
    }
    visiting.delete(linkId)
    memo.set(linkId, enabled)
    return enabled
  }
  const enabled = new Set<string>()
  for (const entry of entries.values()) if (isEnabled(entry)) enabled.add(entry.item.linkId)
  return enabled
}

function hasAnsweredDescendant(
  entry: Entry,
  entries: ReadonlyMap<string, Entry>,
  answers: Readonly<Record<string, AnswerValue>>
): boolean {
  for (const other of entries.values()) {
    let up = other.parent
    while (up && up !== entry) up = up.parent
    if (up === entry && answers[other.item.linkId] !== undefined) return true
  }
  return false
}

/**
 * Checks answers against a Questionnaire and cleans them:
 * - unknown linkIds, invalid options or values, several answers to a single-answer question and exclusive options
 *   combined with others are errors, and the answer is dropped (a dropped required answer is then also 'required')
 * - answers to hidden questions are dropped without an error (listed in `hidden`)
 * - a shown, required question without an answer is a 'required' error; hidden questions are never required
 * - empty strings and empty lists count as no answer; strings are trimmed
 */
export function normaliseAnswers(definition: Questionnaire, input: AnswerInput): NormalisedAnswers {
  const entries = flatten(definition.item, undefined, new Map())
  const errors: ValidationError[] = []
  const checked = new Map<string, readonly string[]>()
  for (const [linkId, raw] of Object.entries(input)) {
    const entry = entries.get(linkId)
    if (!entry || !isQuestion(entry.item)) {
      if (asList(raw).length > 0) errors.push(error(linkId, 'unknown-item'))
      continue
    }
    const result = checkValue(entry.item, raw)
    if ('error' in result) errors.push(error(linkId, result.error))
    else if (result.values.length > 0) checked.set(linkId, result.values)
  }
  const enabled = computeEnabled(entries, checked)
  const answers: Record<string, AnswerValue> = {}
  const hidden: string[] = []
  for (const [linkId, entry] of entries) {
    const values = checked.get(linkId)
    if (values === undefined) continue
    if (!enabled.has(linkId)) {
      hidden.push(linkId)
      continue
    }
    answers[linkId] = entry.item.repeats === true ? values : (values[0] ?? '')
  }
  for (const [linkId, entry] of entries) {
    if (!enabled.has(linkId) || entry.item.required !== true) continue
    const missing = isQuestion(entry.item)
      ? answers[linkId] === undefined
      : !hasAnsweredDescendant(entry, entries, answers)
    if (missing) errors.push(error(linkId, 'required'))
  }
  // Answers that cannot all be true (the Questionnaire's constraints): shown at their question, answers kept.
  const shownValues = (linkId: string) => asList(answers[linkId])
  for (const declared of declaredConstraints(definition.extension)) {
    const rule = SCREENING_CONSTRAINTS.find((c) => c.key === declared.key)
    if (rule?.violated(shownValues))
      errors.push({ linkId: declared.location, code: 'impossible', key: `screening.error.impossible.${rule.key}` })
  }
  // Report errors in document order so every mode lists them the same way.
  const order = [...entries.keys()]
  const position = (linkId: string) => {
    const index = order.indexOf(linkId)
    return index === -1 ? order.length : index
  }
  errors.sort(
    (a, b) =>
      position(a.linkId) - position(b.linkId) || (a.code === 'required' ? 1 : 0) - (b.code === 'required' ? 1 : 0)
  )
  return { answers, errors, hidden, enabled }
}

/** The list of problems with a set of answers (see normaliseAnswers). An empty list means the screening is complete. */
export function validateAnswers(definition: Questionnaire, answers: AnswerInput): ValidationError[] {
  return normaliseAnswers(definition, answers).errors
}

/** linkIds of the items shown for these answers: used by the one-question-per-page mode to find the next page. */
export function enabledLinkIds(definition: Questionnaire, answers: AnswerInput): ReadonlySet<string> {
  return normaliseAnswers(definition, answers).enabled
}

export interface ParsedScreeningAnswers extends Omit<NormalisedAnswers, 'answers'> {
  answers: ScreeningAnswers
}

/** normaliseAnswers against the Reach screening, with the answers typed. */
export function parseScreeningAnswers(input: AnswerInput): ParsedScreeningAnswers {
  const result = normaliseAnswers(screeningQuestionnaire, input)
  // Safe: every remaining answer was checked against this definition's options, kinds and repeats above.
  return { ...result, answers: result.answers as ScreeningAnswers }
}

export type ScreeningStatus = 'complete' | 'declined' | 'partial'

export const SCREENING_STATUS_KEYS = {
  complete: 'screening.status.complete',
  declined: 'screening.status.declined',
  partial: 'screening.status.partial'
} as const satisfies Record<ScreeningStatus, `screening.status.${ScreeningStatus}`>

/**
 * declined: the patient said no to the screening (every other question is hidden).
 * partial: a shown, required question has no valid answer (this includes the participation question itself).
 * complete: otherwise. An invalid answer to an optional question (it is dropped) and unknown linkIds do not make
 * a screening partial; they are still reported.
 */
export function screeningStatus(answers: ScreeningAnswers, errors: readonly ValidationError[]): ScreeningStatus {
  if (answers.participation === 'declined') return 'declined'
  return errors.some((e) => e.code === 'required') ? 'partial' : 'complete'
}

/** The codes given for a question, as a list (empty when not answered). */
export function answerList<L extends QuestionLinkId>(answers: ScreeningAnswers, linkId: L): readonly string[] {
  const value: AnswerValue | undefined = answers[linkId]
  if (value === undefined) return []
  return typeof value === 'string' ? [value] : value
}

/** True when the question has an answer. */
export function isAnswered(answers: ScreeningAnswers, linkId: QuestionLinkId): boolean {
  return answerList(answers, linkId).length > 0
}
