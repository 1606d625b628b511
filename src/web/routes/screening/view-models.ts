/**
 * Screening pages as things to show: the form (with the paper date input), the history table, the
 * result page, the handout, the self-completion invitation and the printable paper form. Each function
 * returns exactly what the template places (nhsuk macro params where a macro is used). The parts of a
 * result (barrier rows, plan, readiness) and the banner: result-view-models.ts.
 */
import type { Patient } from '../../../db/repositories/patients.js'
import {
  storedAssessment,
  type ScreeningInviteRow,
  type ScreeningMode,
  type ScreeningRow
} from '../../../db/repositories/screenings.js'
import { formatDate } from '../../../domain/shared/dates.js'
import {
  enabledLinkIds,
  SCREENING_ITEMS,
  screeningQuestionnaire,
  type ItemSpec,
  type ItemVisibility
} from '../../../domain/screening/index.js'
import type { FormErrors } from '../../form-errors.js'
import { hasKey, translate, unreviewed } from '../../i18n.js'
import { languageName, questionnaireSections, type RawAnswers } from './question-fields.js'
import { barrierRows, localDate, planView, readinessView, recordChangesView } from './result-view-models.js'
import { PATIENT_LANGUAGES, type PatientLanguage } from './languages.js'

export type DateParts = { day: string; month: string; year: string }

export const patientCrumbs = (p: Patient) => [
  { href: '/home', text: 'Home' },
  { href: '/patients', text: 'Patients' },
  { href: `/patients/${p.id}`, text: `${p.familyName.toUpperCase()}, ${p.givenName}` }
]

/** `tr(key, vars)` for templates: words in one language. */
export function translator(lang: string) {
  return (key: string, vars?: Record<string, string | number>) => translate(lang, key, vars)
}

/** The params of the nhsuk `dateInput` for the date written on a paper form. */
export function screenedOnInput(parts: DateParts, errorMessage: { text: string } | undefined) {
  const box = (name: keyof DateParts, label: string, width: 2 | 4) => ({
    name,
    label,
    classes: `nhsuk-input--width-${width}`,
    value: parts[name],
    inputmode: 'numeric'
  })
  return {
    id: 'screenedOn',
    namePrefix: 'screenedOn',
    fieldset: { legend: { text: 'Date the patient filled in the form', size: 's' } },
    hint: { text: 'For example, 27 3 2026' },
    errorMessage,
    items: [box('day', 'Day', 2), box('month', 'Month', 2), box('year', 'Year', 4)]
  }
}

export interface FormState {
  mode: Extract<ScreeningMode, 'clinician' | 'paper'>
  answers: RawAnswers
  errors: FormErrors
  screenedOn: DateParts
  /** When answers were pre-filled: where from (shown so staff check them with the patient). */
  prefilledFrom?: string | null
}

/** The visibility rules an item depends on: its own and every enclosing group's (all must hold). */
function visibilityChain(linkId: string): ItemVisibility[] {
  const chain: ItemVisibility[] = []
  let spec: ItemSpec | undefined = SCREENING_ITEMS.find((i) => i.linkId === linkId)
  while (spec) {
    if (spec.visibility) chain.push(spec.visibility)
    const parent: string | undefined = spec.parent
    spec = parent ? SCREENING_ITEMS.find((i) => i.linkId === parent) : undefined
  }
  return chain
}

/**
 * The one-page form shows only the questions that apply to the answers so far (the Questionnaire's
 * enableWhen): the others are in the page but hidden. Without JavaScript, "Show the questions that apply"
 * re-renders the page with the answers kept; with it, reach.js shows and hides them as answers change,
 * reading the same rules from `data-when`.
 */
function withBranching(sections: ReturnType<typeof questionnaireSections>, answers: RawAnswers) {
  const enabled = enabledLinkIds(screeningQuestionnaire, answers)
  const when = (linkId: string) => {
    const chain = visibilityChain(linkId)
    return chain.length ? JSON.stringify(chain) : null
  }
  return sections.map((section) => ({
    ...section,
    when: section.linkId === 'start' ? null : when(section.linkId),
    shown: section.linkId === 'start' || enabled.has(section.linkId),
    fields: section.fields.map((field) => ({ ...field, when: when(field.linkId), shown: enabled.has(field.linkId) }))
  }))
}

/** The one-page clinician form (also for keying in a returned paper form). */
export function screeningFormView(patient: Patient, state: FormState) {
  const paper = state.mode === 'paper'
  const sections = questionnaireSections('en', state.answers, state.errors.byField, { staffHints: true })
  return {
    patient,
    mode: state.mode,
    errors: state.errors,
    prefilledFrom: state.prefilledFrom ?? null,
    sections: withBranching(sections, state.answers),
    pageTitle: paper ? 'Enter a returned paper screening form' : 'Digital inclusion screening',
    action: `/patients/${patient.id}/screening/new${paper ? '?mode=paper' : ''}`,
    screenedOn: screenedOnInput(state.screenedOn, state.errors.byField.screenedOn),
    gridColumn: 'nhsuk-grid-column-full',
    breadcrumbs: patientCrumbs(patient)
  }
}

/** The rows of the history table (nhsuk `table` rows), newest first as given. */
export function historyRows(patientId: string, rows: readonly ScreeningRow[]) {
  return rows.map((r) => [
    { html: `<a href="/patients/${patientId}/screening/${r.id}">${formatDate(r.screened_at)}</a>`, header: 'Date' },
    { text: r.status, header: 'Status' },
    { text: r.mode, header: 'Mode' },
    { text: r.readiness.replace(/_/g, ' '), header: 'Readiness' }
  ])
}

/** The page shown once after creating a self-completion invitation, with the letter to print. */
export function inviteView(
  created: { patient: Patient; invite: ScreeningInviteRow; token: string; shortCode: string },
  origin: string,
  choice: PatientLanguage
) {
  return {
    patient: created.patient,
    link: `${origin}/s/${created.token}`,
    codeUrl: `${origin}/s`,
    shortCode: `${created.shortCode.slice(0, 4)} ${created.shortCode.slice(4)}`,
    expiresOn: formatDate(created.invite.expires_at),
    expiresOnLocal: localDate(choice.code, created.invite.expires_at),
    lang: choice.code,
    dir: choice.dir,
    tr: translator(choice.code),
    pageTitle: 'Self-completion link created',
    breadcrumbs: patientCrumbs(created.patient)
  }
}

/** The printable paper form, blank or for one patient, in a language and optionally large print. */
/**
 * Paper routing: which questions apply only after an earlier answer, as the text key that says so and the
 * question it depends on (the Questionnaire's enableWhen, in the patient's words). Groups route all their questions.
 */
const PAPER_ROUTING: Readonly<Record<string, { key: string; after: string }>> = {
  'device-sharing': { key: 'screening.paper.if.online-device', after: 'devices' },
  internet: { key: 'screening.paper.if.online-device', after: 'devices' },
  afford: { key: 'screening.paper.if.online-device', after: 'devices' },
  skills: { key: 'screening.paper.if.online-device', after: 'devices' },
  'assistive-tech': { key: 'screening.paper.if.difficulty', after: 'difficulties' },
  'reads-english': { key: 'screening.paper.if.not-english', after: 'main-language' },
  'interpreter-language': { key: 'screening.paper.if.spoken-interpreter', after: 'interpreter' },
  'proxy-consent': { key: 'screening.paper.if.helper', after: 'helpers' },
  'proxy-name': { key: 'screening.paper.if.said-yes', after: 'proxy-consent' },
  'proxy-phone': { key: 'screening.paper.if.said-yes', after: 'proxy-consent' },
  eheals: { key: 'screening.paper.if.online', after: 'internet' }
}

/** The sections of the paper form with each question numbered and its routing ("answer only if ...") in words. */
function paperSections(lang: string) {
  const tr = translator(lang)
  const sections = questionnaireSections(lang, {}, {})
  const numbers = new Map<string, number>()
  let n = 0
  for (const section of sections) for (const field of section.fields) numbers.set(field.linkId, ++n)
  const routing = (linkId: string) => {
    const rule = PAPER_ROUTING[linkId]
    return rule ? tr(rule.key, { n: numbers.get(rule.after) ?? '' }) : null
  }
  return sections.map((section) => ({
    ...section,
    routing: routing(section.linkId),
    fields: section.fields.map((field) => ({
      ...field,
      number: numbers.get(field.linkId),
      routing: routing(field.linkId),
      stopIfNo: field.linkId === 'participation' ? tr('screening.paper.stop-if-no') : null
    }))
  }))
}

export function paperFormView(choice: PatientLanguage, large: boolean, patient: Patient | null) {
  return {
    patient,
    lang: choice.code,
    dir: choice.dir,
    tr: translator(choice.code),
    large,
    sections: paperSections(choice.code),
    languages: PATIENT_LANGUAGES,
    pageTitle: 'Paper screening form',
    gridColumn: 'nhsuk-grid-column-full',
    hasTranslation: hasKey(choice.code, 'screening.title'),
    unreviewed: unreviewed.has(`screening/${choice.code}`),
    backLinkHref: patient ? `/patients/${patient.id}` : '/home'
  }
}

/** The result page of one screening (staff). */
export function resultView(
  patient: Patient,
  row: ScreeningRow,
  options: { rescreenMonths: number; canScreen: boolean; canUpdateRecord: boolean; canRefer: boolean }
) {
  const a = storedAssessment(row)
  return {
    canRefer: options.canRefer,
    /** Someone to refer: a barrier at some or high (a declined or empty screening has nothing to refer for). */
    hasBarrier: Object.values(a.barriers).some((b) => b.level === 'some' || b.level === 'high'),
    awaitingReview: row.mode === 'self' && row.reviewed_at === null,
    record: recordChangesView(a, patient),
    canUpdateRecord: options.canUpdateRecord,
    patient,
    row,
    gridColumn: 'nhsuk-grid-column-full',
    breadcrumbs: patientCrumbs(patient),
    barrierRows: barrierRows(a),
    readiness: readinessView(a),
    plan: planView(a, 'en', patient),
    status: a.status,
    eheals: a.eheals.status === 'complete' ? a.eheals.score : null,
    rescreenDueOn: row.rescreen_due_on,
    rescreenMonths: options.rescreenMonths,
    canScreen: options.canScreen,
    languages: PATIENT_LANGUAGES,
    languageName: languageName('en', row.language, row.language)
  }
}

/** The take-home handout in the patient's language, with the English alongside. */
export function handoutView(
  patient: Patient,
  row: ScreeningRow,
  options: {
    choice: PatientLanguage
    large: boolean
    organisationName: string
    supportServices: unknown[]
  }
) {
  const a = storedAssessment(row)
  const { choice } = options
  return {
    supportServices: options.supportServices,
    patient,
    row,
    plan: planView(a, choice.code, patient),
    declined: a.status === 'declined',
    lang: choice.code,
    dir: choice.dir,
    large: options.large,
    unreviewed: unreviewed.has(`screening/${choice.code}`),
    english: planView(a, 'en', patient),
    tr: translator(choice.code),
    trEn: translator('en'),
    screenedOn: localDate(choice.code, row.screened_at),
    screenedOnEn: formatDate(row.screened_at),
    organisationName: options.organisationName,
    languages: PATIENT_LANGUAGES,
    pageTitle: 'Handout',
    gridColumn: 'nhsuk-grid-column-full',
    backLinkHref: `/patients/${patient.id}/screening/${row.id}`
  }
}
