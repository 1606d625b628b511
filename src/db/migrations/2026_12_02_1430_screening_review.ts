/**
 * Self-completions arrive without staff: a member of staff reviews each one (and resolves any difference from
 * the record). reviewed_at/reviewed_by say who did and when; the "arrived" worklist shows those not reviewed.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('screening')
    .addColumn('reviewed_at', sql`timestamptz`)
    .addColumn('reviewed_by', sql`uuid`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('screening').dropColumn('reviewed_at').dropColumn('reviewed_by').execute()
}
