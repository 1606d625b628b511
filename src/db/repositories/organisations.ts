import type { Kysely, Transaction } from 'kysely'
import type { Database, Organisation, Team } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export async function findOrganisation(db: Db, orgId: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisation').selectAll().where('id', '=', orgId).executeTakeFirst()
}

export async function findOrganisationByCode(db: Db, code: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisation').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function listOrganisations(db: Db): Promise<(Organisation & { system_name: string })[]> {
  return db
    .selectFrom('organisation')
    .innerJoin('system', 'system.id', 'organisation.system_id')
    .selectAll('organisation')
    .select('system.name as system_name')
    .orderBy('organisation.name')
    .execute()
}

export async function listTeams(db: Db, orgId: string): Promise<Team[]> {
  return db.selectFrom('team').selectAll().where('org_id', '=', orgId).orderBy('name').execute()
}

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findSystemName(db: Db, systemId: string): Promise<string | undefined> {
  const row = await db.selectFrom('system').select('name').where('id', '=', systemId).executeTakeFirst()
  return row?.name
}
