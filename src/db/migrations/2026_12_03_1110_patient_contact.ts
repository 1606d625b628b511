/**
 * How to reach a patient, as they gave it: a phone number, an email address and a postal address; and the
 * person who helps them with contact (name, relationship, phone, on what authority and since when, a capacity
 * note) as one JSON value (domain/patients/helper.ts). All optional; patient data like the rest of the row, so
 * erasure (which deletes the row) and subject access (which reads it) cover them.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('patient')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('helper', 'jsonb')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('patient')
    .dropColumn('phone')
    .dropColumn('email')
    .dropColumn('address')
    .dropColumn('helper')
    .execute()
}
