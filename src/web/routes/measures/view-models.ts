/**
 * View models for the measures pages: macro params for the forms, rows for the Making Data
 * Count summary table.
 */
import type { MeasureAnnotationRow, MeasureRow } from '../../../db/repositories/measures.js'
import type { QiProjectRow } from '../../../db/repositories/projects.js'
import {
  derivedMeasures,
  findDerivedMeasure,
  type DerivedMeasureDefinition,
  type ImportProblem,
  type PeriodFigure
} from '../../../domain/qi/measures/index.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { STAGE_LABELS, type PdsaStage } from '../../../domain/qi/workspace/pdsa.js'
import { suggestRebase } from '../../../domain/qi/workspace/rebase.js'
import { escapeHtml } from '../../escape-html.js'
import { dateInputField as dateField, datePartsOf, type FormErrors } from '../../form-errors.js'
import { chartModel, formatMonth, valueFormatter, type ChartModel } from '../../charts/measure-chart.js'
import type { MeasureFormValues } from './schemas.js'

export const home = { href: '/home', text: 'Home' }
export const measuresCrumb = { href: '/measures', text: 'Measures' }

const err = (errors: FormErrors, field: string) => errors.byField[field]

export const typeLabels = { outcome: 'Outcome', process: 'Process', balancing: 'Balancing' } as const
export const unitLabels: Record<string, string> = { percent: 'Percentage', count: 'Count', days: 'Days' }
export const directionLabels = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
  neutral: 'Neither (monitor only)'
} as const
export const annotationKindLabels = {
  pdsa: 'PDSA cycle',
  rebase: 'Rebase (the process changed)',
  note: 'Note'
} as const

export function emptyMeasureForm(): MeasureFormValues {
  return {
    derivedKey: '',
    name: '',
    type: '',
    numerator: '',
    denominator: '',
    inclusions: '',
    exclusions: '',
    frequency: 'monthly',
    improvement: '',
    target: '',
    unit: 'percent',
    owner: '',
    notes: '',
    projectId: '',
    teamId: ''
  }
}

function radios(
  name: string,
  legend: string,
  items: Record<string, string>,
  value: string,
  errors: FormErrors,
  hint?: string
) {
  return {
    idPrefix: name,
    name,
    fieldset: { legend: { text: legend, size: 's' } },
    hint: hint ? { text: hint } : undefined,
    errorMessage: err(errors, name),
    items: Object.entries(items).map(([v, t]) => ({ value: v, text: t, checked: value === v }))
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

function textareaField(name: string, label: string, value: string, errors: FormErrors, hint?: string) {
  return {
    id: name,
    name,
    label: { text: label, size: 's' },
    hint: hint ? { text: hint } : undefined,
    value,
    rows: 3,
    errorMessage: err(errors, name)
  }
}

export function measureFormFields(
  values: MeasureFormValues,
  errors: FormErrors,
  projects: readonly QiProjectRow[],
  teams: readonly { id: string; name: string }[]
) {
  return {
    derivedKey: {
      id: 'derivedKey',
      name: 'derivedKey',
      label: { text: 'Derived from Reach data (optional)', size: 's' },
      hint: {
        text: 'Choose one to have Reach compute the values from its own records, with the standard definition. Leave as "None" to enter values yourself.'
      },
      errorMessage: err(errors, 'derivedKey'),
      items: [
        { value: '', text: 'None: I will enter the values', selected: values.derivedKey === '' },
        ...derivedMeasures.map((m) => ({
          value: m.key,
          text: m.available ? m.name : `${m.name} (not yet available)`,
          selected: values.derivedKey === m.key,
          disabled: !m.available
        }))
      ]
    },
    name: textInput('name', 'Name', values.name, errors, {
      hint: { text: 'Leave blank for a derived measure to use its standard name' }
    }),
    type: radios('type', 'Type of measure', typeLabels, values.type, errors, 'Not needed for a derived measure'),
    numerator: textareaField(
      'numerator',
      'Numerator: what is counted',
      values.numerator,
      errors,
      'Not needed for a derived measure'
    ),
    denominator: textareaField('denominator', 'Denominator: out of what (optional)', values.denominator, errors),
    inclusions: textareaField('inclusions', 'Inclusions (optional)', values.inclusions, errors),
    exclusions: textareaField('exclusions', 'Exclusions (optional)', values.exclusions, errors),
    unit: radios('unit', 'Unit', unitLabels, values.unit, errors),
    frequency: radios(
      'frequency',
      'How often is it plotted?',
      { weekly: 'Weekly', monthly: 'Monthly' },
      values.frequency,
      errors
    ),
    improvement: radios(
      'improvement',
      'Which direction is an improvement?',
      directionLabels,
      values.improvement,
      errors
    ),
    target: textInput('target', 'Target (optional)', values.target, errors, {
      classes: 'nhsuk-input--width-5',
      inputmode: 'decimal',
      hint: { text: 'A number in the unit of the measure, like 80 for 80%' }
    }),
    owner: textInput('owner', 'Owner (optional)', values.owner, errors, {
      hint: { text: 'The person or role responsible for the measure' }
    }),
    notes: textareaField('notes', 'Notes (optional)', values.notes, errors),
    projectId: {
      id: 'projectId',
      name: 'projectId',
      label: { text: 'Quality improvement project (optional)', size: 's' },
      errorMessage: err(errors, 'projectId'),
      items: [
        { value: '', text: 'None', selected: values.projectId === '' },
        ...projects.map((p) => ({ value: p.id, text: p.name, selected: values.projectId === p.id }))
      ]
    },
    teamId: {
      id: 'teamId',
      name: 'teamId',
      label: { text: 'Team (optional)', size: 's' },
      hint: { text: "A derived measure for a team counts only that team's records" },
      errorMessage: err(errors, 'teamId'),
      items: [
        { value: '', text: 'Whole organisation', selected: values.teamId === '' },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: values.teamId === t.id }))
      ]
    }
  }
}

/** Import problems become one error per line, all pointing at the text box. */
export function importErrors(problems: readonly ImportProblem[]): FormErrors {
  const shown = problems.slice(0, 20)
  const list = shown.map((p) => ({ href: '#lines', text: p.text }))
  if (problems.length > shown.length)
    list.push({ href: '#lines', text: `And ${problems.length - shown.length} more lines with problems` })
  return {
    list,
    byField: {
      lines: {
        text: `${problems.length === 1 ? 'There is a problem on 1 line' : `There are problems on ${problems.length} lines`}. Nothing was saved`
      }
    }
  }
}

export interface SummaryRow {
  id: string
  href: string
  name: string
  type: string
  source: string
  latestValue: string
  latestPeriod: string
  target: string
  chart: string
  variationSvg: string
  variationText: string
  assuranceSvg: string
  assuranceText: string
}

export function summaryRow(
  measure: Pick<MeasureRow, 'id' | 'name' | 'unit' | 'target' | 'type' | 'source' | 'frequency'>,
  model: ChartModel
): SummaryRow {
  const format = valueFormatter(measure.unit)
  return {
    id: measure.id,
    href: `/measures/${measure.id}`,
    name: measure.name,
    type: typeLabels[measure.type],
    source: measure.source === 'derived' ? 'Derived from Reach data' : 'Entered by the team',
    latestValue: model.latest ? format(model.latest.value) : 'No data',
    latestPeriod: model.latest
      ? measure.frequency === 'monthly'
        ? formatMonth(model.latest.date)
        : `week starting ${formatDate(model.latest.date)}`
      : '',
    target: measure.target === null ? 'None' : format(measure.target),
    chart: model.kind === 'spc' ? 'SPC' : model.kind === 'run' ? 'Run chart' : 'None',
    variationSvg: model.variationSvg,
    variationText: model.variationText,
    assuranceSvg: model.assuranceSvg,
    assuranceText: model.assuranceText
  }
}

export function definitionRows(measure: MeasureRow, projectName: string | null, teamName: string | null) {
  const derived = findDerivedMeasure(measure.derived_key)
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || 'Not recorded' }
  })
  return [
    row('Type', typeLabels[measure.type]),
    row('Source', derived ? `Derived from Reach data: ${derived.name}` : 'Entered by the team'),
    row('Numerator', measure.numerator),
    row('Denominator', measure.denominator),
    row('Inclusions', measure.inclusions),
    row('Exclusions', measure.exclusions),
    ...(derived ? [row('Period by', derived.periodBy)] : []),
    row('Unit', unitLabels[measure.unit] ?? measure.unit),
    row('Frequency', measure.frequency === 'weekly' ? 'Weekly (weeks start on Monday)' : 'Monthly'),
    row('Improvement', directionLabels[measure.improvement]),
    row('Target', measure.target === null ? 'None' : valueFormatter(measure.unit)(measure.target)),
    row('Owner', measure.owner),
    row('Project', projectName),
    row('Team', teamName ?? 'Whole organisation'),
    row('Notes', measure.notes)
  ]
}

/** The dashboard's two filters (nhsuk select params). */
export function dashboardFilters(
  projects: readonly QiProjectRow[],
  teams: readonly { id: string; name: string }[],
  projectId: string | null,
  teamId: string | null
) {
  return {
    project: {
      id: 'project',
      name: 'project',
      label: { text: 'Project', size: 's' },
      items: [
        { value: '', text: 'All projects', selected: !projectId },
        ...projects.map((p) => ({ value: p.id, text: p.name, selected: p.id === projectId }))
      ]
    },
    team: {
      id: 'team',
      name: 'team',
      label: { text: 'Team', size: 's' },
      items: [
        { value: '', text: 'All teams', selected: !teamId },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId }))
      ]
    }
  }
}

export function dashboardHeading(project: QiProjectRow | null, team: { name: string } | null): string {
  return project ? project.name : team ? `Measures for ${team.name}` : 'Measures'
}

/**
 * The annotations table under a chart, numbered as on the chart (nhsuk table rows). A PDSA cycle linked to
 * the measure links back to its worksheet and says where it has got to.
 */
export function annotationRows(
  annotations: readonly (Pick<MeasureAnnotationRow, 'on_date' | 'kind' | 'label'> & {
    pdsa?: { id: string; projectId: string; stage: PdsaStage } | null
  })[]
) {
  return annotations.map((a, i) => [
    { text: String(i + 1) },
    { text: formatDate(a.on_date) },
    { text: annotationKindLabels[a.kind] },
    a.pdsa
      ? {
          html:
            `<a href="/projects/${escapeHtml(a.pdsa.projectId)}/pdsa/${escapeHtml(a.pdsa.id)}">${escapeHtml(a.label)}</a>` +
            `<br><span class="nhsuk-u-secondary-text-colour">${a.pdsa.stage === 'done' ? 'Finished' : `Now at the ${STAGE_LABELS[a.pdsa.stage].toLowerCase()} stage`}</span>`
        }
      : { text: a.label }
  ])
}

/**
 * When the latest segment ends in a sustained shift (domain/qi/workspace/rebase.ts), the words and the form
 * that post a rebase annotation from the run's first point, with the reason as its description (the
 * annotation route checks it is there). Null when there is nothing to suggest.
 */
export function rebaseSuggestion(measure: Pick<MeasureRow, 'id' | 'frequency'>, model: ChartModel) {
  const suggestion = model.spc ? suggestRebase(model.spc) : null
  if (!suggestion) return null
  const since = measure.frequency === 'monthly' ? formatMonth(suggestion.date) : formatDate(suggestion.date)
  const from = formatDate(suggestion.date)
  return {
    text: `The last ${suggestion.points} points are all ${suggestion.side} the mean since ${since}.`,
    advice: `If you know why (a change you made), record a rebase from ${from} with the reason: the limits are then worked out again from that point.`,
    action: `/measures/${measure.id}/annotations/new`,
    date: datePartsOf(suggestion.date),
    reason: {
      id: 'rebase-reason',
      name: 'label',
      label: { text: 'Reason for the rebase', size: 's' },
      hint: { text: 'What changed, for example "Screening questions added to the booking form"' }
    },
    button: { text: `Record a rebase from ${from}`, variant: 'secondary' }
  }
}

export function measureBreadcrumbs(measure: Pick<MeasureRow, 'project_id'>, projectName: string | null) {
  return [
    home,
    measuresCrumb,
    ...(measure.project_id && projectName
      ? [{ href: `/measures?project=${measure.project_id}`, text: projectName }]
      : [])
  ]
}

/** A derived measure charted across the whole system, as a summary-table row with its description. */
export function systemSummaryRow(definition: DerivedMeasureDefinition, figures: readonly PeriodFigure[]) {
  const measure = {
    id: definition.key,
    name: definition.name,
    unit: definition.unit,
    improvement: definition.improvement,
    target: null,
    type: definition.type,
    source: 'derived',
    frequency: 'monthly'
  } as const
  const model = chartModel(measure, figures, [], `system-${definition.key}`)
  return {
    ...summaryRow(measure, model),
    href: '',
    suppressed: model.suppressedPeriods,
    periods: figures.length,
    summary: model.summary
  }
}

export interface SingleValueInput {
  periodStart: { day: string; month: string; year: string }
  value: string
}

export const emptySingleValue: SingleValueInput = { periodStart: { day: '', month: '', year: '' }, value: '' }

/** The values page's two forms: one value (date and value), or many lines pasted. */
export function valuesFormFields(
  measure: Pick<MeasureRow, 'frequency' | 'unit'>,
  single: SingleValueInput,
  singleErrors: FormErrors,
  lines: string,
  errors: FormErrors
) {
  return {
    periodStart: dateField(
      'periodStart',
      'Period starting',
      measure.frequency === 'weekly'
        ? 'The Monday the week starts, for example 2 3 2026'
        : 'The first day of the month, for example 1 3 2026. Any day in the month will do',
      single.periodStart,
      singleErrors.byField.periodStart
    ),
    value: {
      id: 'value',
      name: 'value',
      label: { text: `Value (${unitLabels[measure.unit] ?? measure.unit})`, size: 's' },
      value: single.value,
      classes: 'nhsuk-input--width-5',
      inputmode: 'decimal',
      errorMessage: singleErrors.byField.value
    },
    lines: {
      id: 'lines',
      name: 'lines',
      label: { text: 'Values, one per line', size: 's' },
      hint: {
        text: 'Paste lines of date,value (YYYY-MM-DD,value), or the text of a CSV file with a date,value header. A value already entered for the same period is replaced. If any line has a problem, nothing is saved.'
      },
      value: lines,
      rows: 10,
      spellcheck: false,
      errorMessage: errors.byField.lines
    }
  }
}

export interface AnnotationInput {
  onDate: { day: string; month: string; year: string }
  kind: string
  label: string
}

export const emptyAnnotation: AnnotationInput = { onDate: { day: '', month: '', year: '' }, kind: '', label: '' }

export function annotationFormFields(values: AnnotationInput, errors: FormErrors) {
  return {
    onDate: dateField(
      'onDate',
      'Date',
      'For example 1 3 2026. A rebase starts new limits from the first period on or after this date',
      values.onDate,
      errors.byField.onDate
    ),
    kind: {
      idPrefix: 'kind',
      name: 'kind',
      fieldset: { legend: { text: 'What kind of annotation?', size: 's' } },
      errorMessage: errors.byField.kind,
      items: Object.entries(annotationKindLabels).map(([value, label]) => ({
        value,
        text: label,
        checked: values.kind === value
      }))
    },
    label: {
      id: 'label',
      name: 'label',
      label: { text: 'Short description', size: 's' },
      hint: { text: 'For example, "PDSA 2: screening question added to the booking form"' },
      value: values.label,
      errorMessage: errors.byField.label
    }
  }
}
