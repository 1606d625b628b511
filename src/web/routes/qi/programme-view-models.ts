/** Programme pages: the list, the form, the programme with what is shared, and a project's sharing page. */
import type { ProgrammeListRow } from '../../../db/repositories/programmes.js'
import type { ProgrammeView } from '../../../app/qi/view-programme.js'
import type { ProjectSharing } from '../../../app/qi/share-project.js'
import type { DerivedMeasureDefinition } from '../../../domain/qi/measures/index.js'
import { progressLabel } from '../../../domain/qi/workspace/progress.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { chartModel } from '../../charts/measure-chart.js'
import { escapeHtml } from '../../escape-html.js'
import type { FormErrors } from '../../form-errors.js'
import { summaryRow, systemSummaryRow } from '../measures/view-models.js'
import { STATUS_LABELS, qiBreadcrumbs } from './view-models.js'

export const programmeBreadcrumbs = [...qiBreadcrumbs, { href: '/programmes', text: 'Programmes' }]

export function programmeListRows(programmes: readonly ProgrammeListRow[]) {
  return programmes.map((p) => [
    { html: `<a href="/programmes/${p.id}">${escapeHtml(p.name)}</a>` },
    { text: p.lead_org_name },
    { text: String(p.projects), format: 'numeric' },
    { text: p.aim ?? 'No aim yet' }
  ])
}

export interface ProgrammeFormValues {
  name: string
  aim: string
  measureKeys: string[]
}

export function programmeFormFields(
  values: ProgrammeFormValues,
  errors: FormErrors,
  choices: readonly DerivedMeasureDefinition[]
) {
  return {
    name: {
      id: 'name',
      name: 'name',
      label: { text: 'Programme name', size: 's' },
      value: values.name,
      errorMessage: errors.byField.name
    },
    aim: {
      id: 'aim',
      name: 'aim',
      label: { text: 'What the programme is for', size: 's' },
      hint: { text: 'For example, every adult in City and Hackney can use or get round digital health services' },
      value: values.aim,
      errorMessage: errors.byField.aim
    },
    measureKeys: {
      idPrefix: 'measureKeys',
      name: 'measureKeys',
      fieldset: { legend: { text: 'Measures across the whole system', size: 's' } },
      hint: {
        text: 'Counted from the records of every organisation in your system. A month where a count is between 1 and 4 is suppressed.'
      },
      errorMessage: errors.byField.measureKeys,
      items: choices.map((m) => ({ value: m.key, text: m.name, checked: values.measureKeys.includes(m.key) }))
    }
  }
}

/** The programme page: system measures as an MDC table, then each shared project with its charts. */
export function programmePage(view: ProgrammeView) {
  const { programme } = view
  return {
    programme,
    pageTitle: programme.name,
    gridColumn: 'nhsuk-grid-column-full',
    leadOrgName: view.leadOrgName,
    isLead: view.isLead,
    systemRows: view.systemMeasures.map((s) => systemSummaryRow(s.definition, s.figures)),
    projectRows: view.shared.map((s) => [
      { text: s.project.name },
      { text: s.orgName },
      { text: STATUS_LABELS[s.project.status] },
      { text: s.project.aim ?? 'No aim yet' },
      {
        text: s.latestProgress
          ? `${Number(s.latestProgress.score).toFixed(1)} ${progressLabel(Number(s.latestProgress.score))} (${formatDate(s.latestProgress.set_on)})`
          : 'Not scored yet'
      }
    ]),
    shared: view.shared.map((s, i) => {
      const charts = s.series.map((series, k) => {
        const model = chartModel(series.measure, series.figures, series.annotations, `shared-${i}-${k}`)
        return {
          row: { ...summaryRow(series.measure, model), href: '' },
          svg: model.svg,
          summary: model.summary,
          suppressed: model.suppressedPeriods
        }
      })
      return {
        name: s.project.name,
        orgName: s.orgName,
        href: s.own ? `/projects/${s.project.id}` : null,
        shareHref: s.own ? `/projects/${s.project.id}/share` : null,
        charts,
        rows: charts.map((c) => c.row)
      }
    }),
    breadcrumbs: programmeBreadcrumbs
  }
}

/** A project's sharing page: the programmes it is shared with, and the form to share it with one. */
export function sharingPage(
  view: ProjectSharing,
  values: { programmeId: string; measureIds: string[] },
  errors: FormErrors
) {
  const { project } = view
  const programmeName = new Map(view.programmes.map((p) => [p.id, p.name]))
  const measureName = new Map(view.measures.map((m) => [m.id, m.name]))
  return {
    project,
    pageTitle: `Share “${project.name}” with a programme`,
    shares: view.shares.map((s) => ({
      programmeId: s.programme_id,
      programme: programmeName.get(s.programme_id) ?? 'A programme',
      measures: s.measure_ids.map((id) => measureName.get(id)).filter((n): n is string => Boolean(n)),
      since: formatDate(s.shared_at.toISOString().slice(0, 10))
    })),
    hasProgrammes: view.programmes.length > 0,
    programmeField: {
      id: 'programmeId',
      name: 'programmeId',
      label: { text: 'Programme', size: 's' },
      errorMessage: errors.byField.programmeId,
      items: [
        { value: '', text: 'Select a programme' },
        ...view.programmes.map((p) => ({
          value: p.id,
          text: `${p.name} (led by ${p.lead_org_name})`,
          selected: p.id === values.programmeId
        }))
      ]
    },
    measuresField: {
      idPrefix: 'measureIds',
      name: 'measureIds',
      fieldset: { legend: { text: 'Measures to share', size: 's' } },
      hint: {
        text: 'Other organisations see these charts, with months of 1 to 4 suppressed. Choose again to change what is shared.'
      },
      errorMessage: errors.byField.measureIds,
      items: view.measures.map((m) => ({ value: m.id, text: m.name, checked: values.measureIds.includes(m.id) }))
    },
    hasMeasures: view.measures.length > 0,
    breadcrumbs: [...qiBreadcrumbs, { href: `/projects/${project.id}`, text: project.name }]
  }
}
