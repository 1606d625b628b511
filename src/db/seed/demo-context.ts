/**
 * What the per-area demo seeders receive: the synthetic organisations just created, with their
 * staff, teams and patients, a seeded random number generator (so the data is the same every
 * time), the shared data folder and "today". Each seeder writes inside the seeding transaction.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../schema.js'
import type { Role } from '../../domain/staff/roles.js'

/** `createdAt`: when the patient was registered (ISO date), spread over the two years before `today`. */
export interface DemoPatient {
  id: string
  createdAt?: string
  dateOfBirth: string
  postcode: string
  mainLanguage: string
  interpreterNeeded: boolean
  disability: string
  teamId: string
}

export interface DemoOrganisation {
  id: string
  code: string
  kind: string
  teamIds: string[]
  staff: { id: string; role: Role }[]
  patients: DemoPatient[]
}

export interface DemoContext {
  trx: Transaction<Database>
  random: () => number
  sharedDataDir: string
  /** ISO date the demo is built on; demo histories run back from here. */
  today: string
  organisations: DemoOrganisation[]
  log: (line: string) => void
}

export type DemoSeeder = (context: DemoContext) => Promise<void>
