/** Quality improvement projects: the aim a family of measures serves. Every query is scoped by organisation. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'
import type { Database, QiProjectTable } from '../schema.js'
import { isUuid } from '../../domain/shared/uuid.js'

type Db = Kysely<Database> | Transaction<Database>

export type QiProjectRow = Selectable<QiProjectTable>

export async function listProjects(db: Db, orgId: string): Promise<QiProjectRow[]> {
  return db.selectFrom('qi_project').selectAll().where('org_id', '=', orgId).orderBy('name').execute()
}

/** A project of the organisation, or undefined (also for ids that are not UUIDs, so guesses get a 404). */
export async function findProject(db: Db, orgId: string, id: string): Promise<QiProjectRow | undefined> {
  if (!isUuid(id)) return undefined
  return db.selectFrom('qi_project').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
}

/** A project of the organisation with the same name, ignoring case. */
export async function findProjectByName(db: Db, orgId: string, name: string): Promise<QiProjectRow | undefined> {
  return db
    .selectFrom('qi_project')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
}

export async function updateProject(
  db: Db,
  orgId: string,
  id: string,
  changes: Updateable<QiProjectTable>
): Promise<QiProjectRow> {
  return db
    .updateTable('qi_project')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function insertProject(db: Db, values: Insertable<QiProjectTable>): Promise<QiProjectRow> {
  return db.insertInto('qi_project').values(values).returningAll().executeTakeFirstOrThrow()
}
