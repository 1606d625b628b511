/** Adds a milestone to a project's timeline. Entry point: POST /projects/:projectId/milestones. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProject } from '../../db/repositories/projects.js'
import { insertMilestone, markMilestoneDone } from '../../db/repositories/qi-workspace.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { auditFields, type Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export async function addMilestone(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { title: string; dueOn: string }
): Promise<void> {
  const project = found(isUuid(projectId) ? await findProject(db, actor.orgId, projectId) : undefined, 'qi_project')
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
  const project = found(isUuid(projectId) ? await findProject(db, actor.orgId, projectId) : undefined, 'qi_project')
  const rows = await db
    .selectFrom('qi_milestone')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('project_id', '=', project.id)
    .where('id', '=', isUuid(milestoneId) ? milestoneId : '00000000-0000-0000-0000-000000000000')
    .execute()
  if (!rows.length || !(await markMilestoneDone(db, actor.orgId, milestoneId, doneOn)))
    throw new NotFoundError('qi_milestone')
  await recordAudit(db, { ...auditFields(actor), action: 'update', entityType: 'qi_milestone', entityId: milestoneId })
}
