/**
 * View models of the PDSA worksheet pages: exactly the nhsuk macro params for each field, the read-only
 * rows of the stages the actor may not change, the ramp and the measures. The worksheet is one page: the
 * stages in order, each either a set of fields (the stages reached that the actor may change), its answers
 * (reached, not changeable by this actor) or a line saying it is still to come.
 */
import type { MeasureRow } from '../../../db/repositories/measures.js'
import type { PdsaPlanForm } from '../../../app/qi/plan-pdsa.js'
import type { PdsaAccess, PdsaView } from '../../../app/qi/view-pdsa.js'
import {
  DECISION_LABELS,
  PDSA_STAGES,
  PURPOSE_LABELS,
  STAGE_LABELS,
  editableStages,
  type PdsaCycle,
  type PdsaStage
} from '../../../domain/qi/workspace/pdsa.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { dateInputField, datePartsOf, type FormErrors } from '../../form-errors.js'
import { escapeHtml } from '../../escape-html.js'
import { typeLabels } from '../measures/view-models.js'
import { QUESTION_SLOTS, TASK_SLOTS, type PdsaFormValues } from './pdsa-schemas.js'

type Section = Exclude<PdsaStage, 'done'>

const err = (errors: FormErrors, field: string) => errors.byField[field]

const projectHref = (projectId: string) => `/projects/${projectId}`
export const pdsaHref = (projectId: string, pdsaId: string) => `/projects/${projectId}/pdsa/${pdsaId}`
export const planNextHref = (projectId: string, changeIdeaId: string, afterId: string) =>
  `/projects/${projectId}/pdsa/new?changeIdea=${changeIdeaId}&after=${afterId}`

export function pdsaBreadcrumbs(project: { id: string; name: string }) {
  return [
    { href: '/home', text: 'Home' },
    { href: '/projects', text: 'QI projects' },
    { href: projectHref(project.id), text: project.name }
  ]
}

/** What each stage asks, said under a stage not reached yet. */
const STAGE_INTRO: Record<Section, string> = {
  plan: 'The objective, the questions and what you predict, who does what, where and when, and the data to collect.',
  do: 'Whether the cycle was carried out as planned, what you observed, and the problems and surprises.',
  study: 'The results compared with your predictions, and what you learned.',
  act: 'Whether to adopt, adapt or abandon the change, and what the next cycle will be.'
}
const CHANGE_TEXT: Record<Section, string> = {
  plan: 'Change the plan',
  do: 'Change what was done and observed',
  study: 'Change the results and what was learned',
  act: 'Change the decision'
}
export const STAGE_HEADINGS: Record<Section, string> = {
  plan: 'Plan',
  do: 'Do',
  study: 'Study',
  act: 'Act'
}

/** The cycle's stored answers as the form's values. */
export function cycleFormValues(view: Pick<PdsaView, 'cycle' | 'measures' | 'version'>): PdsaFormValues {
  const c = view.cycle
  return {
    changeIdeaId: c.changeIdeaId,
    previousId: c.previousId ?? '',
    version: view.version,
    action: '',
    sections: [],
    title: c.title,
    purpose: c.purpose,
    objective: c.objective,
    questions: Array.from({ length: QUESTION_SLOTS }, (_, i) => ({
      question: c.questions[i]?.question ?? '',
      prediction: c.questions[i]?.prediction ?? ''
    })),
    tasks: Array.from({ length: TASK_SLOTS }, (_, i) => ({
      what: c.tasks[i]?.what ?? '',
      who: c.tasks[i]?.who ?? '',
      where: c.tasks[i]?.where ?? '',
      when: c.tasks[i]?.when ?? ''
    })),
    dataPlan: c.dataPlan ?? '',
    startsOn: datePartsOf(c.startsOn),
    endsOn: datePartsOf(c.endsOn),
    measureIds: view.measures.map((m) => m.id),
    asPlanned: c.asPlanned === null ? '' : c.asPlanned ? 'yes' : 'no',
    observations: c.observations ?? '',
    problems: c.problems ?? '',
    results: c.results ?? '',
    learned: c.learned ?? '',
    decision: c.decision ?? '',
    nextSteps: c.nextSteps ?? ''
  }
}

function textInput(
  name: string,
  label: string,
  value: string,
  errors: FormErrors,
  extra: Record<string, unknown> = {}
) {
  return { id: name, name, label: { text: label, size: 's' }, value, errorMessage: err(errors, name), ...extra }
}

function textareaField(name: string, label: string, value: string, errors: FormErrors, hint?: string, rows = 4) {
  return {
    id: name,
    name,
    label: { text: label, size: 's' },
    hint: hint ? { text: hint } : undefined,
    value,
    rows,
    errorMessage: err(errors, name)
  }
}

/** The plan's fields (the new-cycle form and the worksheet's plan stage). */
/** The fields of each stage on the form, to open a stage's "Change" section when one of them has an error. */
const SECTION_FIELDS: Record<Section, (field: string) => boolean> = {
  plan: (f) =>
    ['title', 'purpose', 'objective', 'dataPlan', 'startsOn', 'endsOn', 'measureIds'].includes(f) ||
    /^(question|prediction|task)\d/.test(f),
  do: (f) => ['asPlanned', 'observations', 'problems'].includes(f),
  study: (f) => ['results', 'learned'].includes(f),
  act: (f) => ['decision', 'nextSteps'].includes(f)
}

/** The optional question and task slots are tucked away unless one is filled in or has an error. */
function moreOpen(values: PdsaFormValues, errors: FormErrors) {
  const errorIn = (prefix: RegExp) => Object.keys(errors.byField).some((f) => prefix.test(f))
  return {
    questions:
      values.questions.slice(1).some((q) => q.question || q.prediction) || errorIn(/^(question|prediction)[2-9]/),
    tasks: values.tasks.slice(1).some((t) => t.what || t.who || t.where || t.when) || errorIn(/^task[2-9]/)
  }
}

export function planFields(values: PdsaFormValues, errors: FormErrors, measures: readonly MeasureRow[]) {
  const more = moreOpen(values, errors)
  return {
    moreQuestionsOpen: more.questions,
    moreTasksOpen: more.tasks,
    title: textInput('title', 'Title', values.title, errors, {
      hint: { text: 'A few words the charts can show, for example "Ask the two questions at booking"' }
    }),
    purpose: {
      idPrefix: 'purpose',
      name: 'purpose',
      fieldset: { legend: { text: 'What is this cycle for?', size: 's' } },
      errorMessage: err(errors, 'purpose'),
      items: Object.entries(PURPOSE_LABELS).map(([value, text]) => ({
        value,
        text,
        checked: values.purpose === value
      }))
    },
    objective: textareaField(
      'objective',
      'Objective',
      values.objective,
      errors,
      'What this cycle is meant to find out or achieve',
      3
    ),
    questions: values.questions.map((q, i) => ({
      legend: `Question ${i + 1}${i === 0 ? '' : ' (optional)'}`,
      question: textInput(`question${i + 1}`, 'Question', q.question, errors, {
        hint: i === 0 ? { text: 'What do you want to know? For example, "How long does asking take?"' } : undefined
      }),
      prediction: textInput(`prediction${i + 1}`, 'Prediction', q.prediction, errors, {
        hint: i === 0 ? { text: 'What do you think will happen? For example, "Under a minute per patient"' } : undefined
      })
    })),
    tasks: values.tasks.map((t, i) => ({
      legend: `Task ${i + 1}${i === 0 ? '' : ' (optional)'}`,
      what: textInput(`task${i + 1}What`, 'What', t.what, errors),
      who: textInput(`task${i + 1}Who`, 'Who', t.who, errors, { classes: 'nhsuk-u-width-two-thirds' }),
      where: textInput(`task${i + 1}Where`, 'Where', t.where, errors, { classes: 'nhsuk-u-width-two-thirds' }),
      when: textInput(`task${i + 1}When`, 'When', t.when, errors, { classes: 'nhsuk-u-width-two-thirds' })
    })),
    dataPlan: textareaField(
      'dataPlan',
      'The data to collect',
      values.dataPlan,
      errors,
      'What you will count or note, who collects it and how, to answer the questions',
      3
    ),
    startsOn: dateInputField(
      'startsOn',
      'Start date',
      'For example, 5 1 2027. The cycle is marked on its measures’ charts from this date',
      values.startsOn,
      err(errors, 'startsOn')
    ),
    endsOn: dateInputField(
      'endsOn',
      'End date (optional)',
      'For example, 19 1 2027',
      values.endsOn,
      err(errors, 'endsOn')
    ),
    measureIds: measures.length
      ? {
          idPrefix: 'measureIds',
          name: 'measureIds',
          fieldset: { legend: { text: 'Measures to show this cycle on (optional)', size: 's' } },
          hint: { text: 'The cycle appears on the chart of each measure you select, at its start date.' },
          errorMessage: err(errors, 'measureIds'),
          items: measures.map((m) => ({
            value: m.id,
            text: m.name,
            hint: { text: `${typeLabels[m.type]} measure` },
            checked: values.measureIds.includes(m.id)
          }))
        }
      : null,
    measureIdsError: err(errors, 'measureIds')
  }
}

export function doFields(values: PdsaFormValues, errors: FormErrors) {
  return {
    asPlanned: {
      idPrefix: 'asPlanned',
      name: 'asPlanned',
      fieldset: { legend: { text: 'Was the cycle carried out as planned?', size: 's' } },
      errorMessage: err(errors, 'asPlanned'),
      classes: 'nhsuk-radios--inline',
      items: [
        { value: 'yes', text: 'Yes', checked: values.asPlanned === 'yes' },
        { value: 'no', text: 'No', checked: values.asPlanned === 'no' }
      ]
    },
    observations: textareaField(
      'observations',
      'What did you observe?',
      values.observations,
      errors,
      'What happened, including what you did not expect. Do not name patients.'
    ),
    problems: textareaField('problems', 'Problems and surprises (optional)', values.problems, errors)
  }
}

export function studyFields(values: PdsaFormValues, errors: FormErrors) {
  return {
    results: textareaField(
      'results',
      'Results, compared with your predictions',
      values.results,
      errors,
      'Look at the charts of the linked measures: what did the data show?'
    ),
    learned: textareaField('learned', 'What did you learn?', values.learned, errors)
  }
}

export function actFields(values: PdsaFormValues, errors: FormErrors) {
  return {
    decision: {
      idPrefix: 'decision',
      name: 'decision',
      fieldset: { legend: { text: 'What will you do with the change?', size: 's' } },
      errorMessage: err(errors, 'decision'),
      items: Object.entries(DECISION_LABELS).map(([value, text]) => ({
        value,
        text,
        checked: values.decision === value
      }))
    },
    nextSteps: textareaField(
      'nextSteps',
      'The next cycle',
      values.nextSteps,
      errors,
      'What you will change and test next. Needed when you adapt.',
      3
    )
  }
}

const row = (key: string, text: string | null | undefined) => ({
  key: { text: key },
  value: { text: text && text.trim() ? text : 'Not recorded' }
})
const htmlRow = (key: string, html: string) => ({ key: { text: key }, value: { html } })
const listHtml = (items: readonly string[]) =>
  items.length
    ? `<ul class="nhsuk-list nhsuk-list--bullet">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
    : 'Not recorded'

const TASK_PART_LABELS = { who: 'Who', where: 'Where', when: 'When' } as const

/** A stage's answers, read only. */
export function stageRows(section: Section, cycle: PdsaCycle, measures: readonly MeasureRow[]) {
  switch (section) {
    case 'plan':
      return [
        row('Objective', cycle.objective),
        htmlRow(
          'Questions and predictions',
          listHtml(
            cycle.questions.map(
              (q) =>
                `${escapeHtml(q.question)}<br><span class="nhsuk-u-secondary-text-colour">Prediction:</span> ${escapeHtml(q.prediction || 'not recorded')}`
            )
          )
        ),
        htmlRow(
          'Tasks',
          listHtml(
            cycle.tasks.map((t) =>
              [
                escapeHtml(t.what || 'Task'),
                ...(['who', 'where', 'when'] as const)
                  .filter((k) => t[k])
                  .map(
                    (k) =>
                      `<br><span class="nhsuk-u-secondary-text-colour">${TASK_PART_LABELS[k]}:</span> ${escapeHtml(t[k])}`
                  )
              ].join('')
            )
          )
        ),
        row('The data to collect', cycle.dataPlan),
        row(
          'Dates',
          cycle.endsOn
            ? `${formatDate(cycle.startsOn)} to ${formatDate(cycle.endsOn)}`
            : `From ${formatDate(cycle.startsOn)}`
        ),
        htmlRow(
          'Measures',
          listHtml(measures.map((m) => `<a href="/measures/${escapeHtml(m.id)}">${escapeHtml(m.name)}</a>`))
        )
      ]
    case 'do':
      return [
        row('Carried out as planned', cycle.asPlanned === null ? null : cycle.asPlanned ? 'Yes' : 'No'),
        row('Observations', cycle.observations),
        row('Problems and surprises', cycle.problems)
      ]
    case 'study':
      return [row('Results, compared with the predictions', cycle.results), row('What was learned', cycle.learned)]
    case 'act':
      return [
        row('Decision', cycle.decision ? DECISION_LABELS[cycle.decision] : null),
        row('The next cycle', cycle.nextSteps)
      ]
  }
}

/** Which sections this actor may change at this stage. */
export function changeableSections(stage: PdsaStage, access: PdsaAccess): Section[] {
  const reached = editableStages(stage) as Section[]
  if (access === 'lead') return reached
  if (access === 'member') return reached.filter((s) => s === 'do' || s === 'study')
  return []
}

const STAGE_TAG: Record<PdsaStage, string> = {
  plan: 'nhsuk-tag--grey',
  do: 'nhsuk-tag--blue',
  study: 'nhsuk-tag--purple',
  act: 'nhsuk-tag--orange',
  done: 'nhsuk-tag--green'
}

export function stageTag(stage: PdsaStage) {
  return { text: STAGE_LABELS[stage], classes: STAGE_TAG[stage] }
}

/** The worksheet page: summary, ramp, measures, the stages and the buttons. */
export function worksheetPage(
  view: PdsaView,
  values: PdsaFormValues,
  errors: FormErrors,
  options: { posted: boolean } = { posted: false }
) {
  const { cycle, project } = view
  const changeable = changeableSections(cycle.stage, view.access)
  const reached = editableStages(cycle.stage)
  const stageIndex = PDSA_STAGES.indexOf(cycle.stage)
  const nextStage = cycle.stage === 'done' ? null : PDSA_STAGES[stageIndex + 1]
  const sections = (['plan', 'do', 'study', 'act'] as const).map((key, i) => ({
    key,
    number: i + 1,
    heading: STAGE_HEADINGS[key],
    current: cycle.stage === key,
    // the current stage is a form; an earlier one its answers, with its fields under "Change"
    state: changeable.includes(key)
      ? cycle.stage === key
        ? 'fields'
        : 'answers-and-fields'
      : reached.includes(key)
        ? 'answers'
        : 'ahead',
    // a "Change" section opens when it has a mistake or was just sent with one elsewhere
    open: options.posted || Object.keys(errors.byField).some(SECTION_FIELDS[key]),
    changeText: CHANGE_TEXT[key],
    intro: STAGE_INTRO[key],
    rows: reached.includes(key) ? stageRows(key, cycle, view.measures) : []
  }))
  const current = sections.find((s) => s.current)
  return {
    title: cycle.title,
    rampNumber: view.ramp.findIndex((s) => s.id === cycle.id) + 1,
    currentStage: current && current.key !== 'plan' ? { key: current.key, heading: current.heading } : null,
    action: pdsaHref(project.id, cycle.id),
    summaryRows: [
      row('Change idea', view.changeIdea.title),
      row('What this cycle is for', PURPOSE_LABELS[cycle.purpose]),
      row(
        'Dates',
        cycle.endsOn
          ? `${formatDate(cycle.startsOn)} to ${formatDate(cycle.endsOn)}`
          : `From ${formatDate(cycle.startsOn)}`
      )
    ],
    stage: stageTag(cycle.stage),
    sections,
    sectionsSent: changeable,
    hasForm: changeable.length > 0,
    plan: planFields(values, errors, view.linkable),
    do: doFields(values, errors),
    study: studyFields(values, errors),
    act: actFields(values, errors),
    version: values.version,
    advanceButton:
      view.access === 'lead' && nextStage
        ? {
            text:
              nextStage === 'done'
                ? 'Save and finish the cycle'
                : `Save and move to ${STAGE_LABELS[nextStage].toLowerCase()}`,
            name: 'action',
            value: 'advance'
          }
        : null,
    saveButton: { text: 'Save', name: 'action', value: 'save', variant: 'secondary' },
    ramp: view.ramp.map((s, i) => ({
      number: i + 1,
      title: s.title,
      href: s.id === cycle.id ? null : pdsaHref(project.id, s.id),
      stage: STAGE_LABELS[s.stage],
      startsOn: formatDate(s.startsOn),
      abandoned: s.decision === 'abandon'
    })),
    measures: view.measures.map((m) => ({ href: `/measures/${m.id}`, name: m.name })),
    planNextHref: view.canPlanNext ? planNextHref(project.id, cycle.changeIdeaId, cycle.id) : null,
    memberNote:
      view.access === 'member'
        ? 'As a member of this project you can record what happened and what was learned (do and study). A QI lead plans the cycle, moves it on and decides what to do next.'
        : null
  }
}

/** The new-cycle page. */
export function planPage(form: PdsaPlanForm, values: PdsaFormValues, errors: FormErrors) {
  const { project } = form
  return {
    action: `/projects/${project.id}/pdsa/new`,
    changeIdea: form.changeIdea,
    changeIdeaSelect: form.changeIdea
      ? null
      : {
          id: 'changeIdeaId',
          name: 'changeIdeaId',
          label: { text: 'Which change idea does this cycle test?', size: 's' },
          errorMessage: err(errors, 'changeIdeaId'),
          items: [
            { value: '', text: 'Select a change idea', selected: values.changeIdeaId === '' },
            ...form.changeIdeas.map((c) => ({ value: c.id, text: c.title, selected: values.changeIdeaId === c.id }))
          ]
        },
    changeIdeaError: form.changeIdea ? err(errors, 'changeIdeaId') : undefined,
    previous: form.previous ? { title: form.previous.title, href: pdsaHref(project.id, form.previous.id) } : null,
    previousError: err(errors, 'previousId'),
    startNewRampHref: form.changeIdea ? `/projects/${project.id}/pdsa/new?changeIdea=${form.changeIdea.id}` : null,
    noChangeIdeas: form.changeIdeas.length === 0,
    projectHref: projectHref(project.id),
    plan: planFields(values, errors, form.linkable)
  }
}
