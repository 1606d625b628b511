/** Validation problems from the screening domain as the one error shape: `{ href: '#linkId', text }`. */
import type { ValidationError } from '../../../domain/screening/index.js'
import { formErrors, type FormErrors } from '../../form-errors.js'
import { translate } from '../../i18n.js'
import { questionItems, textFor } from './question-fields.js'

export function screeningFormErrors(
  errors: readonly ValidationError[],
  lang: string,
  only?: ReadonlySet<string>
): FormErrors {
  const texts = new Map(
    questionItems().map(({ item }) => [item.linkId, textFor(lang, `screening.q.${item.linkId}.text`, item.text)])
  )
  return formErrors(
    errors
      .filter((e) => e.code !== 'unknown-item' && (!only || only.has(e.linkId)))
      .map((e) => ({
        field: e.linkId,
        text: translate(lang, e.key, { question: texts.get(e.linkId) ?? e.linkId })
      }))
  )
}
