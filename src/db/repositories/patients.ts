import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, NewPatient, PatientRow, PatientUpdate } from '../schema.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { helperFrom, type PatientHelper } from '../../domain/patients/helper.js'

type Db = Kysely<Database> | Transaction<Database>

export interface Patient {
  orgId: string
  id: string
  nhsNumber: string
  givenName: string
  familyName: string
  dateOfBirth: string
  postcode: string | null
  sex: string
  ethnicCategory: string | null
  mainLanguage: string | null
  interpreterNeeded: boolean
  disability: string | null
  communicationNeeds: string[]
  phone: string | null
  email: string | null
  address: string | null
  /** The person who helps with contact, as recorded by staff; null when none. */
  helper: PatientHelper | null
  /** Channels in the patient's order of choice ('letter', 'phone', 'sms', 'email', 'nhs_app', 'video'). */
  contactPreferences: string[]
  teamId: string | null
  isSynthetic: boolean
  updatedAt: Date
}

export function patientRowToPatient(row: PatientRow): Patient {
  return {
    orgId: row.org_id,
    id: row.id,
    nhsNumber: row.nhs_number.trim(),
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    postcode: row.postcode,
    sex: row.sex,
    ethnicCategory: row.ethnic_category,
    mainLanguage: row.main_language,
    interpreterNeeded: row.interpreter_needed,
    disability: row.disability,
    communicationNeeds: row.communication_needs,
    phone: row.phone,
    email: row.email,
    address: row.address,
    helper: helperFrom(row.helper),
    contactPreferences: row.contact_preferences,
    teamId: row.team_id,
    isSynthetic: row.is_synthetic,
    updatedAt: row.updated_at
  }
}

/** A patient of this organisation, or undefined (also for ids that are not UUIDs, so guesses get a 404). */
export async function findPatient(db: Db, orgId: string, patientId: string): Promise<Patient | undefined> {
  if (!isUuid(patientId)) return undefined
  const row = await db
    .selectFrom('patient')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', patientId)
    .executeTakeFirst()
  return row ? patientRowToPatient(row) : undefined
}

export async function findPatientByNhsNumber(db: Db, orgId: string, nhsNumber: string): Promise<Patient | undefined> {
  const row = await db
    .selectFrom('patient')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('nhs_number', '=', nhsNumber)
    .executeTakeFirst()
  return row ? patientRowToPatient(row) : undefined
}

export type PatientSearch =
  | { by: 'nhs-number'; nhsNumber: string }
  | { by: 'name-dob'; familyName: string; givenName?: string | undefined; dateOfBirth: string }

export async function searchPatients(db: Db, orgId: string, search: PatientSearch, limit = 50): Promise<Patient[]> {
  let q = db.selectFrom('patient').selectAll().where('org_id', '=', orgId)
  if (search.by === 'nhs-number') {
    q = q.where('nhs_number', '=', search.nhsNumber)
  } else {
    q = q
      .where(sql<string>`lower(family_name)`, '=', search.familyName.trim().toLowerCase())
      .where('date_of_birth', '=', search.dateOfBirth)
    if (search.givenName)
      q = q.where(
        sql<string>`lower(given_name)`,
        'like',
        `${search.givenName
          .trim()
          .toLowerCase()
          .replace(/[%_\\]/g, '\\$&')}%`
      )
  }
  const rows = await q.orderBy('family_name').orderBy('given_name').limit(limit).execute()
  return rows.map(patientRowToPatient)
}

export async function insertPatient(db: Db, patient: NewPatient): Promise<Patient> {
  const row = await db.insertInto('patient').values(patient).returningAll().executeTakeFirstOrThrow()
  return patientRowToPatient(row)
}

export async function updatePatient(
  db: Db,
  orgId: string,
  patientId: string,
  changes: PatientUpdate
): Promise<Patient | undefined> {
  if (!isUuid(patientId)) return undefined
  const row = await db
    .updateTable('patient')
    .set({ ...changes, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', patientId)
    .returningAll()
    .executeTakeFirst()
  return row ? patientRowToPatient(row) : undefined
}

export async function countPatients(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('patient')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
