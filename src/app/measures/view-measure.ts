/**
 * One measure as its chart page and downloads need it: the measure, its figures, its
 * annotations, and the names of its project and team. NotFoundError for a measure of another
 * organisation or none. Read-only. Entry points: GET /measures/:measureId and its chart.svg,
 * chart.png and data.csv.
 *
 * The annotations are the measure's own (PDSA cycles, rebases and notes typed on the annotation form) and,
 * automatically, every PDSA cycle linked to the measure (qi_pdsa_measure): a PDSA annotation at the cycle's
 * start date labelled "PDSA 2: Text reminders (test)", numbered in start order among the measure's cycles,
 * carrying the cycle's id and project so the page can link back to its worksheet.
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
import { listMeasurePdsaCycles } from '../../db/repositories/qi-workspace.js'
import type { PeriodFigure } from '../../domain/qi/measures/index.js'
import { annotationLabel, type PdsaStage } from '../../domain/qi/workspace/pdsa.js'
import { isUuid } from '../../domain/shared/uuid.js'
import type { Actor } from '../actor.js'
import { found } from '../errors.js'
import { measureFigures } from './measure-figures.js'

type Db = Kysely<Database> | Transaction<Database>

/** An annotation on a measure's chart: one of its own rows, or a PDSA cycle linked to it (`pdsa`). */
export interface MeasureAnnotation extends Pick<MeasureAnnotationRow, 'on_date' | 'kind' | 'label'> {
  pdsa: { id: string; projectId: string; stage: PdsaStage } | null
}

export interface MeasureSeries {
  measure: MeasureRow
  figures: PeriodFigure[]
  /** Oldest first (ties: the measure's own first), the order the chart numbers them in. */
  annotations: MeasureAnnotation[]
}

/** The measure's own annotations and its linked PDSA cycles, in date order. */
export async function measureAnnotations(db: Db, orgId: string, measureId: string): Promise<MeasureAnnotation[]> {
  const own = (await listAnnotations(db, orgId, measureId)).map((a): MeasureAnnotation => ({
    on_date: a.on_date,
    kind: a.kind,
    label: a.label,
    pdsa: null
  }))
  const cycles = (await listMeasurePdsaCycles(db, orgId, measureId)).sort(
    (a, b) =>
      a.starts_on.localeCompare(b.starts_on) || new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  )
  const linked = cycles.map((c, i): MeasureAnnotation => ({
    on_date: c.starts_on,
    kind: 'pdsa',
    label: annotationLabel(c, i + 1),
    pdsa: { id: c.id, projectId: c.project_id, stage: c.stage }
  }))
  // a stable sort: the chart numbers annotations in this order, and the table below it follows
  return [...own, ...linked].sort((a, b) => a.on_date.localeCompare(b.on_date))
}

export interface MeasureView extends MeasureSeries {
  projectName: string | null
  teamName: string | null
}

/** A measure's figures and annotations (the chart's series); `today` leaves out a derived measure's current period. */
export async function measureSeries(db: Db, orgId: string, measure: MeasureRow, today: string): Promise<MeasureSeries> {
  const figures = await measureFigures(db, orgId, measure, today)
  const annotations = await measureAnnotations(db, orgId, measure.id)
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
