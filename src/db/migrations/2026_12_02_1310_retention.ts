/**
 * Retention: the audit trail stays append-only for everyone, except that the retention purge
 * (`reach retention purge`, run by the database owner) may delete rows older than the retention
 * period. It says so with `set local reach.retention_purge = 'on'` inside its transaction; the
 * app role has no delete grant on audit_event, so it cannot use this. Updates and truncation stay
 * refused.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('reach.retention_purge', true) = 'on' then
        return old;
      end if;
      raise exception 'audit_event is append-only';
    end
    $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only';
    end
    $$`.execute(db)
}
