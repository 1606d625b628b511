/**
 * Creates a project from a template (today: Digital inclusion): the project with its aim, the driver
 * diagram with the change ideas, the milestones from the seed's phases, and the template's derived measures
 * under the project, linked to the drivers they measure. A derived measure the organisation already has and
 * that belongs to no project moves under this one; one that belongs to another project is added again under a
 * name that says which project it is for. Entry point: POST /projects/new with a template.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findMeasureByName, insertMeasure, listMeasures } from '../../db/repositories/measures.js'
import { updateProject, type QiProjectRow } from '../../db/repositories/projects.js'
import {
  insertChangeIdea,
  insertDriver,
  insertMilestone,
  linkDriverMeasure
} from '../../db/repositories/qi-workspace.js'
import { findDerivedMeasure } from '../../domain/qi/measures/index.js'
import { addMonths, digitalInclusionTemplate, type ProjectTemplate } from '../../domain/qi/workspace/template.js'
import { auditFields, type Actor } from '../actor.js'
import type { DerivedMeasureKey } from '../../domain/qi/measures/derived-measures.js'

type Db = Kysely<Database> | Transaction<Database>

export const TEMPLATES: Record<string, ProjectTemplate> = { [digitalInclusionTemplate.key]: digitalInclusionTemplate }

/** Fills an existing, empty project from the template. `startOn` is the project's start (ISO date). */
export async function applyTemplate(
  db: Db,
  actor: Actor,
  project: QiProjectRow,
  template: ProjectTemplate,
  startOn: string
): Promise<void> {
  const measureIds = await templateMeasures(db, actor, project, [
    ...template.measures,
    ...template.drivers.flatMap((d) => [...d.measures, ...d.secondaries.flatMap((s) => s.measures)])
  ])
  const measureOf = (key: DerivedMeasureKey): string => {
    const id = measureIds.get(key)
    if (!id) throw new Error(`template measure ${key} was not created`)
    return id
  }
  for (const [i, d] of template.drivers.entries()) {
    const primary = await insertDriver(db, {
      org_id: actor.orgId,
      project_id: project.id,
      parent_id: null,
      title: d.title,
      position: i
    })
    for (const key of d.measures) await linkDriverMeasure(db, actor.orgId, primary.id, measureOf(key))
    for (const [j, s] of d.secondaries.entries()) {
      const secondary = await insertDriver(db, {
        org_id: actor.orgId,
        project_id: project.id,
        parent_id: primary.id,
        title: s.title,
        position: j
      })
      for (const key of s.measures) await linkDriverMeasure(db, actor.orgId, secondary.id, measureOf(key))
      for (const [k, title] of s.changeIdeas.entries())
        await insertChangeIdea(db, {
          org_id: actor.orgId,
          project_id: project.id,
          driver_id: secondary.id,
          title,
          position: k
        })
    }
  }
  for (const m of template.milestones)
    await insertMilestone(db, {
      org_id: actor.orgId,
      project_id: project.id,
      title: m.title,
      due_on: addMonths(startOn, m.monthsFromStart)
    })
  await updateProject(db, actor.orgId, project.id, { template: template.key })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'qi_project',
    entityId: project.id,
    detail: { template: template.key }
  })
}

/** The template's measures for the project, by derived key. */
async function templateMeasures(
  db: Db,
  actor: Actor,
  project: QiProjectRow,
  keys: readonly DerivedMeasureKey[]
): Promise<Map<string, string>> {
  const existing = await listMeasures(db, actor.orgId)
  const ids = new Map<string, string>()
  for (const key of new Set(keys)) {
    const definition = findDerivedMeasure(key)
    if (!definition) throw new Error(`template names an unknown derived measure ${key}`)
    const free = existing.find((m) => m.derived_key === key && m.project_id === null)
    if (free) {
      await db
        .updateTable('measure')
        .set({ project_id: project.id })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', free.id)
        .execute()
      ids.set(key, free.id)
      continue
    }
    let name = definition.name
    if (await findMeasureByName(db, actor.orgId, name)) name = `${definition.name} (${project.name})`.slice(0, 200)
    const measure = await insertMeasure(db, {
      org_id: actor.orgId,
      name,
      project_id: project.id,
      team_id: project.team_id,
      type: definition.type,
      source: 'derived',
      derived_key: key,
      numerator: definition.numerator,
      denominator: definition.denominator,
      inclusions: definition.inclusions,
      exclusions: definition.exclusions,
      frequency: 'monthly',
      improvement: definition.improvement,
      target: null,
      unit: definition.unit,
      owner: null,
      notes: definition.available ? null : (definition.unavailableReason ?? null)
    })
    ids.set(key, measure.id)
  }
  return ids
}
