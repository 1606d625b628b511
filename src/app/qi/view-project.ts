/**
 * One quality improvement project as its workspace: the project and its aim, its family of measures (with
 * their series for the summary table), the driver diagram, the PDSA cycles, the milestones, the progress
 * scores, and the evidence for the suggested progress score. Throws NotFoundError for a project of another
 * organisation or none. Read-only. Entry point: GET /projects/:projectId.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { listMeasures } from '../../db/repositories/measures.js'
import {
  listChangeIdeas,
  listDriverMeasures,
  listDrivers,
  listMembers,
  listMilestones,
  listPdsaCycles,
  listProgress,
  type ChangeIdeaRow,
  type DriverRow,
  type MemberRow,
  type MilestoneRow,
  type PdsaRow,
  type ProgressRow
} from '../../db/repositories/qi-workspace.js'
import { findStaff } from '../../db/repositories/staff.js'
import { found } from '../errors.js'
import type { Actor } from '../actor.js'
import { measureSeries, type MeasureSeries } from '../measures/view-measure.js'

export interface ProjectView {
  project: QiProjectRow
  ownerName: string | null
  series: MeasureSeries[]
  drivers: DriverRow[]
  changeIdeas: ChangeIdeaRow[]
  driverMeasures: { driver_id: string; measure_id: string }[]
  cycles: PdsaRow[]
  milestones: MilestoneRow[]
  progress: ProgressRow[]
  members: MemberRow[]
}

export async function viewProject(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  projectId: string,
  today: string
): Promise<ProjectView> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const measures = await listMeasures(db, actor.orgId, { projectId: project.id })
  const series: MeasureSeries[] = []
  for (const m of measures) series.push(await measureSeries(db, actor.orgId, m, today))
  const [drivers, changeIdeas, driverMeasures, cycles, milestones, progress, members] = await Promise.all([
    listDrivers(db, actor.orgId, project.id),
    listChangeIdeas(db, actor.orgId, project.id),
    listDriverMeasures(db, actor.orgId, project.id),
    listPdsaCycles(db, actor.orgId, project.id),
    listMilestones(db, actor.orgId, project.id),
    listProgress(db, actor.orgId, project.id),
    listMembers(db, actor.orgId, project.id)
  ])
  const ownerName = project.owner_id
    ? ((await findStaff(db, actor.orgId, project.owner_id))?.display_name ?? null)
    : null
  return { project, ownerName, series, drivers, changeIdeas, driverMeasures, cycles, milestones, progress, members }
}
