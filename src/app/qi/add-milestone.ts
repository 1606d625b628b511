/** Adds a milestone to a project's timeline. Entry point: POST /projects/:projectId/milestones. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProject } from '../../db/repositories/projects.js'
import { insertMilestone, markMilestoneDone } from '../../db/repositories/qi-workspace.js'
import { auditFields, type Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export async function addMilestone(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { title: string; dueOn: string }
): Promise<void> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const m = await insertMilestone(db, {
    org_id: actor.orgId,
    project_id: project.id,
    title: input.title,
    due_on: input.dueOn
  })
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'qi_milestone', entityId: m.id })
}

/** Marks a milestone done today (or not done again). Entry point: POST /projects/:projectId/milestones/:id/done. */
export async function completeMilestone(
  db: Db,
  actor: Actor,
  projectId: string,
  milestoneId: string,
  doneOn: string | null
): Promise<void> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  if (!(await markMilestoneDone(db, actor.orgId, project.id, milestoneId, doneOn)))
    throw new NotFoundError('qi_milestone')
  await recordAudit(db, { ...auditFields(actor), action: 'update', entityType: 'qi_milestone', entityId: milestoneId })
}
