/** View models for the quality improvement pages: exactly the nhsuk macro params, and the diagrams' SVG. */
import { dateInputField, datePartsOf, type FormErrors } from '../../form-errors.js'
import type { ProjectFormValues } from './schemas.js'
import type { ProjectView } from '../../../app/qi/view-project.js'
import type { ProjectMembers } from '../../../app/qi/project-members.js'
import { OBSERVER_ROLES } from '../../../app/qi/view-pdsa.js'
import { can, isRole } from '../../../domain/staff/roles.js'
import { translate } from '../../i18n.js'
import type { QiProjectRow } from '../../../db/repositories/projects.js'
import { AIM_PROBLEM_TEXT, checkAim } from '../../../domain/qi/workspace/aim.js'
import { driverTree, type PrimaryNode } from '../../../domain/qi/workspace/driver-tree.js'
import { PURPOSE_LABELS, STAGE_LABELS, type PdsaPurpose, type PdsaStage } from '../../../domain/qi/workspace/pdsa.js'
import { PROGRESS_LEVELS, progressLabel, suggestProgress } from '../../../domain/qi/workspace/progress.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { driverDiagramSvg, timelineSvg } from '../../charts/driver-diagram-svg.js'
import { chartModel } from '../../charts/measure-chart.js'
import { summaryRow } from '../measures/view-models.js'
import { escapeHtml } from '../../escape-html.js'

export const qiBreadcrumbs = [
  { href: '/home', text: 'Home' },
  { href: '/projects', text: 'QI projects' }
]

export const STATUS_LABELS = {
  planning: 'Planning',
  active: 'Active',
  sustaining: 'Sustaining',
  closed: 'Closed'
} as const
const STATUS_TAG: Record<keyof typeof STATUS_LABELS, string> = {
  planning: 'nhsuk-tag--grey',
  active: 'nhsuk-tag--blue',
  sustaining: 'nhsuk-tag--green',
  closed: 'nhsuk-tag--white'
}

export function emptyProjectForm(today: string): ProjectFormValues {
  return {
    name: '',
    aimWhat: '',
    aimWho: '',
    aimHowMuch: '',
    aimByWhen: { day: '', month: '', year: '' },
    status: 'active',
    startOn: datePartsOf(today),
    endOn: { day: '', month: '', year: '' },
    template: 'digital-inclusion'
  }
}

export function projectToFormValues(p: QiProjectRow): ProjectFormValues {
  return {
    name: p.name,
    aimWhat: p.aim_what ?? p.aim ?? '',
    aimWho: p.aim_who ?? '',
    aimHowMuch: p.aim_how_much ?? '',
    aimByWhen: datePartsOf(p.aim_by_when),
    status: p.status,
    startOn: datePartsOf(p.start_on),
    endOn: datePartsOf(p.end_on),
    template: ''
  }
}

export function projectFormFields(values: ProjectFormValues, errors: FormErrors, withTemplate: boolean) {
  const input = (id: keyof ProjectFormValues, label: string, hint?: string) => ({
    id,
    name: id,
    label: { text: label, size: 's' },
    ...(hint ? { hint: { text: hint } } : {}),
    value: values[id] as string,
    errorMessage: errors.byField[id]
  })
  return {
    name: input('name', 'Project name'),
    aimWhat: {
      ...input(
        'aimWhat',
        'What will improve?',
        'For example, increase the share of new patients screened for digital exclusion at initial assessment'
      ),
      rows: 2
    },
    aimWho: input('aimWho', 'For whom?', 'For example, adults seen by the community therapy teams'),
    aimHowMuch: input('aimHowMuch', 'How much?', 'With a number: for example, from 10% to 80%'),
    aimByWhen: dateInputField(
      'aimByWhen',
      'By when?',
      'For example, 31 3 2027',
      values.aimByWhen,
      errors.byField.aimByWhen
    ),
    status: {
      idPrefix: 'status',
      name: 'status',
      fieldset: { legend: { text: 'Status', size: 's' } },
      errorMessage: errors.byField.status,
      items: Object.entries(STATUS_LABELS).map(([value, text]) => ({ value, text, checked: values.status === value }))
    },
    startOn: dateInputField('startOn', 'Start date', 'For example, 1 12 2026', values.startOn, errors.byField.startOn),
    endOn: dateInputField('endOn', 'End date (optional)', 'For example, 31 3 2027', values.endOn, errors.byField.endOn),
    template: withTemplate
      ? {
          idPrefix: 'template',
          name: 'template',
          fieldset: { legend: { text: 'Start from a template?', size: 's' } },
          errorMessage: errors.byField.template,
          items: [
            {
              value: 'digital-inclusion',
              text: 'Digital inclusion',
              hint: {
                text: "The barriers as drivers, the seed's eleven change ideas, four phases as milestones and Reach's measures"
              },
              checked: values.template === 'digital-inclusion'
            },
            { value: '', text: 'No, start empty', checked: values.template === '' }
          ]
        }
      : null
  }
}

/** The aim as a sentence, and what stops it being specific and time-bound. */
export function aimView(p: QiProjectRow, today: string) {
  const check = checkAim(
    { what: p.aim_what ?? p.aim ?? '', who: p.aim_who ?? '', howMuch: p.aim_how_much ?? '', byWhen: p.aim_by_when },
    today
  )
  return {
    sentence: p.aim_what ? check.sentence : (p.aim ?? ''),
    problems: check.problems.map((x) => AIM_PROBLEM_TEXT[x]),
    smart: check.smart
  }
}

export function projectListRows(projects: readonly QiProjectRow[]) {
  return projects.map((p) => [
    { html: `<a href="/projects/${p.id}">${escapeHtml(p.name)}</a>` },
    { html: `<strong class="nhsuk-tag ${STATUS_TAG[p.status]}">${STATUS_LABELS[p.status]}</strong>` },
    { text: p.aim ?? 'No aim yet' },
    { text: p.start_on ? formatDate(p.start_on) : 'Not set' }
  ])
}

export interface CycleItem {
  href: string
  title: string
  stage: string
  purpose: string
  startsOn: string
}

/** The whole project page. */
export function projectPage(view: ProjectView, today: string, canWrite: boolean) {
  const { project } = view
  const tree: PrimaryNode[] = driverTree(
    view.drivers.map((d) => ({ id: d.id, parentId: d.parent_id, title: d.title, position: d.position })),
    view.changeIdeas.map((i) => ({ id: i.id, driverId: i.driver_id, title: i.title, position: i.position }))
  )
  const aim = aimView(project, today)
  const measureName = new Map(view.series.map((s) => [s.measure.id, s.measure.name]))
  const measuresOf = (driverId: string) =>
    view.driverMeasures
      .filter((l) => l.driver_id === driverId)
      .flatMap((l) => {
        const name = measureName.get(l.measure_id)
        return name ? [{ href: `/measures/${l.measure_id}`, name }] : []
      })
  const cyclesOf = (ideaId: string): CycleItem[] =>
    view.cycles
      .filter((c) => c.change_idea_id === ideaId)
      .map((c) => ({
        href: `/projects/${project.id}/pdsa/${c.id}`,
        title: c.title,
        stage: STAGE_LABELS[c.stage as PdsaStage],
        purpose: PURPOSE_LABELS[c.purpose as PdsaPurpose],
        startsOn: formatDate(c.starts_on)
      }))
  const idea = (c: PrimaryNode['changeIdeas'][number]) => ({
    ...c,
    cycles: cyclesOf(c.id),
    planHref: `/projects/${project.id}/pdsa/new?changeIdea=${c.id}`
  })
  const diagram = tree.map((p) => ({
    ...p,
    measures: measuresOf(p.id),
    removeHref: `/projects/${project.id}/drivers/${p.id}/remove`,
    changeIdeas: p.changeIdeas.map(idea),
    secondaries: p.secondaries.map((s) => ({
      ...s,
      measures: measuresOf(s.id),
      removeHref: `/projects/${project.id}/drivers/${s.id}/remove`,
      changeIdeas: s.changeIdeas.map(idea)
    }))
  }))
  const rows = view.series.map((s) =>
    summaryRow(s.measure, chartModel(s.measure, s.figures, s.annotations, `chart-${s.measure.id}`))
  )
  const models = view.series.map((s) => ({
    type: s.measure.type,
    model: chartModel(s.measure, s.figures, s.annotations)
  }))
  const improving = (type: string) =>
    models.filter((m) => m.type === type && m.model.spc?.variation.startsWith('improvement')).length
  const studied = view.cycles.filter((c) => ['study', 'act', 'done'].includes(c.stage)).length
  const suggestion = suggestProgress({
    hasTeam: project.owner_id !== null || view.members.length > 0,
    hasSmartAim: aim.smart,
    hasMeasureData: models.some((m) => m.model.points.length > 0),
    cyclesStarted: view.cycles.length,
    cyclesStudied: studied,
    processImproving: improving('process'),
    outcomeImproving: improving('outcome'),
    outcomeTargetsMet: models.filter((m) => m.type === 'outcome' && m.model.spc?.assurance === 'pass').length,
    outcomeMeasures: models.filter((m) => m.type === 'outcome').length,
    sustained: project.status === 'sustaining'
  })
  const latest = view.progress[view.progress.length - 1]
  const driverItems = [
    { value: '', text: 'None: this is a primary driver' },
    ...tree.map((p) => ({ value: p.id, text: `${p.number} ${p.title}` }))
  ]
  const ideaDriverItems = [
    { value: '', text: 'Select a driver' },
    ...tree.flatMap((p) => [
      { value: p.id, text: `${p.number} ${p.title}` },
      ...p.secondaries.map((s) => ({ value: s.id, text: `${s.number} ${s.title}` }))
    ])
  ]
  return {
    project,
    pageTitle: project.name,
    gridColumn: 'nhsuk-grid-column-full',
    status: { text: STATUS_LABELS[project.status], classes: STATUS_TAG[project.status] },
    detailRows: [
      { key: { text: 'Status' }, value: { text: STATUS_LABELS[project.status] } },
      { key: { text: 'Owner' }, value: { text: view.ownerName ?? 'Not set' } },
      {
        key: { text: 'Team' },
        value: { text: view.members.map((m) => m.display_name).join(', ') || 'Nobody yet' },
        actions: {
          items: [
            {
              href: `/projects/${project.id}/members`,
              text: canWrite ? 'Change' : 'View',
              visuallyHiddenText: 'team members'
            }
          ]
        }
      },
      { key: { text: 'Start' }, value: { text: project.start_on ? formatDate(project.start_on) : 'Not set' } },
      { key: { text: 'End' }, value: { text: project.end_on ? formatDate(project.end_on) : 'Not set' } },
      {
        key: { text: 'Template' },
        value: { text: project.template === 'digital-inclusion' ? 'Digital inclusion' : 'None' }
      }
    ],
    aim,
    rows,
    caption: `Measures of ${project.name}`,
    hasMeasures: rows.length > 0,
    diagram,
    diagramSvg: driverDiagramSvg(aim.sentence, tree),
    driverItems,
    ideaDriverItems,
    milestones: view.milestones.map((m, i) => ({
      number: i + 1,
      id: m.id,
      title: m.title,
      dueOn: formatDate(m.due_on),
      done: m.done_on !== null,
      doneOn: m.done_on ? formatDate(m.done_on) : null,
      late: m.done_on === null && m.due_on < today
    })),
    timelineSvg: timelineSvg(
      view.milestones.map((m) => ({ title: m.title, dueOn: m.due_on, done: m.done_on !== null })),
      today
    ),
    progress: {
      latest: latest
        ? {
            score: Number(latest.score),
            label: progressLabel(Number(latest.score)),
            reason: latest.reason,
            on: formatDate(latest.set_on)
          }
        : null,
      history: view.progress.map((p) => [
        { text: formatDate(p.set_on) },
        { text: `${Number(p.score).toFixed(1)} ${progressLabel(Number(p.score))}` },
        { text: p.reason }
      ]),
      suggestion: {
        score: suggestion.score.toFixed(1),
        label: progressLabel(suggestion.score),
        because: suggestion.because
      },
      scoreItems: PROGRESS_LEVELS.map((l) => ({
        value: l.score.toFixed(1),
        text: `${l.score.toFixed(1)} ${l.label}`,
        selected: l.score === suggestion.score
      }))
    },
    canWrite
  }
}

/** The team page: members with their roles (the owner marked), and for leads the people who could be added. */
export function membersPage(view: ProjectMembers, values: { userId: string }, canWrite: boolean) {
  const { project } = view
  const role = (r: string) => translate('en', `roles.${r}`)
  return {
    project,
    pageTitle: `Team members: ${project.name}`,
    gridColumn: 'nhsuk-grid-column-full',
    canWrite,
    members: view.members.map((m) => ({
      id: m.user_id,
      name: m.display_name,
      role: role(m.role),
      added: formatDate(m.added_at.toISOString().slice(0, 10)),
      isOwner: m.user_id === project.owner_id,
      mayDo:
        isRole(m.role) && can(m.role, 'measures:write')
          ? 'Plans cycles and changes the project'
          : OBSERVER_ROLES.includes(m.role)
            ? 'Records what happened and what was learned in PDSA cycles'
            : 'Reads the project'
    })),
    candidateItems: [
      { value: '', text: view.candidates.length ? 'Select a member of staff' : 'Everyone is already a member' },
      ...view.candidates.map((c) => ({
        value: c.id,
        text: `${c.name} (${role(c.role)})`,
        selected: c.id === values.userId
      }))
    ],
    hasCandidates: view.candidates.length > 0,
    breadcrumbs: [...qiBreadcrumbs, { href: `/projects/${project.id}`, text: project.name }]
  }
}
