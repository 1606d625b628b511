/**
 * One measure as its chart page and downloads need it: the measure, its figures, its
 * annotations, and the names of its project and team. NotFoundError for a measure of another
 * organisation or none. Read-only. Entry points: GET /measures/:measureId and its chart.svg,
 * chart.png and data.csv.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import {
  findMeasure,
  listAnnotations,
  type MeasureAnnotationRow,
  type MeasureRow
} from '../../db/repositories/measures.js'
import { findProject } from '../../db/repositories/projects.js'
import { listTeams } from '../../db/repositories/organisations.js'
import type { PeriodFigure } from '../../domain/qi/measures/index.js'
import { isUuid } from '../../domain/shared/uuid.js'
import type { Actor } from '../actor.js'
import { found } from '../errors.js'
import { measureFigures } from './measure-figures.js'

type Db = Kysely<Database> | Transaction<Database>

export interface MeasureSeries {
  measure: MeasureRow
  figures: PeriodFigure[]
  annotations: MeasureAnnotationRow[]
}

export interface MeasureView extends MeasureSeries {
  projectName: string | null
  teamName: string | null
}

/** A measure's figures and annotations (the chart's series); `today` leaves out a derived measure's current period. */
export async function measureSeries(db: Db, orgId: string, measure: MeasureRow, today: string): Promise<MeasureSeries> {
  const figures = await measureFigures(db, orgId, measure, today)
  const annotations = await listAnnotations(db, orgId, measure.id)
  return { measure, figures, annotations }
}

/** The measure and its series only (for the downloads). */
export async function viewMeasureSeries(
  db: Db,
  actor: Actor,
  measureId: string,
  today: string
): Promise<MeasureSeries> {
  const measure = found(isUuid(measureId) ? await findMeasure(db, actor.orgId, measureId) : undefined, 'measure')
  return measureSeries(db, actor.orgId, measure, today)
}

export async function viewMeasure(db: Db, actor: Actor, measureId: string, today: string): Promise<MeasureView> {
  const series = await viewMeasureSeries(db, actor, measureId, today)
  const { project_id: projectId, team_id: teamId } = series.measure
  const project = projectId ? await findProject(db, actor.orgId, projectId) : undefined
  const team = teamId ? (await listTeams(db, actor.orgId)).find((t) => t.id === teamId) : undefined
  return { ...series, projectName: project?.name ?? null, teamName: team?.name ?? null }
}
