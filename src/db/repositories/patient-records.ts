/**
 * Everything Reach holds about one patient, for a subject access request, and its erasure.
 * Secrets are never part of a record: token hashes and short codes stay out of the export.
 */
import type { Kysely, Selectable, Transaction } from 'kysely'
import type {
  AuditEventTable,
  Database,
  OutboxMessageTable,
  PatientTable,
  ReferralEventTable,
  ReferralTable,
  ScreeningInviteTable,
  ScreeningTable
} from '../schema.js'

type Db = Kysely<Database> | Transaction<Database>

export interface PatientRecords {
  patient: Selectable<PatientTable>
  screenings: Selectable<ScreeningTable>[]
  invitations: Omit<Selectable<ScreeningInviteTable>, 'token_hash' | 'short_code'>[]
  referrals: Omit<Selectable<ReferralTable>, 'partner_token_hash'>[]
  referralEvents: Selectable<ReferralEventTable>[]
  messages: Selectable<OutboxMessageTable>[]
  auditEvents: Selectable<AuditEventTable>[]
}

export async function readPatientRecords(
  db: Db,
  orgId: string,
  patientId: string
): Promise<PatientRecords | undefined> {
  const patient = await db
    .selectFrom('patient')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', patientId)
    .executeTakeFirst()
  if (!patient) return undefined
  const screenings = await db
    .selectFrom('screening')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .orderBy('screened_at')
    .execute()
  const invitations = await db
    .selectFrom('screening_invite')
    .select([
      'org_id',
      'id',
      'patient_id',
      'language',
      'easy_read',
      'draft_answers',
      'created_by',
      'created_at',
      'expires_at',
      'used_at',
      'screening_id'
    ])
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .execute()
  const referralRows = await db
    .selectFrom('referral')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .execute()
  const referrals = referralRows.map(({ partner_token_hash: _secret, ...rest }) => rest)
  const referralIds = referrals.map((r) => r.id)
  const referralEvents = referralIds.length
    ? await db
        .selectFrom('referral_event')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('referral_id', 'in', referralIds)
        .orderBy('occurred_at')
        .execute()
    : []
  const messages = referralIds.length
    ? await db
        .selectFrom('outbox_message')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('referral_id', 'in', referralIds)
        .orderBy('created_at')
        .execute()
    : []
  const auditEvents = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
  return { patient, screenings, invitations, referrals, referralEvents, messages, auditEvents }
}

export interface ErasedCounts {
  patient: number
  screenings: number
  invitations: number
  referrals: number
  referralEvents: number
  messages: number
}

/** Deletes the patient and every record that names them (not the audit trail), children first. */
export async function deletePatientRecords(db: Db, orgId: string, patientId: string): Promise<ErasedCounts> {
  const referralIds = (
    await db
      .selectFrom('referral')
      .select('id')
      .where('org_id', '=', orgId)
      .where('patient_id', '=', patientId)
      .execute()
  ).map((r) => r.id)
  const count = (r: { numDeletedRows: bigint }[]) => r.reduce((n, x) => n + Number(x.numDeletedRows), 0)
  const messages = referralIds.length
    ? count(
        await db
          .deleteFrom('outbox_message')
          .where('org_id', '=', orgId)
          .where('referral_id', 'in', referralIds)
          .execute()
      )
    : 0
  const referralEvents = referralIds.length
    ? count(
        await db
          .deleteFrom('referral_event')
          .where('org_id', '=', orgId)
          .where('referral_id', 'in', referralIds)
          .execute()
      )
    : 0
  const referrals = count(
    await db.deleteFrom('referral').where('org_id', '=', orgId).where('patient_id', '=', patientId).execute()
  )
  const invitations = count(
    await db.deleteFrom('screening_invite').where('org_id', '=', orgId).where('patient_id', '=', patientId).execute()
  )
  const screenings = count(
    await db.deleteFrom('screening').where('org_id', '=', orgId).where('patient_id', '=', patientId).execute()
  )
  const patient = count(
    await db.deleteFrom('patient').where('org_id', '=', orgId).where('id', '=', patientId).execute()
  )
  return { patient, screenings, invitations, referrals, referralEvents, messages }
}
