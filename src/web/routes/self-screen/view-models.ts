/**
 * Self-completion pages as things to show: the words (in the invitation's language, Easy Read where a
 * key exists), the one-question page and the check-answers list. Plain HTML templates place these.
 */
import type { ScreeningInviteRow } from '../../../db/repositories/screenings.js'
import { enabledLinkIds, screeningQuestionnaire, type ValidationError } from '../../../domain/screening/index.js'
import { translate } from '../../i18n.js'
import { questionField, questionItems, type RawAnswers } from '../screening/question-fields.js'
import { screeningFormErrors } from '../screening/form-errors.js'
import { languageChoice } from '../screening/languages.js'

/** The questions shown given the answers so far, in order. */
export function visibleQuestions(answers: RawAnswers): string[] {
  const enabled = enabledLinkIds(screeningQuestionnaire, answers)
  return questionItems()
    .map(({ item }) => item.linkId)
    .filter((id) => enabled.has(id))
}

/** The question item and its group for a linkId (undefined for anything else). */
export function questionEntry(linkId: string) {
  return questionItems().find(({ item }) => item.linkId === linkId)
}

/** Easy Read wording where a key exists, the standard wording otherwise. */
function easyKey(lang: string, key: string, easy: boolean): string {
  if (!easy) return key
  const easyVersion = key.replace(/^screening\./, 'screening.easy.')
  return translate(lang, easyVersion) === easyVersion ? key : easyVersion
}

/** Language, direction and `tr` for a patient page (English without an invitation unless asked). */
export function pageContext(invite: Pick<ScreeningInviteRow, 'language' | 'easy_read'> | null, langOverride?: string) {
  const choice = languageChoice(langOverride ?? invite?.language ?? 'en')
  const easy = invite?.easy_read ?? false
  const tr = (key: string, vars?: Record<string, string | number>) =>
    translate(choice.code, easyKey(choice.code, key, easy), vars)
  return { lang: choice.code, dir: choice.dir, tr, easy }
}

/** One question on its own page, with its progress, back link and any error. */
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
  const formErrors = errors ? screeningFormErrors(errors, ctx.lang) : null
  const field = questionField(
    entry.item,
    entry.group?.linkId ?? null,
    ctx.lang,
    answers,
    formErrors?.byField[linkId]?.text ?? null
  )
  const order = visibleQuestions(answers)
  const index = order.indexOf(linkId)
  const groupText = entry.group && entry.group.linkId === 'skills' ? ctx.tr('screening.q.skills.text') : null
  return {
    ...ctx,
    key,
    field: { ...field, text: ctx.tr(`screening.q.${linkId}.text`) },
    groupText,
    errors: formErrors,
    change,
    progress: ctx.tr('screening.ui.progress', { n: index + 1, total: order.length }),
    backHref: index > 0 ? `/s/${key}/q/${order[index - 1]}` : `/s/${key}`,
    action: `/s/${key}/q/${linkId}`
  }
}

/** Every answer given, each with a link to change it. */
export function checkView(key: string, invite: ScreeningInviteRow, answers: RawAnswers) {
  const ctx = pageContext(invite)
  const rows = visibleQuestions(answers).flatMap((linkId) => {
    const entry = questionEntry(linkId)
    if (!entry) return []
    const field = questionField(entry.item, null, ctx.lang, answers, null)
    const shown = field.kind === 'input' ? [field.value] : field.options.filter((o) => o.checked).map((o) => o.text)
    return [
      {
        linkId,
        question: ctx.tr(`screening.q.${linkId}.text`),
        answers: shown.filter((s) => s !== ''),
        href: `/s/${key}/q/${linkId}?change=1`
      }
    ]
  })
  const last = rows.at(-1)
  return { ...ctx, key, rows, backHref: last ? last.href.replace('?change=1', '') : `/s/${key}` }
}
