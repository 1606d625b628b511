/**
 * Saves a PDSA cycle's worksheet: the fields of the stages it has reached (the current stage and the ones
 * before it; fields of stages ahead are not taken), and, when asked, moves it to the next stage. A move needs
 * the stage it leaves filled in (domain `advance`); what is missing comes back as field errors and nothing is
 * written. Who may do what (view-pdsa.ts, `pdsaAccess`): a lead saves everything and moves the cycle on; a
 * clinician or champion who is a member of the project saves the do and study fields (as planned,
 * observations, problems, results, what was learned) only; anyone else, or a member sending the plan or the
 * decision or asking to move, gets ForbiddenError. A form opened before someone else saved the cycle
 * (`version`) is refused with ConflictError. Audited. Entry point: POST /projects/:projectId/pdsa/:pdsaId.
 */
import type { Kysely, Transaction, Updateable } from 'kysely'
import type { Database, QiPdsaTable } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { setPdsaMeasures, updatePdsa, type PdsaRow } from '../../db/repositories/qi-workspace.js'
import {
  advance,
  editableStages,
  type PdsaCycle,
  type PdsaDecision,
  type PdsaStage
} from '../../domain/qi/workspace/pdsa.js'
import { auditFields, type Actor } from '../actor.js'
import { ConflictError, ForbiddenError } from '../errors.js'
import { checkPlan, keptQuestions, keptTasks, type FieldError, type PdsaPlan } from './plan-pdsa.js'
import { cycleOf, pdsaAccess, pdsaCycle, pdsaVersion, projectOf } from './view-pdsa.js'

type Db = Kysely<Database> | Transaction<Database>

export interface PdsaDoFields {
  asPlanned: boolean | null
  observations: string | null
  problems: string | null
}
export interface PdsaStudyFields {
  results: string | null
  learned: string | null
}
export interface PdsaActFields {
  decision: PdsaDecision | null
  nextSteps: string | null
}

/** The sections the form sent; a section left out is not changed. */
export interface PdsaUpdate {
  plan?: PdsaPlan
  do?: PdsaDoFields
  study?: PdsaStudyFields
  act?: PdsaActFields
  /** Move to the next stage after saving. */
  advance: boolean
  /** The version the form was opened at (view-pdsa's `version`); when given, it must still be the cycle's. */
  version?: string | null
}

export type UpdatePdsaResult =
  { ok: true; pdsa: PdsaRow; movedTo: PdsaStage | null } | { ok: false; errors: FieldError[] }

export async function updatePdsaCycle(
  db: Db,
  actor: Actor,
  projectId: string,
  pdsaId: string,
  input: PdsaUpdate
): Promise<UpdatePdsaResult> {
  const project = await projectOf(db, actor, projectId)
  const row = await cycleOf(db, actor, project, pdsaId)
  const access = await pdsaAccess(db, actor, project.id)
  if (access === 'reader') throw new ForbiddenError('qi_pdsa')
  if (access === 'member' && (input.plan || input.act || input.advance))
    throw new ForbiddenError('qi_pdsa', 'a project member may record observations and learning, not plan or decide')
  if (input.version && input.version !== pdsaVersion(row)) throw new ConflictError('qi_pdsa')

  const cycle = pdsaCycle(row)
  const editable = editableStages(cycle.stage)
  const plan = editable.includes('plan') ? input.plan : undefined
  const doFields = editable.includes('do') ? input.do : undefined
  const study = editable.includes('study') ? input.study : undefined
  const act = editable.includes('act') ? input.act : undefined

  const errors: FieldError[] = []
  const checked = plan ? await checkPlan(db, actor, plan) : null
  if (checked) errors.push(...checked.errors)

  const changes: Updateable<QiPdsaTable> = {}
  const merged: PdsaCycle = { ...cycle }
  if (plan) {
    Object.assign(merged, {
      title: plan.title.trim(),
      purpose: plan.purpose,
      objective: plan.objective.trim(),
      questions: keptQuestions(plan.questions),
      tasks: keptTasks(plan.tasks),
      dataPlan: plan.dataPlan,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn
    })
    Object.assign(changes, {
      title: merged.title,
      purpose: merged.purpose,
      objective: merged.objective,
      questions: JSON.stringify(merged.questions),
      tasks: JSON.stringify(merged.tasks),
      data_plan: merged.dataPlan,
      starts_on: merged.startsOn,
      ends_on: merged.endsOn
    })
  }
  if (doFields) {
    Object.assign(merged, doFields)
    Object.assign(changes, {
      as_planned: doFields.asPlanned,
      observations: doFields.observations,
      problems: doFields.problems
    })
  }
  if (study) {
    Object.assign(merged, study)
    Object.assign(changes, { results: study.results, learned: study.learned })
  }
  if (act) {
    Object.assign(merged, act)
    Object.assign(changes, { decision: act.decision, next_steps: act.nextSteps })
  }

  let movedTo: PdsaStage | null = null
  if (input.advance) {
    const move = advance(merged)
    if (move.ok) movedTo = move.stage
    else errors.push(...move.missing)
  }
  if (errors.length) return { ok: false, errors }
  if (movedTo) changes.stage = movedTo
  if (Object.keys(changes).length === 0) return { ok: true, pdsa: row, movedTo: null }

  const saved = await updatePdsa(db, actor.orgId, row.id, changes)
  if (checked)
    await setPdsaMeasures(
      db,
      actor.orgId,
      row.id,
      checked.measures.map((m) => m.id)
    )
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'qi_pdsa',
    entityId: row.id,
    detail: {
      projectId: project.id,
      sections: [plan && 'plan', doFields && 'do', study && 'study', act && 'act'].filter(Boolean).join(','),
      stage: saved.stage,
      ...(movedTo ? { from: cycle.stage } : {}),
      ...(checked ? { measures: checked.measures.length } : {})
    }
  })
  return { ok: true, pdsa: saved, movedTo }
}
