/**
 * Plans a PDSA cycle under a change idea of the project: the IHI worksheet's plan (title, what the cycle is
 * for, objective, questions with predictions, tasks, the data to collect, dates) and the measures whose charts
 * will show it. A cycle may follow another of the same change idea in a ramp (`previousId`), when that one has
 * reached "act" without abandoning the change and no other cycle follows it yet. Measures must be the
 * organisation's; anything else is a field error and nothing is written. Only actors who may plan (view-pdsa.ts,
 * `pdsaAccess`: `measures:write`) get this far; others get ForbiddenError. Audited.
 * Entry points: GET and POST /projects/:projectId/pdsa/new?changeIdea=…&after=….
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findMeasure, type MeasureRow } from '../../db/repositories/measures.js'
import type { QiProjectRow } from '../../db/repositories/projects.js'
import {
  findChangeIdea,
  findPdsa,
  insertPdsa,
  listChangeIdeas,
  listDriverMeasures,
  listDrivers,
  listPdsaCycles,
  setPdsaMeasures,
  type ChangeIdeaRow,
  type PdsaRow
} from '../../db/repositories/qi-workspace.js'
import { canFollow, type PdsaPurpose, type PdsaQuestion, type PdsaTask } from '../../domain/qi/workspace/pdsa.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { auditFields, type Actor } from '../actor.js'
import { ForbiddenError, NotFoundError } from '../errors.js'
import { linkableMeasures, pdsaAccess, pdsaCycle, projectOf } from './view-pdsa.js'

type Db = Kysely<Database> | Transaction<Database>

export interface FieldError {
  field: string
  text: string
}

/** The plan's fields, as the form gives them after parsing. */
export interface PdsaPlan {
  title: string
  purpose: PdsaPurpose
  objective: string
  questions: PdsaQuestion[]
  tasks: PdsaTask[]
  dataPlan: string | null
  /** ISO dates. */
  startsOn: string
  endsOn: string | null
  measureIds: string[]
}

export interface NewPdsa extends PdsaPlan {
  changeIdeaId: string
  previousId: string | null
}

export type PlanPdsaResult = { ok: true; pdsa: PdsaRow } | { ok: false; errors: FieldError[] }

const blank = (s: string) => s.trim() === ''

/** Questions and tasks without a word in them are not kept. */
export function keptQuestions(questions: readonly PdsaQuestion[]): PdsaQuestion[] {
  return questions.filter((q) => !blank(q.question) || !blank(q.prediction))
}
export function keptTasks(tasks: readonly PdsaTask[]): PdsaTask[] {
  return tasks.filter((t) => !blank(t.what) || !blank(t.who) || !blank(t.where) || !blank(t.when))
}

/**
 * The plan's own problems, and its measures as the organisation's rows: every id must be a measure of the
 * actor's organisation (another organisation's, a deleted one or a made-up id is refused).
 */
export async function checkPlan(
  db: Db,
  actor: Actor,
  plan: PdsaPlan
): Promise<{ errors: FieldError[]; measures: MeasureRow[] }> {
  const errors: FieldError[] = []
  if (plan.endsOn !== null && plan.endsOn < plan.startsOn)
    errors.push({ field: 'endsOn', text: 'End date must be the same as or after the start date' })
  const measures: MeasureRow[] = []
  let refused = false
  for (const id of new Set(plan.measureIds)) {
    const measure = isUuid(id) ? await findMeasure(db, actor.orgId, id) : undefined
    if (measure) measures.push(measure)
    else refused = true
  }
  if (refused)
    errors.push({
      field: 'measureIds',
      text: 'Select measures from the list: one of them is not a measure of your organisation'
    })
  return { errors, measures }
}

/** Why a new cycle cannot follow `previousId`, or null when it can. */
async function followProblem(
  db: Db,
  actor: Actor,
  project: QiProjectRow,
  changeIdeaId: string,
  previousId: string
): Promise<{ previous: PdsaRow | null; problem: string | null }> {
  const previous = await findPdsa(db, actor.orgId, previousId)
  if (!previous || previous.project_id !== project.id)
    return { previous: null, problem: 'The cycle this one follows is not a cycle of this project' }
  const follow = canFollow(pdsaCycle(previous), changeIdeaId)
  if (!follow.ok) return { previous, problem: follow.message }
  const siblings = await listPdsaCycles(db, actor.orgId, project.id)
  const follower = siblings.find((c) => c.previous_id === previous.id)
  if (follower) return { previous, problem: `“${follower.title}” already follows this cycle: plan after that one` }
  return { previous, problem: null }
}

export interface PdsaPlanForm {
  project: QiProjectRow
  /** The change idea asked for, or null when the form must ask which. */
  changeIdea: ChangeIdeaRow | null
  changeIdeas: ChangeIdeaRow[]
  previous: PdsaRow | null
  /** Why the cycle cannot follow `previous` (shown at once, and again if the form is sent). */
  followError: string | null
  linkable: MeasureRow[]
  /** The measures of the driver the change idea serves (and of its primary driver): ticked on a new form. */
  suggestedMeasureIds: string[]
}

/**
 * What the plan form needs. `changeIdeaId` and `afterId` come from the address, where an unknown change idea
 * or previous cycle is not found; when the form is shown again after a mistake (`unknown: 'ignore'`), an
 * unknown one is left out instead (the field error says why).
 */
export async function pdsaPlanForm(
  db: Db,
  actor: Actor,
  projectId: string,
  changeIdeaId: string | null,
  afterId: string | null,
  options: { unknown: 'not-found' | 'ignore' } = { unknown: 'not-found' }
): Promise<PdsaPlanForm> {
  const project = await projectOf(db, actor, projectId)
  if ((await pdsaAccess(db, actor, project.id)) !== 'lead') throw new ForbiddenError('qi_pdsa')
  const changeIdeas = await listChangeIdeas(db, actor.orgId, project.id)
  let changeIdea: ChangeIdeaRow | null = null
  if (changeIdeaId !== null) {
    changeIdea = changeIdeas.find((c) => c.id === changeIdeaId) ?? null
    if (!changeIdea && options.unknown === 'not-found') throw new NotFoundError('qi_change_idea')
  }
  let previous: PdsaRow | null = null
  let followError: string | null = null
  const after = afterId !== null ? await findPdsa(db, actor.orgId, afterId) : undefined
  if (afterId !== null && (!after || after.project_id !== project.id) && options.unknown === 'not-found')
    throw new NotFoundError('qi_pdsa')
  if (after && after.project_id === project.id) {
    const f = await followProblem(db, actor, project, changeIdea?.id ?? after.change_idea_id, after.id)
    previous = f.previous
    followError = f.problem
    changeIdea ??= changeIdeas.find((c) => c.id === after.change_idea_id) ?? null
  }
  const linkable = await linkableMeasures(db, actor, project)
  let suggestedMeasureIds: string[] = []
  const idea = changeIdea
  if (idea) {
    const drivers = await listDrivers(db, actor.orgId, project.id)
    const driver = drivers.find((d) => d.id === idea.driver_id)
    const driverIds = [driver?.id, driver?.parent_id].filter((id): id is string => Boolean(id))
    const links = await listDriverMeasures(db, actor.orgId, project.id)
    suggestedMeasureIds = linkable
      .filter((m) => links.some((l) => l.measure_id === m.id && driverIds.includes(l.driver_id)))
      .map((m) => m.id)
  }
  return { project, changeIdea, changeIdeas, previous, followError, linkable, suggestedMeasureIds }
}

export async function planPdsa(db: Db, actor: Actor, projectId: string, input: NewPdsa): Promise<PlanPdsaResult> {
  const project = await projectOf(db, actor, projectId)
  if ((await pdsaAccess(db, actor, project.id)) !== 'lead') throw new ForbiddenError('qi_pdsa')
  const errors: FieldError[] = []
  const changeIdea = await findChangeIdea(db, actor.orgId, input.changeIdeaId)
  if (!changeIdea || changeIdea.project_id !== project.id)
    errors.push({ field: 'changeIdeaId', text: 'Select the change idea this cycle tests' })
  if (input.previousId !== null && changeIdea && changeIdea.project_id === project.id) {
    const { problem } = await followProblem(db, actor, project, changeIdea.id, input.previousId)
    if (problem) errors.push({ field: 'previousId', text: problem })
  }
  const plan = await checkPlan(db, actor, input)
  errors.push(...plan.errors)
  if (errors.length || !changeIdea) return { ok: false, errors }
  const pdsa = await insertPdsa(db, {
    org_id: actor.orgId,
    project_id: project.id,
    change_idea_id: changeIdea.id,
    previous_id: input.previousId,
    title: input.title.trim(),
    purpose: input.purpose,
    objective: input.objective.trim(),
    questions: JSON.stringify(keptQuestions(input.questions)),
    tasks: JSON.stringify(keptTasks(input.tasks)),
    data_plan: input.dataPlan,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    created_by: actor.userId
  })
  await setPdsaMeasures(
    db,
    actor.orgId,
    pdsa.id,
    plan.measures.map((m) => m.id)
  )
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'qi_pdsa',
    entityId: pdsa.id,
    detail: {
      projectId: project.id,
      changeIdeaId: changeIdea.id,
      previousId: input.previousId,
      measures: plan.measures.length
    }
  })
  return { ok: true, pdsa }
}
