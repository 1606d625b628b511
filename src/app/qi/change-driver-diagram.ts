/**
 * Changes to a project's driver diagram, one use case per action: add a driver (primary, or secondary under
 * a primary), add a change idea under a driver, remove a driver (when things hang off it, the person chooses
 * to move them to another driver or to remove them too; never silently). Refusals are field errors.
 * Entry points: POST /projects/:projectId/drivers, /change-ideas, /drivers/:driverId/remove.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProject, type QiProjectRow } from '../../db/repositories/projects.js'
import {
  deleteDriver,
  deleteDriverTree,
  insertChangeIdea,
  insertDriver,
  listChangeIdeas,
  listDrivers,
  moveDriverChildren
} from '../../db/repositories/qi-workspace.js'
import { canBeParent, driverRemoval, moveTargetCheck } from '../../domain/qi/workspace/driver-tree.js'
import { auditFields, type Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>
export type FieldResult = { ok: true } | { ok: false; errors: { field: string; text: string }[] }

async function projectOf(db: Db, actor: Actor, projectId: string): Promise<QiProjectRow> {
  return found(await findProject(db, actor.orgId, projectId), 'qi_project')
}
const rows = async (db: Db, orgId: string, projectId: string) => {
  const [drivers, ideas] = await Promise.all([listDrivers(db, orgId, projectId), listChangeIdeas(db, orgId, projectId)])
  return {
    drivers,
    ideas,
    domainDrivers: drivers.map((d) => ({ id: d.id, parentId: d.parent_id, title: d.title, position: d.position })),
    domainIdeas: ideas.map((i) => ({ id: i.id, driverId: i.driver_id, title: i.title, position: i.position }))
  }
}

export async function addDriver(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { title: string; parentId: string | null }
): Promise<FieldResult> {
  const project = await projectOf(db, actor, projectId)
  const { drivers, domainDrivers } = await rows(db, actor.orgId, project.id)
  const check = canBeParent(domainDrivers, input.parentId)
  if (!check.ok) return { ok: false, errors: [{ field: 'parentId', text: check.message }] }
  const siblings = drivers.filter((d) => d.parent_id === input.parentId).length
  const driver = await insertDriver(db, {
    org_id: actor.orgId,
    project_id: project.id,
    parent_id: input.parentId,
    title: input.title,
    position: siblings
  })
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'qi_driver', entityId: driver.id })
  return { ok: true }
}

export async function addChangeIdea(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { title: string; driverId: string; description: string | null }
): Promise<FieldResult> {
  const project = await projectOf(db, actor, projectId)
  const { drivers, ideas } = await rows(db, actor.orgId, project.id)
  if (!drivers.some((d) => d.id === input.driverId))
    return { ok: false, errors: [{ field: 'driverId', text: 'Select the driver this change idea serves' }] }
  const idea = await insertChangeIdea(db, {
    org_id: actor.orgId,
    project_id: project.id,
    driver_id: input.driverId,
    title: input.title,
    description: input.description,
    position: ideas.filter((i) => i.driver_id === input.driverId).length
  })
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'qi_change_idea', entityId: idea.id })
  return { ok: true }
}

/** What removing a driver takes with it, for the confirmation page. */
export async function driverRemovalFor(db: Db, actor: Actor, projectId: string, driverId: string) {
  const project = await projectOf(db, actor, projectId)
  const { drivers, domainDrivers, domainIdeas } = await rows(db, actor.orgId, project.id)
  const driver = drivers.find((d) => d.id === driverId)
  if (!driver) throw new NotFoundError('qi_driver')
  const targets = drivers.filter(
    (d) => d.id !== driver.id && d.parent_id !== driver.id && moveTargetCheck(domainDrivers, driver.id, d.id).ok
  )
  return { project, driver, removal: driverRemoval(domainDrivers, domainIdeas, driver.id), targets }
}

export async function removeDriver(
  db: Db,
  actor: Actor,
  projectId: string,
  driverId: string,
  choice: { mode: 'move'; targetId: string } | { mode: 'delete' } | { mode: 'none' }
): Promise<FieldResult> {
  const { project, driver, removal } = await driverRemovalFor(db, actor, projectId, driverId)
  const { drivers, domainDrivers } = await rows(db, actor.orgId, project.id)
  if (!removal.empty && choice.mode === 'none')
    return {
      ok: false,
      errors: [{ field: 'mode', text: 'Choose what to do with the drivers and change ideas under it' }]
    }
  if (choice.mode === 'move') {
    const check = moveTargetCheck(domainDrivers, driver.id, choice.targetId)
    if (!check.ok) return { ok: false, errors: [{ field: 'targetId', text: check.message }] }
    const target = drivers.find((d) => d.id === choice.targetId)
    await moveDriverChildren(db, actor.orgId, driver.id, {
      parentId: target?.parent_id === null ? choice.targetId : null,
      driverId: choice.targetId
    })
    await deleteDriver(db, actor.orgId, driver.id)
  } else if (choice.mode === 'delete') await deleteDriverTree(db, actor.orgId, driver.id)
  else await deleteDriver(db, actor.orgId, driver.id)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'delete',
    entityType: 'qi_driver',
    entityId: driver.id,
    detail: { mode: choice.mode, secondaries: removal.secondaries, changeIdeas: removal.changeIdeas }
  })
  return { ok: true }
}
