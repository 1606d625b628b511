/**
 * Two-step sign-in (ASVS 2.2 and 2.8, DSPT): a member of staff's authenticator secret (RFC 6238), when they
 * set it up (null while setting up), and the last time step used, so a code is never accepted twice.
 */
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_user')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enrolled_at', 'timestamptz')
    .addColumn('totp_last_step', 'bigint')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['totp_secret', 'totp_enrolled_at', 'totp_last_step'])
    await db.schema.alterTable('staff_user').dropColumn(column).execute()
}
