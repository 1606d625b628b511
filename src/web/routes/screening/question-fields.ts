/**
 * One view-model builder for every mode: turns the screening Questionnaire's items into the params of
 * the NHS.UK radios, checkboxes, select and input macros (and, for the patient pages, the same shapes
 * rendered as plain HTML). Texts come from the items' text keys, so the same builder serves every language.
 */
import type { QuestionnaireItem } from '@medplum/fhirtypes'
import {
  OPTION_EXCLUSIVE_EXTENSION,
  screeningQuestionnaire,
  TEXT_KEY_EXTENSION,
  LANGUAGE_VALUE_SET
} from '../../../domain/screening/index.js'
import { languageCodes } from '../../../domain/patients/patient-codes.js'
import { translate } from '../../i18n.js'

export type RawAnswers = Record<string, string | string[]>

export type FieldKind = 'radios' | 'checkboxes' | 'select' | 'input'

export interface QuestionField {
  kind: FieldKind
  linkId: string
  /** The group the question sits in (skills are shown together). */
  group: string | null
  /** Text in the chosen language, and its key. */
  text: string
  textKey: string
  /** Exactly the params of the nhsuk macro of this kind. */
  params: Record<string, unknown>
  options: { value: string; text: string; exclusive: boolean; checked: boolean }[]
  value: string
  error: string | null
}

export interface Section {
  linkId: string
  heading: string
  fields: QuestionField[]
  display: string[]
  askIf?: string
}

/** The linkId of the group an item sits in directly. */
function parentOf(linkId: string): string | undefined {
  let found: string | undefined
  const walk = (items: readonly QuestionnaireItem[] | undefined, parent: string | undefined) => {
    for (const i of items ?? []) {
      if (i.linkId === linkId) found = parent
      walk(i.item, i.linkId)
    }
  }
  walk(screeningQuestionnaire.item, undefined)
  return found
}

function textKeyOf(item: { extension?: { url: string; valueString?: string }[] }): string | undefined {
  return item.extension?.find((e) => e.url === TEXT_KEY_EXTENSION)?.valueString
}

/** A key in the chosen language, with the definition's English as the last fallback. */
export function textFor(lang: string, key: string | undefined, english: string | undefined): string {
  if (!key) return english ?? ''
  const found = translate(lang, key)
  return found === key ? (english ?? key) : found
}

/** Languages offered for the language questions (BCP 47 primary subtags), with names in English. */
export const SCREENING_LANGUAGES = languageCodes.filter((l) => l.code !== 'other')

/** Every question item, in document order, with its enclosing group. */
export function questionItems(): { item: QuestionnaireItem; group: QuestionnaireItem | null }[] {
  const out: { item: QuestionnaireItem; group: QuestionnaireItem | null }[] = []
  const walk = (items: readonly QuestionnaireItem[] | undefined, group: QuestionnaireItem | null) => {
    for (const item of items ?? []) {
      if (item.type === 'group') walk(item.item, group && group.linkId !== 'support' ? group : item)
      else if (item.type !== 'display') out.push({ item, group })
    }
  }
  walk(screeningQuestionnaire.item, null)
  return out
}

export function answerValues(answers: RawAnswers, linkId: string): string[] {
  const v = answers[linkId]
  return v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v]
}

/** The field for one question item. `idPrefix` keeps ids unique when a page shows one question. */
export function questionField(
  item: QuestionnaireItem,
  group: string | null,
  lang: string,
  answers: RawAnswers,
  error: string | null,
  options: { compact?: boolean; legendSize?: 's' | 'm' | 'l'; pageHeading?: boolean } = {}
): QuestionField {
  const textKey = textKeyOf(item) ?? `screening.q.${item.linkId}.text`
  const text = textFor(lang, textKey, item.text)
  const values = answerValues(answers, item.linkId)
  const errorMessage = error ? { text: error } : undefined
  const legend = { text, size: options.legendSize ?? 's', isPageHeading: options.pageHeading ?? false }
  const base = { linkId: item.linkId, group, text, textKey, error, value: values[0] ?? '' }
  if (item.type === 'choice' && item.answerValueSet === LANGUAGE_VALUE_SET) {
    const selected = values[0] ?? ''
    const opts = SCREENING_LANGUAGES.map((l) => ({
      value: l.code,
      text: languageName(lang, l.code, l.label),
      exclusive: false,
      checked: l.code === selected
    }))
    return {
      ...base,
      kind: 'select',
      options: opts,
      params: {
        id: item.linkId,
        name: item.linkId,
        label: { text, size: legend.size, isPageHeading: legend.isPageHeading },
        errorMessage,
        items: [
          { value: '', text: textFor(lang, 'screening.ui.choose', 'Choose a language'), selected: selected === '' },
          ...opts.map((o) => ({ value: o.value, text: o.text, selected: o.checked }))
        ]
      }
    }
  }
  if (item.type === 'choice') {
    const opts = (item.answerOption ?? []).map((o) => {
      const code = o.valueCoding?.code ?? ''
      return {
        value: code,
        text: textFor(lang, textKeyOf(o), o.valueCoding?.display),
        exclusive: o.extension?.some((e) => e.url === OPTION_EXCLUSIVE_EXTENSION && e.valueBoolean === true) ?? false,
        checked: values.includes(code)
      }
    })
    if (item.repeats) {
      const items: Record<string, unknown>[] = []
      for (const o of opts) {
        if (o.exclusive && items.length > 0) items.push({ divider: textFor(lang, 'screening.ui.or', 'or') })
        items.push({ value: o.value, text: o.text, checked: o.checked, exclusive: o.exclusive || undefined })
      }
      return {
        ...base,
        kind: 'checkboxes',
        options: opts,
        params: {
          idPrefix: item.linkId,
          name: item.linkId,
          fieldset: { legend },
          hint: { text: textFor(lang, 'screening.ui.select-all', 'Select all that apply') },
          errorMessage,
          items
        }
      }
    }
    return {
      ...base,
      kind: 'radios',
      options: opts,
      params: {
        idPrefix: item.linkId,
        name: item.linkId,
        classes: options.compact ? 'nhsuk-radios--inline nhsuk-radios--small reach-skill-radios' : undefined,
        fieldset: { legend },
        errorMessage,
        items: opts.map((o) => ({ value: o.value, text: o.text, checked: o.checked }))
      }
    }
  }
  const value = values[0] ?? ''
  return {
    ...base,
    kind: 'input',
    options: [],
    params: {
      id: item.linkId,
      name: item.linkId,
      label: { text, size: legend.size, isPageHeading: legend.isPageHeading },
      errorMessage,
      value,
      autocomplete: 'off',
      spellcheck: false,
      type: item.linkId === 'proxy-phone' ? 'tel' : 'text',
      classes: item.linkId === 'proxy-phone' ? 'nhsuk-input--width-20' : undefined
    }
  }
}

/** A language's name: in the reader's language where Intl knows it, else the English label. */
export function languageName(lang: string, code: string, english: string): string {
  if (code === 'bfi' || code === 'syl') return english
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code)
    return name && name !== code ? name : english
  } catch {
    return english
  }
}

/** For staff on the one-page form: when a follow-up question applies (enableWhen, in words). */
export const ASK_IF: Readonly<Record<string, string>> = {
  'device-sharing': 'If they have a smartphone, tablet or computer',
  internet: 'If they have a smartphone, tablet or computer',
  afford: 'If they have a smartphone, tablet or computer',
  skills: 'If they have a smartphone, tablet or computer',
  'assistive-tech': 'If they have difficulty with any of these',
  'reads-english': 'If their main language is not English',
  'interpreter-language': 'If they need a spoken-language interpreter (default: their main language)',
  'proxy-consent': 'If a carer, family member or friend helps',
  proxy: 'If they are happy for us to contact this person',
  eheals: 'Optional. If they can get online'
}

/** Adds the "if" hint to a field's params (staff form only). */
function withAskIf(field: QuestionField, askIf: string | undefined): QuestionField {
  if (!askIf) return field
  const params = { ...field.params }
  const existing = (params.hint as { text: string } | undefined)?.text
  params.hint = { text: existing ? `${askIf}. ${existing}` : askIf }
  return { ...field, params }
}

/** The whole questionnaire as sections of fields, for the one-page clinician form and the paper form. */
export function questionnaireSections(
  lang: string,
  answers: RawAnswers,
  errors: Record<string, { text: string }>,
  options: { staffHints?: boolean } = {}
): Section[] {
  const sections: Section[] = []
  const top: Section = { linkId: 'start', heading: '', fields: [], display: [] }
  sections.push(top)
  const walk = (items: readonly QuestionnaireItem[] | undefined, section: Section) => {
    for (const item of items ?? []) {
      if (item.type === 'group') {
        const isSkills = item.linkId === 'skills'
        const child: Section =
          isSkills || section === top
            ? {
                linkId: item.linkId,
                heading: textFor(lang, textKeyOf(item), item.text),
                fields: [],
                display: [],
                askIf: options.staffHints ? ASK_IF[item.linkId] : undefined
              }
            : section
        if (child !== section) sections.push(child)
        walk(item.item, child)
      } else if (item.type === 'display') {
        section.display.push(textFor(lang, textKeyOf(item), item.text))
      } else {
        const field = questionField(item, section.linkId, lang, answers, errors[item.linkId]?.text ?? null, {
          compact: section.linkId === 'skills'
        })
        const askIf = options.staffHints
          ? (ASK_IF[item.linkId] ?? (section.linkId === 'skills' ? undefined : ASK_IF[parentOf(item.linkId) ?? '']))
          : undefined
        section.fields.push(withAskIf(field, askIf))
      }
    }
  }
  walk(screeningQuestionnaire.item, top)
  return sections
}

/** Reads a posted form into raw answers: every question's value(s), trimmed, empty ones left out. */
export function answersFromBody(body: unknown): RawAnswers {
  const b = (body ?? {}) as Record<string, unknown>
  const out: RawAnswers = {}
  for (const { item } of questionItems()) {
    const v = b[item.linkId]
    if (Array.isArray(v)) {
      const list = v
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.trim())
        .filter((x) => x !== '')
      if (list.length) out[item.linkId] = list
    } else if (typeof v === 'string' && v.trim() !== '') {
      out[item.linkId] = item.repeats ? [v.trim()] : v.trim()
    }
  }
  return out
}
