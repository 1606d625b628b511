/** Every service (retired ones too) as Open Referral UK service objects, by name. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { listServices } from '../../db/repositories/directory.js'
import { serviceToOruk } from '../../domain/directory/oruk.js'

type Db = Kysely<Database> | Transaction<Database>

export async function exportDirectory(db: Db): Promise<Record<string, unknown>[]> {
  const services = await listServices(db, { includeRetired: true })
  return services.map(serviceToOruk)
}
