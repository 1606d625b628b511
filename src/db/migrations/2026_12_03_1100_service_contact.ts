/**
 * What people need to act on a directory entry without going online: phone numbers (each with what the
 * line is for) and opening times in words. Venues already live in `locations`. Empty until someone adds
 * them: none of the shipped entries' sources gave a phone number, so none is invented.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('support_service')
    .addColumn('phones', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('opening_times', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('support_service').dropColumn('phones').dropColumn('opening_times').execute()
}
