/**
 * How people use a support service: 'in_person', 'phone', 'online' (any of them). Empty when not known,
 * which is every service until someone says (matching treats an empty list as "not known", never as online).
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('support_service')
    .addColumn('delivery', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('support_service').dropColumn('delivery').execute()
}
