/**
 * Records the team's IHI progress score for a project, with the reason (it may differ from Reach's
 * suggestion; the reason says why). Entry point: POST /projects/:projectId/progress.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProject } from '../../db/repositories/projects.js'
import { insertProgress } from '../../db/repositories/qi-workspace.js'
import { isProgressScore } from '../../domain/qi/workspace/progress.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

export async function setProgressScore(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  projectId: string,
  input: { score: number; reason: string; setOn: string }
): Promise<void> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  if (!isProgressScore(input.score)) throw new RangeError('a progress score is 0.5 to 5.0 in steps of 0.5')
  const row = await insertProgress(db, {
    org_id: actor.orgId,
    project_id: project.id,
    score: input.score,
    reason: input.reason,
    set_on: input.setOn,
    set_by: actor.userId
  })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'qi_progress',
    entityId: row.id,
    detail: { score: input.score }
  })
}
