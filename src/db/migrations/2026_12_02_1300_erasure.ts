/**
 * Erasure on request: the app role may delete a patient's screenings, invitations, referrals,
 * referral events and outbox messages (it could already delete the patient row). The audit trail
 * stays append-only: its rows hold ids, not personal data.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'grant delete on screening, screening_invite, referral, referral_event, outbox_message to reach_app';
      end if;
    end
    $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'reach_app') then
        execute 'revoke delete on screening, screening_invite, referral, referral_event, outbox_message from reach_app';
      end if;
    end
    $$`.execute(db)
}
