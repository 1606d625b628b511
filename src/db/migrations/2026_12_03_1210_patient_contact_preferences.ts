/**
 * How the patient likes to be contacted, in their order of choice (communication-plan Channel codes:
 * letter, phone, sms, email, nhs_app, video), kept on the record so that a screening that does not ask, or
 * a declined one, still starts from what the patient said before. Staff set it on the record or apply it
 * from a screening.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('patient')
    .addColumn('contact_preferences', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patient').dropColumn('contact_preferences').execute()
}
