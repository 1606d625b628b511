/**
 * One quality improvement project with its family of measures (outcome, process, balancing).
 * Throws NotFoundError for a project of another organisation or none. For the QI workspace's
 * project page; today the project's page is the measures dashboard filtered by `?project=`,
 * which tolerates an unknown id (it shows all measures' heading and an empty list).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { listMeasures, type MeasureRow } from '../../db/repositories/measures.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { found, NotFoundError } from '../errors.js'
import type { Actor } from '../actor.js'

export interface ProjectView {
  project: QiProjectRow
  measures: MeasureRow[]
}

export async function viewProject(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  projectId: string
): Promise<ProjectView> {
  if (!isUuid(projectId)) throw new NotFoundError('qi_project')
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const measures = await listMeasures(db, actor.orgId, { projectId: project.id })
  return { project, measures }
}
