/**
 * Self-completion pages as things to show: the words (in the invitation's language, Easy Read where it has
 * Easy Read wording), the pictures in Easy Read, the one-question page with its progress, and the
 * check-answers list. Plain HTML templates place these.
 */
import type { ScreeningInviteRow } from '../../../db/repositories/screenings.js'
import {
  EHEALS_LINK_IDS,
  enabledLinkIds,
  SCREENING_ITEMS,
  screeningQuestionnaire,
  type ValidationError
} from '../../../domain/screening/index.js'
import { formErrors } from '../../form-errors.js'
import { hasKey, translate } from '../../i18n.js'
import {
  askedInEasyRead,
  easyReadKey,
  hasEasyReadWording,
  OPTION_SYMBOLS,
  QUESTION_SYMBOLS,
  START_LINES,
  symbol,
  SYMBOL_CREDIT,
  type SymbolImage
} from '../screening/easy-read.js'
import { questionField, questionItems, type RawAnswers } from '../screening/question-fields.js'
import { screeningFormErrors } from '../screening/form-errors.js'
import { languageChoice } from '../screening/languages.js'

const EHEALS: ReadonlySet<string> = new Set(EHEALS_LINK_IDS)

/** Every question this version can ask, in order (Easy Read never asks the eHEALS items). */
function askable(easy: boolean): string[] {
  return questionItems()
    .map(({ item }) => item.linkId)
    .filter((id) => !easy || askedInEasyRead(id))
}

/** The questions shown given the answers so far, in order. Easy Read: never the eHEALS items. */
export function visibleQuestions(answers: RawAnswers, easy = false): string[] {
  const enabled = enabledLinkIds(screeningQuestionnaire, answers)
  return askable(easy).filter((id) => enabled.has(id))
}

/** Only the answers to questions this version shows: an Easy Read screening never carries eHEALS answers. */
export function answersToSend(answers: RawAnswers, easy: boolean): RawAnswers {
  return easy ? Object.fromEntries(Object.entries(answers).filter(([id]) => askedInEasyRead(id))) : answers
}

export interface Progress {
  n: number
  total: number
  /** The optional eHEALS items (standard version only), counted on their own after the main questions. */
  optional: boolean
}

/**
 * "Question n of total": a question's place among every question this version can ask, and how many that is.
 * Fixed for each question, so the count never goes backwards and its total never changes as answers show or
 * hide follow-up questions; a question that does not apply is skipped and the count moves on past it, so the
 * last question is always "24 of 24". The standard version then counts the optional eHEALS items apart
 * ("Optional question 1 of 8"); Easy Read never asks them.
 */
export function progressOf(linkId: string, easy: boolean): Progress {
  const all = askable(easy)
  const main = all.filter((id) => !EHEALS.has(id))
  if (EHEALS.has(linkId)) {
    const extra = all.filter((id) => EHEALS.has(id))
    return { n: extra.indexOf(linkId) + 1, total: extra.length, optional: true }
  }
  return { n: main.indexOf(linkId) + 1, total: main.length, optional: false }
}

/** The question item and its group for a linkId (undefined for anything else). */
export function questionEntry(linkId: string) {
  return questionItems().find(({ item }) => item.linkId === linkId)
}

/** Language, direction, `tr` (Easy Read wording where this language has it) and the Easy Read extras. */
export function pageContext(invite: Pick<ScreeningInviteRow, 'language' | 'easy_read'> | null, langOverride?: string) {
  const choice = languageChoice(langOverride ?? invite?.language ?? 'en')
  const easy = invite?.easy_read ?? false
  const tr = (key: string, vars?: Record<string, string | number>) =>
    translate(choice.code, easy ? easyReadKey(choice.code, key) : key, vars)
  return {
    lang: choice.code,
    dir: choice.dir,
    tr,
    easy,
    /** Easy Read asked for, but this language has only its standard wording (shown with the pictures). */
    easyUnavailable: easy && !hasEasyReadWording(choice.code),
    symbolCredit: easy ? SYMBOL_CREDIT : null
  }
}

/** The Easy Read start page lines, one idea each with its picture (languages with Easy Read wording only). */
export function startLines(ctx: ReturnType<typeof pageContext>): { text: string; symbol: SymbolImage }[] {
  if (!ctx.easy || ctx.easyUnavailable) return []
  return START_LINES.map((l) => ({ text: ctx.tr(l.key), symbol: symbol(l.symbol) }))
}

function answerSetOf(linkId: string): string | null {
  const spec = SCREENING_ITEMS.find((s) => s.linkId === linkId)
  return spec && spec.kind === 'choice' ? spec.answerSet : null
}

const questionSymbol = (linkId: string) => {
  const name = QUESTION_SYMBOLS[linkId]
  return name ? symbol(name) : null
}

/** Easy Read errors: short, in the Easy Read words of the question. */
function easyErrors(errors: readonly ValidationError[], tr: ReturnType<typeof pageContext>['tr']) {
  return formErrors(
    errors
      .filter((e) => e.code !== 'unknown-item')
      .map((e) => ({ field: e.linkId, text: tr(e.key, { question: tr(`screening.q.${e.linkId}.text`) }) }))
  )
}

/** One question on its own page, with its progress, back link, any error and (Easy Read) its pictures. */
export function questionView(
  key: string,
  invite: ScreeningInviteRow,
  answers: RawAnswers,
  linkId: string,
  errors: readonly ValidationError[] | null,
  change: boolean
) {
  const ctx = pageContext(invite)
  const entry = questionEntry(linkId)
  if (!entry) throw new Error(`not a question: ${linkId}`)
  const formErrors = errors ? (ctx.easy ? easyErrors(errors, ctx.tr) : screeningFormErrors(errors, ctx.lang)) : null
  const field = questionField(
    entry.item,
    entry.group?.linkId ?? null,
    ctx.lang,
    answers,
    formErrors?.byField[linkId]?.text ?? null
  )
  const set = answerSetOf(linkId)
  const optionSymbols = ctx.easy && set ? OPTION_SYMBOLS[set as keyof typeof OPTION_SYMBOLS] : undefined
  const options = field.options.map((o) => {
    const name = optionSymbols?.[o.value]
    return {
      ...o,
      text: ctx.easy && set ? ctx.tr(`screening.option.${set}.${o.value}`) : o.text,
      symbol: name ? symbol(name) : null
    }
  })
  const order = visibleQuestions(answers, ctx.easy)
  const index = order.indexOf(linkId)
  const groupText = entry.group && entry.group.linkId === 'skills' ? ctx.tr('screening.q.skills.text') : null
  const progress = progressOf(linkId, ctx.easy)
  // Easy Read: a second short line under the question where one helps ("For example, ...").
  const hintKey = `screening.easy.q.${linkId}.hint`
  const hint = ctx.easy && !ctx.easyUnavailable && hasKey(ctx.lang, hintKey) ? translate(ctx.lang, hintKey) : null
  return {
    ...ctx,
    key,
    field: { ...field, options, text: ctx.tr(`screening.q.${linkId}.text`) },
    symbol: ctx.easy ? questionSymbol(linkId) : null,
    hint,
    groupText,
    errors: formErrors,
    change,
    progress: ctx.tr(progress.optional ? 'screening.ui.progress-optional' : 'screening.ui.progress', {
      n: progress.n,
      total: progress.total
    }),
    backHref: index > 0 ? `/s/${key}/q/${order[index - 1]}` : `/s/${key}`,
    action: `/s/${key}/q/${linkId}`
  }
}

/** Every answer given, each with a link to change it (Easy Read: with the question's picture). */
export function checkView(key: string, invite: ScreeningInviteRow, answers: RawAnswers) {
  const ctx = pageContext(invite)
  const rows = visibleQuestions(answers, ctx.easy).flatMap((linkId) => {
    const entry = questionEntry(linkId)
    if (!entry) return []
    const field = questionField(entry.item, null, ctx.lang, answers, null)
    const set = answerSetOf(linkId)
    const shown =
      field.kind === 'input'
        ? [field.value]
        : field.options
            .filter((o) => o.checked)
            .map((o) => (ctx.easy && set ? ctx.tr(`screening.option.${set}.${o.value}`) : o.text))
    return [
      {
        linkId,
        question: ctx.tr(`screening.q.${linkId}.text`),
        symbol: ctx.easy ? questionSymbol(linkId) : null,
        answers: shown.filter((s) => s !== ''),
        href: `/s/${key}/q/${linkId}?change=1`
      }
    ]
  })
  const last = rows.at(-1)
  return { ...ctx, key, rows, backHref: last ? last.href.replace('?change=1', '') : `/s/${key}` }
}
