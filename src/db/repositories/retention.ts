/**
 * The retention purge's queries: what is older than the cutoffs, by organisation, and deleting it.
 * Runs as the database owner from the CLI (not as the app role), across organisations.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ExpiredCounts {
  orgId: string
  orgCode: string
  screenings: number
  auditEvents: number
}

export async function countExpired(db: Db, cutoffs: { screening: Date; audit: Date }): Promise<ExpiredCounts[]> {
  const rows = await db
    .selectFrom('organisation')
    .select((eb) => [
      'organisation.id as orgId',
      'organisation.code as orgCode',
      eb
        .selectFrom('screening')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('screening.org_id', '=', 'organisation.id')
        .where('screening.screened_at', '<', cutoffs.screening)
        .as('screenings'),
      eb
        .selectFrom('audit_event')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('audit_event.org_id', '=', 'organisation.id')
        .where('audit_event.occurred_at', '<', cutoffs.audit)
        .as('auditEvents')
    ])
    .orderBy('organisation.code')
    .execute()
  return rows.map((r) => ({
    orgId: r.orgId,
    orgCode: r.orgCode,
    screenings: Number(r.screenings ?? 0),
    auditEvents: Number(r.auditEvents ?? 0)
  }))
}

/** Deletes what is older than the cutoffs. Referrals and invitations keep their rows but lose the link to a purged screening. */
export async function deleteExpired(
  trx: Transaction<Database>,
  cutoffs: { screening: Date; audit: Date }
): Promise<void> {
  const expired = trx.selectFrom('screening').select('id').where('screened_at', '<', cutoffs.screening)
  await trx.updateTable('referral').set({ screening_id: null }).where('screening_id', 'in', expired).execute()
  await trx.updateTable('screening_invite').set({ screening_id: null }).where('screening_id', 'in', expired).execute()
  await trx.deleteFrom('screening').where('screened_at', '<', cutoffs.screening).execute()
  await sql`set local reach.retention_purge = 'on'`.execute(trx)
  await trx.deleteFrom('audit_event').where('occurred_at', '<', cutoffs.audit).execute()
  await sql`set local reach.retention_purge = 'off'`.execute(trx)
}
