/**
 * QI programmes and the projects shared with them. A programme belongs to a system; queries name the system
 * or the organisation explicitly, so they give the same answers inside row-level security (where the
 * policies also hold) and outside it, on the service's own connection, which the programme page uses to read
 * the shared projects of other organisations.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely'
import type { Database, QiProgrammeTable } from '../schema.js'
import { isUuid } from '../../domain/shared/uuid.js'

type Db = Kysely<Database> | Transaction<Database>

export type ProgrammeRow = Selectable<QiProgrammeTable>

export interface ProgrammeListRow extends ProgrammeRow {
  lead_org_name: string
  projects: number
}

export async function listProgrammes(db: Db, systemId: string): Promise<ProgrammeListRow[]> {
  const rows = await db
    .selectFrom('qi_programme as p')
    .innerJoin('organisation as o', 'o.id', 'p.lead_org_id')
    .selectAll('p')
    .select('o.name as lead_org_name')
    .select((eb) =>
      eb
        .selectFrom('qi_programme_project as s')
        .whereRef('s.programme_id', '=', 'p.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('projects')
    )
    .where('p.system_id', '=', systemId)
    .orderBy('p.name')
    .execute()
  return rows.map((r) => ({ ...r, projects: Number(r.projects ?? 0) }))
}

/** A programme of the system, or undefined (also for ids that are not UUIDs). */
export async function findProgramme(db: Db, systemId: string, id: string): Promise<ProgrammeRow | undefined> {
  if (!isUuid(id)) return undefined
  return db
    .selectFrom('qi_programme')
    .selectAll()
    .where('system_id', '=', systemId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findProgrammeByName(db: Db, systemId: string, name: string): Promise<ProgrammeRow | undefined> {
  return db
    .selectFrom('qi_programme')
    .selectAll()
    .where('system_id', '=', systemId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
}

export async function insertProgramme(db: Db, values: Insertable<QiProgrammeTable>): Promise<ProgrammeRow> {
  return db.insertInto('qi_programme').values(values).returningAll().executeTakeFirstOrThrow()
}

export interface ShareRow {
  org_id: string
  programme_id: string
  project_id: string
  measure_ids: string[]
  shared_at: Date
}

/** Every share of a programme, from organisations of the programme's system only. */
export async function listProgrammeShares(
  db: Db,
  programme: ProgrammeRow
): Promise<(ShareRow & { org_name: string })[]> {
  return db
    .selectFrom('qi_programme_project as s')
    .innerJoin('organisation as o', 'o.id', 's.org_id')
    .select(['s.org_id', 's.programme_id', 's.project_id', 's.measure_ids', 's.shared_at', 'o.name as org_name'])
    .where('s.programme_id', '=', programme.id)
    .where('o.system_id', '=', programme.system_id)
    .orderBy('o.name')
    .orderBy('s.shared_at')
    .execute()
}

/** The programmes one project is shared with. */
export async function listSharesOfProject(db: Db, orgId: string, projectId: string): Promise<ShareRow[]> {
  return db
    .selectFrom('qi_programme_project')
    .select(['org_id', 'programme_id', 'project_id', 'measure_ids', 'shared_at'])
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .execute()
}

/** Shares a project with a programme, or changes the measures that go with it. */
export async function upsertShare(
  db: Db,
  values: { org_id: string; programme_id: string; project_id: string; measure_ids: string[]; shared_by: string | null }
): Promise<void> {
  await db
    .insertInto('qi_programme_project')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['org_id', 'project_id', 'programme_id']).doUpdateSet({ measure_ids: values.measure_ids })
    )
    .execute()
}

export async function deleteShare(db: Db, orgId: string, projectId: string, programmeId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('qi_programme_project')
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
