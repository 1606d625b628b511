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
  /** Public phone number patients can ring to check a link or letter is genuine. */
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>
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
  /** Two-step sign-in: the authenticator secret (base32), when it was set up, the last time step used. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>
  totp_enrolled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  totp_last_step: ColumnType<string | number | null, number | null | undefined, number | null>
}

/** A rate-limit window: hits of one limited route by one client since `window_start`. */
export interface RateLimitTable {
  key: string
  hits: number
  window_start: Generated<Date>
  window_ms: number
}

export type ServiceChangeKind = 'added' | 'changed' | 'retired' | 'restored' | 'checked' | 'imported'

/** Who changed a shared support service: the organisation (null at the command line), what, when. */
export interface SupportServiceChangeTable {
  id: Generated<string>
  service_id: string
  org_id: string | null
  change: ServiceChangeKind
  changed_at: Generated<Date>
}

export interface SessionTable {
  id_hash: string
  org_id: string
  user_id: string
  created_at: CreatedAt
  expires_at: Timestamp
  last_seen_at: Timestamp
  /** When the session last proved its password: sign-in, a confirmation or a change. */
  authenticated_at: Generated<Date>
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
  phone: ColumnType<string | null, string | null | undefined, string | null>
  email: ColumnType<string | null, string | null | undefined, string | null>
  /** Postal address lines, one per line (the postcode has its own column). */
  address: ColumnType<string | null, string | null | undefined, string | null>
  /** domain/patients/helper.ts PatientHelper, or null. */
  helper: ColumnType<unknown, string | null | undefined, string | null>
  /** Channels in the patient's order of choice (communication-plan Channel codes). */
  contact_preferences: Generated<string[]>
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

type Json<T = unknown> = ColumnType<T, T | string, T | string>
/** A JSON column with a database default: optional on insert. */
type JsonWithDefault<T = unknown> = ColumnType<T, T | string | undefined, T | string>
type DateOnly = ColumnType<string, string, string>

export interface ScreeningTable {
  org_id: string
  id: Generated<string>
  patient_id: string
  team_id: string | null
  questionnaire_url: string
  questionnaire_version: string
  mode: 'clinician' | 'self' | 'paper' | 'import'
  language: Generated<string>
  status: 'complete' | 'partial' | 'declined'
  answers: Json
  assessment: Json
  readiness: string
  access_level: string
  skills_level: string
  motivation_level: string
  trust_level: string
  accessibility_level: string
  language_level: string
  support_level: string
  has_high_barrier: boolean
  has_plan: boolean
  eheals_score: number | null
  is_initial_assessment: Generated<boolean>
  screened_at: Timestamp
  rescreen_due_on: DateOnly | null
  entered_by: string | null
  /** A member of staff reviewed this (self-)completion; null until then. */
  reviewed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface ScreeningInviteTable {
  org_id: string
  id: Generated<string>
  patient_id: string
  token_hash: string
  short_code: string
  language: Generated<string>
  easy_read: Generated<boolean>
  draft_answers: JsonWithDefault
  created_by: string | null
  created_at: CreatedAt
  expires_at: Timestamp
  used_at: Timestamp | null
  screening_id: string | null
}

export interface SupportServiceTable {
  id: string
  name: string
  organisation_name: string
  description: string
  url: string | null
  email: string | null
  status: Generated<'active' | 'retired'>
  scope: Generated<string>
  barriers: Generated<string[]>
  offer_types: Generated<string[]>
  languages: Generated<string[]>
  areas: Generated<string[]>
  /** 'in_person', 'phone', 'online'; empty when not known. */
  delivery: Generated<string[]>
  eligibility: JsonWithDefault
  cost: string | null
  locations: JsonWithDefault
  contacts: JsonWithDefault
  schedules: JsonWithDefault
  /** [{ number, description }]; empty when not known. */
  phones: JsonWithDefault
  /** Opening times in words ("Mondays and Thursdays, 10am to 1pm"); null when not known. */
  opening_times: string | null
  oruk: JsonWithDefault
  verified: Generated<boolean>
  last_verified_on: DateOnly | null
  source: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ReferralStatus = 'suggested' | 'referred' | 'accepted' | 'attended' | 'outcome'
export type ReferralOutcome =
  | 'device_provided'
  | 'connectivity_provided'
  | 'skills_gained'
  | 'no_change'
  | 'declined'
  | 'did_not_attend'
  | 'not_eligible'

export interface ReferralTable {
  org_id: string
  id: Generated<string>
  patient_id: string
  screening_id: string | null
  service_id: string
  team_id: string | null
  status: ReferralStatus
  outcome: ReferralOutcome | null
  match_reasons: JsonWithDefault
  consent_given: Generated<boolean>
  consent_scope: Generated<string[]>
  consent_recorded_by: string | null
  consent_recorded_at: Timestamp | null
  referred_at: Timestamp | null
  accepted_at: Timestamp | null
  attended_at: Timestamp | null
  outcome_at: Timestamp | null
  follow_up_due_on: DateOnly | null
  partner_token_hash: string | null
  partner_token_expires_at: Timestamp | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ReferralEventTable {
  org_id: string
  id: Generated<string>
  referral_id: string
  from_status: string | null
  to_status: string
  outcome: string | null
  changed_by: string | null
  changed_by_partner: Generated<boolean>
  occurred_at: CreatedAt
  /** 'status' (a status change; the first outcome is one), 'outcome' (a further outcome) or 'note'. */
  kind: Generated<'status' | 'outcome' | 'note'>
  /** Free text about the patient (patient data): at most 1,000 characters. */
  note: ColumnType<string | null, string | null | undefined, string | null>
}

export interface OutboxMessageTable {
  org_id: string
  id: Generated<string>
  referral_id: string | null
  channel: 'email' | 'letter'
  recipient: string
  subject: string
  body: string
  status: Generated<'queued' | 'sent' | 'failed' | 'printed'>
  created_at: CreatedAt
  sent_at: Timestamp | null
  /** The letter's content (domain/referrals/letter.ts LetterContent) the body was written from; null before 2026-12-03. */
  content: ColumnType<unknown, string | null | undefined, string | null>
}

export interface QiProjectTable {
  org_id: string
  id: Generated<string>
  name: string
  aim: string | null
  team_id: string | null
  created_at: CreatedAt
  status: Generated<'planning' | 'active' | 'sustaining' | 'closed'>
  owner_id: ColumnType<string | null, string | null | undefined, string | null>
  start_on: ColumnType<string | null, string | null | undefined, string | null>
  end_on: ColumnType<string | null, string | null | undefined, string | null>
  aim_what: ColumnType<string | null, string | null | undefined, string | null>
  aim_who: ColumnType<string | null, string | null | undefined, string | null>
  aim_how_much: ColumnType<string | null, string | null | undefined, string | null>
  aim_by_when: ColumnType<string | null, string | null | undefined, string | null>
  /** The template the project was created from ('digital-inclusion'), or null. */
  template: ColumnType<string | null, string | null | undefined, string | null>
}

export interface QiProjectMemberTable {
  org_id: string
  project_id: string
  user_id: string
  added_at: CreatedAt
}

/** A programme of one system: projects of its organisations grouped around a shared aim (issue 14). */
export interface QiProgrammeTable {
  id: Generated<string>
  system_id: string
  lead_org_id: string
  name: string
  aim: string | null
  /** Derived measures shown across the whole system on the programme's page. */
  measure_keys: ColumnType<string[], string[] | undefined, string[]>
  created_by: string | null
  created_at: CreatedAt
}

/** A project its organisation shares with a programme, with the measures that go with it. */
export interface QiProgrammeProjectTable {
  org_id: string
  programme_id: string
  project_id: string
  measure_ids: ColumnType<string[], string[] | undefined, string[]>
  shared_by: string | null
  shared_at: CreatedAt
}

export interface QiDriverTable {
  org_id: string
  id: Generated<string>
  project_id: string
  /** Null for a primary driver; a primary driver's id for a secondary one. */
  parent_id: string | null
  title: string
  position: Generated<number>
  created_at: CreatedAt
}

export interface QiDriverMeasureTable {
  org_id: string
  driver_id: string
  measure_id: string
}

export interface QiChangeIdeaTable {
  org_id: string
  id: Generated<string>
  project_id: string
  driver_id: string
  title: string
  description: string | null
  position: Generated<number>
  created_at: CreatedAt
}

export type PdsaPurpose = 'collect' | 'develop' | 'test' | 'implement'
export type PdsaStage = 'plan' | 'do' | 'study' | 'act' | 'done'

export interface QiPdsaTable {
  org_id: string
  id: Generated<string>
  project_id: string
  change_idea_id: string
  /** The cycle this one follows in a ramp; null for the first. */
  previous_id: string | null
  title: string
  purpose: PdsaPurpose
  objective: string
  /** [{ question, prediction }] */
  questions: JsonWithDefault
  /** [{ what, who, where, when }] */
  tasks: JsonWithDefault
  data_plan: string | null
  starts_on: DateOnly
  ends_on: ColumnType<string | null, string | null | undefined, string | null>
  stage: Generated<PdsaStage>
  as_planned: ColumnType<boolean | null, boolean | null | undefined, boolean | null>
  observations: ColumnType<string | null, string | null | undefined, string | null>
  problems: ColumnType<string | null, string | null | undefined, string | null>
  results: ColumnType<string | null, string | null | undefined, string | null>
  learned: ColumnType<string | null, string | null | undefined, string | null>
  decision: ColumnType<
    'adopt' | 'adapt' | 'abandon' | null,
    'adopt' | 'adapt' | 'abandon' | null | undefined,
    'adopt' | 'adapt' | 'abandon' | null
  >
  next_steps: ColumnType<string | null, string | null | undefined, string | null>
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface QiPdsaMeasureTable {
  org_id: string
  pdsa_id: string
  measure_id: string
}

export interface QiMilestoneTable {
  org_id: string
  id: Generated<string>
  project_id: string
  title: string
  due_on: DateOnly
  done_on: ColumnType<string | null, string | null | undefined, string | null>
}

export interface QiProgressTable {
  org_id: string
  id: Generated<string>
  project_id: string
  /** IHI progress score, 0.5 to 5.0 (numeric: read back as a string on some drivers). */
  score: ColumnType<string | number, number, number>
  reason: string
  set_on: DateOnly
  set_by: string | null
  created_at: CreatedAt
}

export interface MeasureTable {
  org_id: string
  id: Generated<string>
  project_id: string | null
  team_id: string | null
  name: string
  type: 'outcome' | 'process' | 'balancing'
  source: 'manual' | 'derived'
  derived_key: string | null
  numerator: string | null
  denominator: string | null
  inclusions: string | null
  exclusions: string | null
  frequency: 'weekly' | 'monthly'
  improvement: 'increase' | 'decrease' | 'neutral'
  target: number | null
  unit: Generated<string>
  owner: string | null
  notes: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface MeasureValueTable {
  org_id: string
  measure_id: string
  period_start: DateOnly
  value: number
  numerator: number | null
  denominator: number | null
  note: string | null
  entered_by: string | null
  created_at: CreatedAt
}

export interface MeasureAnnotationTable {
  org_id: string
  id: Generated<string>
  measure_id: string
  on_date: DateOnly
  kind: 'pdsa' | 'rebase' | 'note'
  label: string
  created_by: string | null
  created_at: CreatedAt
}

export interface AreaImportTable {
  id: Generated<string>
  file_name: string
  kind: string
  publisher: string
  licence: string
  sha256: string
  rows: number
  is_synthetic: Generated<boolean>
  imported_at: CreatedAt
  imported_by: string | null
}

export interface LsoaTable {
  code: string
  vintage: '2011' | '2021'
  name: string
  lad_code: string | null
  lad_name: string | null
  ward_code: string | null
  ward_name: string | null
  geometry: Json | null
  import_id: string | null
}

export interface LsoaIndicatorTable {
  lsoa_code: string
  indicator: string
  value: number
  import_id: string | null
}

export interface LsoaLookupTable {
  lsoa11_code: string
  lsoa21_code: string
  change_code: string | null
}

export interface PostcodeLsoaTable {
  postcode: string
  lsoa21_code: string
  lsoa11_code: string | null
  import_id: string | null
}

export interface Database {
  system: SystemTable
  organisation: OrganisationTable
  team: TeamTable
  staff_user: StaffUserTable
  session: SessionTable
  patient: PatientTable
  audit_event: AuditEventTable
  screening: ScreeningTable
  screening_invite: ScreeningInviteTable
  support_service: SupportServiceTable
  referral: ReferralTable
  referral_event: ReferralEventTable
  outbox_message: OutboxMessageTable
  qi_project: QiProjectTable
  qi_project_member: QiProjectMemberTable
  qi_programme: QiProgrammeTable
  rate_limit: RateLimitTable
  support_service_change: SupportServiceChangeTable
  qi_programme_project: QiProgrammeProjectTable
  qi_driver: QiDriverTable
  qi_driver_measure: QiDriverMeasureTable
  qi_change_idea: QiChangeIdeaTable
  qi_pdsa: QiPdsaTable
  qi_pdsa_measure: QiPdsaMeasureTable
  qi_milestone: QiMilestoneTable
  qi_progress: QiProgressTable
  measure: MeasureTable
  measure_value: MeasureValueTable
  measure_annotation: MeasureAnnotationTable
  area_import: AreaImportTable
  lsoa: LsoaTable
  lsoa_indicator: LsoaIndicatorTable
  lsoa_lookup: LsoaLookupTable
  postcode_lsoa: PostcodeLsoaTable
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
