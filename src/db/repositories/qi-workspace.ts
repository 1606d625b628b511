/**
 * The QI workspace's tables: drivers, change ideas, PDSA cycles and their measures, milestones, progress
 * scores and members. Data access only, every query scoped by organisation; ids that are not UUIDs find
 * nothing (so a guessed id is a 404, never a cast error).
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely'
import type {
  Database,
  QiChangeIdeaTable,
  QiDriverTable,
  QiMilestoneTable,
  QiPdsaTable,
  QiProgressTable
} from '../schema.js'
import { isUuid } from '../../domain/shared/uuid.js'

type Db = Kysely<Database> | Transaction<Database>

export type DriverRow = Selectable<QiDriverTable>
export type ChangeIdeaRow = Selectable<QiChangeIdeaTable>
export type PdsaRow = Selectable<QiPdsaTable>
export type MilestoneRow = Selectable<QiMilestoneTable>
export type ProgressRow = Selectable<QiProgressTable>

export async function listDrivers(db: Db, orgId: string, projectId: string): Promise<DriverRow[]> {
  return db
    .selectFrom('qi_driver')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .orderBy('position')
    .orderBy('created_at')
    .execute()
}

export async function insertDriver(db: Db, values: Insertable<QiDriverTable>): Promise<DriverRow> {
  return db.insertInto('qi_driver').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function deleteDriver(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('qi_driver').where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** Moves a driver's secondaries to another primary and its change ideas to another driver. */
export async function moveDriverChildren(
  db: Db,
  orgId: string,
  from: string,
  to: { parentId: string | null; driverId: string }
): Promise<void> {
  if (to.parentId)
    await db
      .updateTable('qi_driver')
      .set({ parent_id: to.parentId })
      .where('org_id', '=', orgId)
      .where('parent_id', '=', from)
      .execute()
  await db
    .updateTable('qi_change_idea')
    .set({ driver_id: to.driverId })
    .where('org_id', '=', orgId)
    .where('driver_id', '=', from)
    .execute()
}

/** Removes a driver and everything under it (secondaries, their change ideas and those ideas' cycles). */
export async function deleteDriverTree(db: Db, orgId: string, id: string): Promise<void> {
  const secondaries = (
    await db.selectFrom('qi_driver').select('id').where('org_id', '=', orgId).where('parent_id', '=', id).execute()
  ).map((r) => r.id)
  const driverIds = [id, ...secondaries]
  const ideas = (
    await db
      .selectFrom('qi_change_idea')
      .select('id')
      .where('org_id', '=', orgId)
      .where('driver_id', 'in', driverIds)
      .execute()
  ).map((r) => r.id)
  if (ideas.length) {
    // cycles chain to each other: break the chain first, then remove them
    await db
      .updateTable('qi_pdsa')
      .set({ previous_id: null })
      .where('org_id', '=', orgId)
      .where('change_idea_id', 'in', ideas)
      .execute()
    await db.deleteFrom('qi_pdsa').where('org_id', '=', orgId).where('change_idea_id', 'in', ideas).execute()
    await db.deleteFrom('qi_change_idea').where('org_id', '=', orgId).where('id', 'in', ideas).execute()
  }
  if (secondaries.length)
    await db.deleteFrom('qi_driver').where('org_id', '=', orgId).where('id', 'in', secondaries).execute()
  await deleteDriver(db, orgId, id)
}

export async function listDriverMeasures(
  db: Db,
  orgId: string,
  projectId: string
): Promise<{ driver_id: string; measure_id: string }[]> {
  return db
    .selectFrom('qi_driver_measure')
    .innerJoin('qi_driver', (j) =>
      j
        .onRef('qi_driver.org_id', '=', 'qi_driver_measure.org_id')
        .onRef('qi_driver.id', '=', 'qi_driver_measure.driver_id')
    )
    .select(['qi_driver_measure.driver_id', 'qi_driver_measure.measure_id'])
    .where('qi_driver_measure.org_id', '=', orgId)
    .where('qi_driver.project_id', '=', projectId)
    .execute()
}

export async function linkDriverMeasure(db: Db, orgId: string, driverId: string, measureId: string): Promise<void> {
  await db
    .insertInto('qi_driver_measure')
    .values({ org_id: orgId, driver_id: driverId, measure_id: measureId })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function listChangeIdeas(db: Db, orgId: string, projectId: string): Promise<ChangeIdeaRow[]> {
  return db
    .selectFrom('qi_change_idea')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .orderBy('position')
    .orderBy('created_at')
    .execute()
}

export async function findChangeIdea(db: Db, orgId: string, id: string): Promise<ChangeIdeaRow | undefined> {
  if (!isUuid(id)) return undefined
  return db.selectFrom('qi_change_idea').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
}

export async function insertChangeIdea(db: Db, values: Insertable<QiChangeIdeaTable>): Promise<ChangeIdeaRow> {
  return db.insertInto('qi_change_idea').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function listPdsaCycles(db: Db, orgId: string, projectId: string): Promise<PdsaRow[]> {
  return db
    .selectFrom('qi_pdsa')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .orderBy('starts_on')
    .orderBy('created_at')
    .execute()
}

export async function findPdsa(db: Db, orgId: string, id: string): Promise<PdsaRow | undefined> {
  if (!isUuid(id)) return undefined
  return db.selectFrom('qi_pdsa').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
}

export async function insertPdsa(db: Db, values: Insertable<QiPdsaTable>): Promise<PdsaRow> {
  return db.insertInto('qi_pdsa').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updatePdsa(
  db: Db,
  orgId: string,
  id: string,
  changes: Updateable<QiPdsaTable>
): Promise<PdsaRow> {
  return db
    .updateTable('qi_pdsa')
    .set({ ...changes, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function listPdsaMeasureIds(db: Db, orgId: string, pdsaId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('qi_pdsa_measure')
    .select('measure_id')
    .where('org_id', '=', orgId)
    .where('pdsa_id', '=', pdsaId)
    .execute()
  return rows.map((r) => r.measure_id)
}

export async function setPdsaMeasures(
  db: Db,
  orgId: string,
  pdsaId: string,
  measureIds: readonly string[]
): Promise<void> {
  await db.deleteFrom('qi_pdsa_measure').where('org_id', '=', orgId).where('pdsa_id', '=', pdsaId).execute()
  if (measureIds.length)
    await db
      .insertInto('qi_pdsa_measure')
      .values(measureIds.map((measure_id) => ({ org_id: orgId, pdsa_id: pdsaId, measure_id })))
      .execute()
}

/** The PDSA cycles linked to a measure (for its chart), oldest first, with their project. */
export async function listMeasurePdsaCycles(db: Db, orgId: string, measureId: string): Promise<PdsaRow[]> {
  if (!isUuid(measureId)) return []
  return db
    .selectFrom('qi_pdsa')
    .innerJoin('qi_pdsa_measure', (j) =>
      j.onRef('qi_pdsa_measure.org_id', '=', 'qi_pdsa.org_id').onRef('qi_pdsa_measure.pdsa_id', '=', 'qi_pdsa.id')
    )
    .selectAll('qi_pdsa')
    .where('qi_pdsa.org_id', '=', orgId)
    .where('qi_pdsa_measure.measure_id', '=', measureId)
    .orderBy('qi_pdsa.starts_on')
    .execute()
}

export async function listMilestones(db: Db, orgId: string, projectId: string): Promise<MilestoneRow[]> {
  return db
    .selectFrom('qi_milestone')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .orderBy('due_on')
    .execute()
}

export async function insertMilestone(db: Db, values: Insertable<QiMilestoneTable>): Promise<MilestoneRow> {
  return db.insertInto('qi_milestone').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Marks a milestone of the project done (or not); the number of rows changed (0: no such milestone there). */
export async function markMilestoneDone(
  db: Db,
  orgId: string,
  projectId: string,
  id: string,
  doneOn: string | null
): Promise<number> {
  if (!isUuid(id)) return 0
  const r = await db
    .updateTable('qi_milestone')
    .set({ done_on: doneOn })
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function listProgress(db: Db, orgId: string, projectId: string): Promise<ProgressRow[]> {
  return db
    .selectFrom('qi_progress')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .orderBy('set_on')
    .orderBy('created_at')
    .execute()
}

export async function insertProgress(db: Db, values: Insertable<QiProgressTable>): Promise<ProgressRow> {
  return db.insertInto('qi_progress').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function listMemberIds(db: Db, orgId: string, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('qi_project_member')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .execute()
  return rows.map((r) => r.user_id)
}

export interface MemberRow {
  user_id: string
  display_name: string
  role: string
  added_at: Date
}

/** A project's members with their names and roles, by name. */
export async function listMembers(db: Db, orgId: string, projectId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('qi_project_member as m')
    .innerJoin('staff_user as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.id', '=', 'm.user_id'))
    .select(['m.user_id', 's.display_name', 's.role', 'm.added_at'])
    .where('m.org_id', '=', orgId)
    .where('m.project_id', '=', projectId)
    .orderBy('s.display_name')
    .execute()
}

/** Removes one member; false when they were not a member. */
export async function removeMember(db: Db, orgId: string, projectId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('qi_project_member')
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function addMember(db: Db, orgId: string, projectId: string, userId: string): Promise<void> {
  await db
    .insertInto('qi_project_member')
    .values({ org_id: orgId, project_id: projectId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute()
}
