/**
 * The database, as Kysely sees it: one interface per table.
 * Columns the database fills are `Generated<…>`; nullable columns are `T | null`.
 * Every table of organisation data leads its primary key with `org_id` (see docs/scaling.md).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export interface SystemTable {
  id: Generated<string>
  code: string
  name: string
  is_synthetic: Generated<boolean>
  created_at: CreatedAt
}

export interface OrganisationTable {
  id: Generated<string>
  system_id: string
  code: string
  name: string
  kind: string
  is_synthetic: Generated<boolean>
  created_at: CreatedAt
}

export interface TeamTable {
  org_id: string
  id: Generated<string>
  name: string
  created_at: CreatedAt
}

export interface StaffUserTable {
  org_id: string
  id: Generated<string>
  email: string
  display_name: string
  role: string
  team_id: string | null
  password_hash: string
  failed_login_count: Generated<number>
  locked_until: Timestamp | null
  last_login_at: Timestamp | null
  disabled_at: Timestamp | null
  created_at: CreatedAt
}

export interface SessionTable {
  id_hash: string
  org_id: string
  user_id: string
  created_at: CreatedAt
  expires_at: Timestamp
  last_seen_at: Timestamp
}

export interface PatientTable {
  org_id: string
  id: Generated<string>
  nhs_number: string
  given_name: string
  family_name: string
  date_of_birth: ColumnType<string, string, string>
  postcode: string | null
  sex: string
  ethnic_category: string | null
  main_language: string | null
  interpreter_needed: boolean
  disability: string | null
  communication_needs: Generated<string[]>
  team_id: string | null
  is_synthetic: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface AuditEventTable {
  org_id: string
  id: Generated<string>
  occurred_at: CreatedAt
  actor_user_id: string | null
  actor_role: string | null
  action: string
  entity_type: string
  entity_id: string | null
  patient_id: string | null
  ip: string | null
  user_agent: string | null
  detail: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, never>
}

export interface Database {
  system: SystemTable
  organisation: OrganisationTable
  team: TeamTable
  staff_user: StaffUserTable
  session: SessionTable
  patient: PatientTable
  audit_event: AuditEventTable
}

export type Organisation = Selectable<OrganisationTable>
export type Team = Selectable<TeamTable>
export type StaffUserRow = Selectable<StaffUserTable>
export type NewStaffUser = Insertable<StaffUserTable>
export type PatientRow = Selectable<PatientTable>
export type NewPatient = Insertable<PatientTable>
export type PatientUpdate = Updateable<PatientTable>
export type AuditEventRow = Selectable<AuditEventTable>
export type NewAuditEvent = Insertable<AuditEventTable>
