/**
 * An organisation's public contact phone number: patient pages show it so a patient can ring to check that a
 * link or letter really comes from their care team (scam-wary patients are the ones most likely to need it).
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisation')
    .addColumn('contact_phone', sql`text`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisation').dropColumn('contact_phone').execute()
}
