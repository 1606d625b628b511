/**
 * One PDSA cycle as its worksheet page shows it: the cycle with the IHI worksheet's fields, its project and
 * change idea, the ramp it is part of (the chain of cycles testing the change idea), the measures whose charts
 * show it, and what the actor may do with it. NotFoundError for a cycle of another organisation or another
 * project, or none. Read-only (a cycle is not patient data, so viewing is not audited).
 * Entry point: GET /projects/:projectId/pdsa/:pdsaId.
 *
 * Also the PDSA rules shared by plan-pdsa.ts and update-pdsa.ts: the row as the domain's cycle, and who may
 * do what. Actors with `measures:write` (admins, QI leads, analysts) plan, record and decide; a clinician or
 * champion who is a member of the project may record what happened and what was learned (the do and study
 * fields), not plan or decide; everyone else reads.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { parseJsonColumn } from '../../db/json-column.js'
import { findMeasure, listMeasures, type MeasureRow } from '../../db/repositories/measures.js'
import { findProject, type QiProjectRow } from '../../db/repositories/projects.js'
import {
  findChangeIdea,
  findPdsa,
  listMemberIds,
  listPdsaCycles,
  listPdsaMeasureIds,
  type ChangeIdeaRow,
  type PdsaRow
} from '../../db/repositories/qi-workspace.js'
import { canFollow, ramps, type PdsaCycle, type PdsaQuestion, type PdsaTask } from '../../domain/qi/workspace/pdsa.js'
import { can, isRole } from '../../domain/staff/roles.js'
import type { Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** What the actor may do with a project's cycles: everything, record observations, or read. */
export type PdsaAccess = 'lead' | 'member' | 'reader'

/** Roles that may record observations on the cycles of a project they are a member of. */
export const OBSERVER_ROLES: readonly string[] = ['clinician', 'champion']

export async function pdsaAccess(db: Db, actor: Actor, projectId: string): Promise<PdsaAccess> {
  if (actor.role === 'operator') return 'lead'
  if (!isRole(actor.role)) return 'reader'
  if (can(actor.role, 'measures:write')) return 'lead'
  if (OBSERVER_ROLES.includes(actor.role) && actor.userId !== null) {
    const members = await listMemberIds(db, actor.orgId, projectId)
    if (members.includes(actor.userId)) return 'member'
  }
  return 'reader'
}

/** The stored row as the domain's cycle. */
export function pdsaCycle(row: PdsaRow): PdsaCycle {
  return {
    id: row.id,
    previousId: row.previous_id,
    changeIdeaId: row.change_idea_id,
    title: row.title,
    purpose: row.purpose,
    objective: row.objective,
    questions: parseJsonColumn<PdsaQuestion[]>(row.questions) ?? [],
    tasks: parseJsonColumn<PdsaTask[]>(row.tasks) ?? [],
    dataPlan: row.data_plan,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    stage: row.stage,
    asPlanned: row.as_planned,
    observations: row.observations,
    problems: row.problems,
    results: row.results,
    learned: row.learned,
    decision: row.decision,
    nextSteps: row.next_steps
  }
}

/** The optimistic-update token of a cycle: the time it was last saved. */
export const pdsaVersion = (row: Pick<PdsaRow, 'updated_at'>): string => new Date(row.updated_at).toISOString()

/** The project of the organisation, or NotFoundError (a malformed id too). */
export async function projectOf(db: Db, actor: Actor, projectId: string): Promise<QiProjectRow> {
  return found(await findProject(db, actor.orgId, projectId), 'qi_project')
}

/** A cycle of the project, or NotFoundError (another project's cycle is not found either). */
export async function cycleOf(db: Db, actor: Actor, project: QiProjectRow, pdsaId: string): Promise<PdsaRow> {
  const row = await findPdsa(db, actor.orgId, pdsaId)
  if (!row || row.project_id !== project.id) throw new NotFoundError('qi_pdsa')
  return row
}

/** The measures a cycle may be linked to on the form: the project's, then any others already linked. */
export async function linkableMeasures(
  db: Db,
  actor: Actor,
  project: QiProjectRow,
  linkedIds: readonly string[] = []
): Promise<MeasureRow[]> {
  const mine = await listMeasures(db, actor.orgId, { projectId: project.id })
  const others: MeasureRow[] = []
  for (const id of linkedIds) {
    if (mine.some((m) => m.id === id)) continue
    const m = await findMeasure(db, actor.orgId, id)
    if (m) others.push(m)
  }
  return [...mine, ...others]
}

export interface RampStep {
  id: string
  title: string
  stage: PdsaCycle['stage']
  startsOn: string
  decision: PdsaCycle['decision']
}

export interface PdsaView {
  project: QiProjectRow
  changeIdea: ChangeIdeaRow
  row: PdsaRow
  cycle: PdsaCycle
  version: string
  /** The ramp this cycle is in, from its first cycle, this one included. */
  ramp: RampStep[]
  /** The cycle that follows this one, if one was planned. */
  next: RampStep | null
  /** The measures whose charts show this cycle. */
  measures: MeasureRow[]
  /** The measures the plan's checkboxes offer. */
  linkable: MeasureRow[]
  access: PdsaAccess
  /** A lead may plan the next cycle: this one reached act without abandoning the change, and none follows yet. */
  canPlanNext: boolean
}

export async function viewPdsa(db: Db, actor: Actor, projectId: string, pdsaId: string): Promise<PdsaView> {
  const project = await projectOf(db, actor, projectId)
  const row = await cycleOf(db, actor, project, pdsaId)
  const cycle = pdsaCycle(row)
  const changeIdea = found(await findChangeIdea(db, actor.orgId, row.change_idea_id), 'qi_change_idea')
  const siblings = (await listPdsaCycles(db, actor.orgId, project.id))
    .filter((r) => r.change_idea_id === row.change_idea_id)
    .map(pdsaCycle)
  const chain = ramps(siblings).find((r) => r.some((c) => c.id === cycle.id)) ?? [cycle]
  const step = (c: PdsaCycle): RampStep => ({
    id: c.id,
    title: c.title,
    stage: c.stage,
    startsOn: c.startsOn,
    decision: c.decision
  })
  const follower = siblings.find((c) => c.previousId === cycle.id)
  const measureIds = await listPdsaMeasureIds(db, actor.orgId, row.id)
  const linkable = await linkableMeasures(db, actor, project, measureIds)
  const access = await pdsaAccess(db, actor, project.id)
  return {
    project,
    changeIdea,
    row,
    cycle,
    version: pdsaVersion(row),
    ramp: chain.map(step),
    next: follower ? step(follower) : null,
    measures: linkable.filter((m) => measureIds.includes(m.id)),
    linkable,
    access,
    canPlanNext: access === 'lead' && !follower && canFollow(cycle, cycle.changeIdeaId).ok
  }
}
