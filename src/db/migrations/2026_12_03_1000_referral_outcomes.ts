/**
 * Several outcomes per referral, notes, and the letter as content (issue 12).
 *
 * - `referral_event.kind`: 'status' (a status change, as before; the first outcome is one), 'outcome' (a further
 *   outcome added to a referral that already has one; the status stays 'outcome') or 'note' (a note, no change).
 * - `referral_event.note`: an optional note on any event (at most 1,000 characters; patient data).
 * - Each outcome at most once per referral (a unique index; org_id first, as every key, for Citus).
 * - The outcome 'no_change' (attended, but it did not help or they stopped going).
 * - `outbox_message.content`: the letter's content (domain/referrals/letter.ts) the body was written from, so
 *   the print view shows the same letter.
 *
 * `referral.outcome` and `outcome_at` keep meaning the first outcome (the one that moved the status to
 * 'outcome'): the measures count each referral once by it. No new table: row-level security, the app role's
 * grants, erasure and subject access already cover referral_event and outbox_message. Frozen once merged.
 */
import { sql, type Kysely } from 'kysely'

const OLD_OUTCOMES = sql`('device_provided', 'connectivity_provided', 'skills_gained', 'declined', 'did_not_attend', 'not_eligible')`
const OUTCOMES = sql`('device_provided', 'connectivity_provided', 'skills_gained', 'no_change', 'declined', 'did_not_attend', 'not_eligible')`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('referral_event')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('status')
        .check(sql`kind in ('status', 'outcome', 'note')`)
    )
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 1000`))
    .execute()
  await sql`alter table referral_event add constraint referral_event_outcome_check
    check (outcome is null or outcome in ${OUTCOMES})`.execute(db)
  await db.schema
    .createIndex('referral_event_outcome_once')
    .on('referral_event')
    .columns(['org_id', 'referral_id', 'outcome'])
    .unique()
    .where(sql.ref('outcome'), 'is not', null)
    .execute()

  await sql`alter table referral drop constraint if exists referral_outcome_check`.execute(db)
  await sql`alter table referral add constraint referral_outcome_check check (outcome in ${OUTCOMES})`.execute(db)

  await db.schema.alterTable('outbox_message').addColumn('content', 'jsonb').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_message').dropColumn('content').execute()
  await sql`alter table referral drop constraint if exists referral_outcome_check`.execute(db)
  await sql`alter table referral add constraint referral_outcome_check check (outcome in ${OLD_OUTCOMES})`.execute(db)
  await db.schema.dropIndex('referral_event_outcome_once').ifExists().execute()
  await sql`alter table referral_event drop constraint if exists referral_event_outcome_check`.execute(db)
  await db.schema.alterTable('referral_event').dropColumn('note').dropColumn('kind').execute()
}
