/**
 * When a session last proved its password (ASVS 3.7.1): at sign-in, and again when someone confirms their
 * password before a sensitive action (adding staff, ending someone's sessions, erasing a patient's records,
 * exporting the audit trail) or changes it.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('session')
    .addColumn('authenticated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('authenticated_at').execute()
}
