/**
 * The measures dashboard: the organisation's measures (optionally of one project or one team),
 * each with its series for the summary table, and the projects and teams to filter by. An id
 * that is not a project or team of the organisation filters nothing out of existence: the list
 * is simply empty (as before). Read-only. Entry point: GET /measures.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, Team } from '../../db/schema.js'
import { listMeasures } from '../../db/repositories/measures.js'
import { listTeams } from '../../db/repositories/organisations.js'
import type { QiProjectRow } from '../../db/repositories/projects.js'
import type { Actor } from '../actor.js'
import { listProjects } from '../qi/list-projects.js'
import { measureSeries, type MeasureSeries } from './view-measure.js'

export interface MeasuresDashboard {
  series: MeasureSeries[]
  projects: QiProjectRow[]
  teams: Team[]
  /** The project and team filtered by, when they are the organisation's. */
  project: QiProjectRow | null
  team: Team | null
}

export async function listMeasuresDashboard(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  filter: { projectId: string | null; teamId: string | null },
  today: string
): Promise<MeasuresDashboard> {
  const [measures, projects, teams] = await Promise.all([
    listMeasures(db, actor.orgId, filter),
    listProjects(db, actor),
    listTeams(db, actor.orgId)
  ])
  const series: MeasureSeries[] = []
  for (const measure of measures) series.push(await measureSeries(db, actor.orgId, measure, today))
  return {
    series,
    projects,
    teams,
    project: projects.find((p) => p.id === filter.projectId) ?? null,
    team: teams.find((t) => t.id === filter.teamId) ?? null
  }
}
