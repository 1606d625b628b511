/**
 * A programme's page: its aim, its system-wide measures, and what each organisation of the system shares
 * with it: each shared project's title, organisation, status, aim and latest progress score, and the
 * series of the measures chosen to go with it, small numbers suppressed (whoever reads it, the project's
 * own organisation included: the page shows what everyone sees). Nothing else of a shared project is read.
 *
 * It reads other organisations' rows, so the caller passes the service's own connection (outside
 * row-level security, like the system-wide measures); every query names the programme's system or the
 * sharing organisation, and a programme of another system is not found. Read-only, aggregate: no patient
 * data, so not audited. Entry point: GET /programmes/:programmeId.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findMeasure } from '../../db/repositories/measures.js'
import { findOrganisation } from '../../db/repositories/organisations.js'
import { findProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { findProgramme, listProgrammeShares, type ProgrammeRow } from '../../db/repositories/programmes.js'
import { listProgress, type ProgressRow } from '../../db/repositories/qi-workspace.js'
import {
  derivedMeasures,
  periodStartOf,
  suppressSmallNumbers,
  type DerivedMeasureDefinition,
  type PeriodFigure
} from '../../domain/qi/measures/index.js'
import type { Actor } from '../actor.js'
import { found } from '../errors.js'
import { derivedMeasureFigures } from '../measures/measure-figures.js'
import { measureSeries, type MeasureSeries } from '../measures/view-measure.js'
import { systemOf } from './programmes.js'

type Db = Kysely<Database> | Transaction<Database>

export interface SharedProject {
  orgId: string
  orgName: string
  project: Pick<QiProjectRow, 'id' | 'name' | 'status' | 'aim' | 'start_on' | 'end_on' | 'aim_by_when'>
  latestProgress: Pick<ProgressRow, 'score' | 'set_on'> | null
  /** The measures shared with the programme, their figures suppressed. */
  series: MeasureSeries[]
  /** True for the reader's own organisation's projects (they may change what is shared). */
  own: boolean
}

export interface ProgrammeView {
  programme: ProgrammeRow
  leadOrgName: string
  systemMeasures: { definition: DerivedMeasureDefinition; figures: PeriodFigure[] }[]
  shared: SharedProject[]
  isLead: boolean
}

export async function viewProgramme(db: Db, actor: Actor, programmeId: string, today: string): Promise<ProgrammeView> {
  const programme = found(await findProgramme(db, await systemOf(db, actor), programmeId), 'qi_programme')
  const lead = await findOrganisation(db, programme.lead_org_id)
  const systemMeasures: ProgrammeView['systemMeasures'] = []
  for (const definition of derivedMeasures) {
    if (!definition.available || !programme.measure_keys.includes(definition.key)) continue
    const figures = await derivedMeasureFigures(
      db,
      definition.key,
      { kind: 'system', systemId: programme.system_id },
      { frequency: 'monthly', before: periodStartOf(today, 'monthly') }
    )
    systemMeasures.push({ definition, figures })
  }
  const shared: SharedProject[] = []
  for (const share of await listProgrammeShares(db, programme)) {
    const project = await findProject(db, share.org_id, share.project_id)
    if (!project) continue
    const progress = await listProgress(db, share.org_id, project.id)
    const latest = progress[progress.length - 1]
    const series: MeasureSeries[] = []
    for (const measureId of share.measure_ids) {
      const measure = await findMeasure(db, share.org_id, measureId)
      // a measure moved to another project since it was shared no longer goes with this one
      if (!measure || measure.project_id !== project.id) continue
      const s = await measureSeries(db, share.org_id, measure, today)
      series.push({ ...s, figures: suppressSmallNumbers(s.figures) })
    }
    shared.push({
      orgId: share.org_id,
      orgName: share.org_name,
      project: {
        id: project.id,
        name: project.name,
        status: project.status,
        aim: project.aim,
        start_on: project.start_on,
        end_on: project.end_on,
        aim_by_when: project.aim_by_when
      },
      latestProgress: latest ? { score: latest.score, set_on: latest.set_on } : null,
      series,
      own: share.org_id === actor.orgId
    })
  }
  return {
    programme,
    leadOrgName: lead?.name ?? 'Unknown',
    systemMeasures,
    shared,
    isLead: programme.lead_org_id === actor.orgId
  }
}
