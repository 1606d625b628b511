/**
 * Sharing a project with a programme of the organisation's system, and which of its measures go with it.
 * Only the project's own organisation shares it (row-level security holds the share rows to it); another
 * organisation then sees the project's title, status, aim and latest progress score, and the charts of the
 * measures chosen here, small numbers suppressed; nothing else of the project.
 * Entry points: GET and POST /projects/:projectId/share, POST /projects/:projectId/share/:programmeId/remove.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { listMeasures, type MeasureRow } from '../../db/repositories/measures.js'
import { findProject, type QiProjectRow } from '../../db/repositories/projects.js'
import {
  deleteShare,
  findProgramme,
  listProgrammes,
  listSharesOfProject,
  upsertShare,
  type ProgrammeListRow,
  type ShareRow
} from '../../db/repositories/programmes.js'
import { auditFields, type Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'
import type { FieldResult } from './change-driver-diagram.js'
import { systemOf } from './programmes.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ProjectSharing {
  project: QiProjectRow
  measures: MeasureRow[]
  programmes: ProgrammeListRow[]
  shares: ShareRow[]
}

export async function viewProjectSharing(db: Db, actor: Actor, projectId: string): Promise<ProjectSharing> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const [measures, programmes, shares] = await Promise.all([
    listMeasures(db, actor.orgId, { projectId: project.id }),
    listProgrammes(db, await systemOf(db, actor)),
    listSharesOfProject(db, actor.orgId, project.id)
  ])
  return { project, measures, programmes, shares }
}

export async function shareProject(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { programmeId: string; measureIds: string[] }
): Promise<FieldResult> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const programme = await findProgramme(db, await systemOf(db, actor), input.programmeId)
  if (!programme) return { ok: false, errors: [{ field: 'programmeId', text: 'Select a programme of your system' }] }
  const own = new Set((await listMeasures(db, actor.orgId, { projectId: project.id })).map((m) => m.id))
  if (input.measureIds.some((id) => !own.has(id)))
    return { ok: false, errors: [{ field: 'measureIds', text: 'Select measures of this project only' }] }
  await upsertShare(db, {
    org_id: actor.orgId,
    programme_id: programme.id,
    project_id: project.id,
    measure_ids: [...new Set(input.measureIds)],
    shared_by: actor.userId
  })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'qi_programme_project',
    entityId: project.id,
    detail: { programmeId: programme.id, measures: input.measureIds.length }
  })
  return { ok: true }
}

export async function stopSharing(db: Db, actor: Actor, projectId: string, programmeId: string): Promise<void> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  if (!(await deleteShare(db, actor.orgId, project.id, programmeId))) throw new NotFoundError('qi_programme_project')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'delete',
    entityType: 'qi_programme_project',
    entityId: project.id,
    detail: { programmeId }
  })
}
