/**
 * `reach seed --demo`: a clearly labelled synthetic system. Every organisation, person, name and
 * NHS number is made up; NHS numbers come from the 999 test range, which is never issued.
 * Deterministic (seeded random numbers), so screenshots and tests see the same data.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.js'
import { testRangeNhsNumber } from '../../domain/shared/nhs-number.js'
import { communicationNeedCodes, type CommunicationNeedCode } from '../../domain/patients/patient-codes.js'
import { hashPassword } from '../../security/password-hash.js'
import { demoPassword, demoStaff } from './demo-accounts.js'
import type { DemoContext, DemoOrganisation } from './demo-context.js'
import { seedDemoArea } from './demo-area.js'
import { seedDemoDirectory } from './demo-directory.js'
import { seedDemoScreenings } from './demo-screenings.js'
import { seedDemoReferrals } from './demo-referrals.js'
import { seedDemoMeasures } from './demo-measures.js'

export const demoSystemCode = 'DEMO-CH'

const organisations = [
  {
    code: 'DEMO-TRUST',
    name: 'Homerton Demonstration Hospital',
    kind: 'trust',
    domain: 'demo-trust.reach.test',
    teams: ['Diabetes', 'Physiotherapy', 'Community nursing'],
    roles: demoStaff.map((s) => s.role),
    patients: 320
  },
  {
    code: 'DEMO-GP',
    name: 'Mare Street Demonstration Practice',
    kind: 'gp_practice',
    domain: 'demo-gp.reach.test',
    teams: ['Reception', 'Practice nursing'],
    roles: ['admin', 'clinician', 'receptionist', 'qi_lead'],
    patients: 180
  },
  {
    code: 'DEMO-VCS',
    name: 'Hackney Digital Inclusion Demonstration Hub',
    kind: 'voluntary',
    domain: 'demo-hub.reach.test',
    teams: ['Digital champions'],
    roles: ['admin', 'champion'],
    patients: 0
  }
] as const

const givenNames = [
  'Ayşe',
  'Mehmet',
  'Chaya',
  'Yosef',
  'Fatima',
  'Abdul',
  'Grace',
  'Kwame',
  'Olivia',
  'George',
  'Maria',
  'José',
  'Agnieszka',
  'Piotr',
  'Nasrin',
  'Rahim',
  'Amara',
  'Tunde',
  'Margaret',
  'Patrick',
  'Leah',
  'Daniel',
  'Hodan',
  'Abdi',
  'Mei',
  'Wei',
  'Emily',
  'Harry',
  'Sofia',
  'Luca',
  'Shira',
  'Moshe',
  'Adwoa',
  'Kofi',
  'Priya',
  'Ravi',
  'Elif',
  'Emre',
  'Beatriz',
  'Tiago'
]
const familyNames = [
  'Yilmaz',
  'Demir',
  'Friedman',
  'Schwartz',
  'Begum',
  'Uddin',
  'Mensah',
  'Okafor',
  'Smith',
  'Jones',
  'Garcia',
  'Lopez',
  'Kowalski',
  'Nowak',
  'Rahman',
  'Ahmed',
  'Adeyemi',
  'Williams',
  'Murphy',
  'Levy',
  'Cohen',
  'Hassan',
  'Ali',
  'Chen',
  'Wang',
  'Taylor',
  'Brown',
  'Rossi',
  'Katz',
  'Boateng',
  'Patel',
  'Shah',
  'Kaya',
  'Silva',
  'Santos',
  'OBrien',
  'Evans',
  'Green',
  'Clarke',
  'Bennett'
]
const postcodeDistricts = ['E8', 'E5', 'E9', 'N16', 'N1', 'E2', 'EC2A', 'N4']
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ'
// roughly the shape of City and Hackney's population (Census 2021 TS021), coded as NHS ethnic categories
const ethnicWeights: [string, number][] = [
  ['A', 36],
  ['B', 2],
  ['C', 16],
  ['D', 2],
  ['E', 1],
  ['F', 1],
  ['G', 2],
  ['H', 2],
  ['J', 1],
  ['K', 3],
  ['L', 2],
  ['M', 4],
  ['N', 9],
  ['P', 2],
  ['R', 2],
  ['S', 6],
  ['Z', 5],
  ['99', 2]
]
const languageWeights: [string, number][] = [
  ['en', 70],
  ['tr', 7],
  ['yi', 3],
  ['bn', 3],
  ['pl', 2],
  ['es', 3],
  ['pt', 2],
  ['fr', 2],
  ['so', 1],
  ['ar', 1],
  ['ku', 1],
  ['zh', 1],
  ['bfi', 1],
  ['ur', 1]
]
const disabilityWeights: [string, number][] = [
  ['no', 70],
  ['limited_a_little', 12],
  ['limited_a_lot', 9],
  ['not_known', 9]
]

/** mulberry32: a tiny seeded random number generator, so the demo data is the same every time. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function weighted(random: () => number, weights: [string, number][]): string {
  const total = weights.reduce((s, [, w]) => s + w, 0)
  let r = random() * total
  for (const [value, w] of weights) {
    r -= w
    if (r < 0) return value
  }
  const first = weights[0]
  if (!first) throw new Error('weighted() needs at least one weight')
  return first[0]
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n) === 0
}

/** The demo accounts to show on the sign-in page: only those of synthetic organisations. */
export async function demoStaffAccounts(db: Kysely<Database>): Promise<{ email: string; role: string }[]> {
  const rows = await db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.org_id')
    .select(['staff_user.email', 'staff_user.role', 'organisation.name'])
    .where('organisation.is_synthetic', '=', true)
    .orderBy('organisation.code', 'desc')
    .orderBy('staff_user.email')
    .execute()
  return rows.map((r) => ({ email: r.email, role: `${r.name}, ${r.role.replace('_', ' ')}` }))
}

export interface SeedOptions {
  /** The shared open-data folder (REACH_SHARED_DATA): area files and the support directory. */
  sharedDataDir: string
  /** ISO date to build the demo's history back from (default: today). */
  today?: string
  log?: (line: string) => void
  onProgress?: (done: number, total: number) => void
}

export interface SeedSummary {
  organisations: number
  staff: number
  patients: number
}

/** Creates the demonstration system. Refuses if it already exists. */
export async function seedDemo(db: Kysely<Database>, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {})
  const existing = await db.selectFrom('system').select('id').where('code', '=', demoSystemCode).executeTakeFirst()
  if (existing) throw new Error('the demonstration data is already loaded')
  const random = seededRandom(20261125)
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const passwordHash = await hashPassword(demoPassword)
  const totalPatients = organisations.reduce((s, o) => s + o.patients, 0)
  let nhsSequence = 100000
  let done = 0
  let staffCount = 0

  const seeded: DemoOrganisation[] = []
  await db.transaction().execute(async (trx) => {
    const system = await trx
      .insertInto('system')
      .values({ code: demoSystemCode, name: 'City and Hackney (demonstration)', is_synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const org of organisations) {
      const created = await trx
        .insertInto('organisation')
        .values({
          system_id: system.id,
          code: org.code,
          name: org.name,
          kind: org.kind,
          // Ofcom's numbers for drama (020 7946 0000 to 0999): never a real line.
          contact_phone: `020 7946 0${String(100 + seeded.length).padStart(3, '0')}`,
          is_synthetic: true
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const teams = await trx
        .insertInto('team')
        .values(org.teams.map((name) => ({ org_id: created.id, name })))
        .returning('id')
        .execute()
      const staff = org.roles.map((role) => {
        const person = demoStaff.find((s) => s.role === role)
        if (!person) throw new Error(`no demonstration person for role ${role}`)
        return {
          org_id: created.id,
          email: `${person.local}@${org.domain}`,
          display_name: person.name,
          role,
          team_id: null,
          password_hash: passwordHash
        }
      })
      const staffRows = await trx.insertInto('staff_user').values(staff).returning(['id', 'role']).execute()
      const demoOrg: DemoOrganisation = {
        id: created.id,
        code: org.code,
        kind: org.kind,
        teamIds: teams.map((t) => t.id),
        staff: staffRows.map((r) => ({ id: r.id, role: r.role as DemoOrganisation['staff'][number]['role'] })),
        patients: []
      }
      seeded.push(demoOrg)
      staffCount += staff.length
      log(`${org.name}: ${teams.length} teams, ${staff.length} staff accounts`)

      const batch = []
      for (let i = 0; i < org.patients; i++) {
        const age = Math.min(100, Math.floor(18 + Math.pow(random(), 0.8) * 82))
        const birthYear = 2026 - age
        const month = 1 + Math.floor(random() * 12)
        const day = 1 + Math.floor(random() * 28)
        nhsSequence += 1 + Math.floor(random() * 50)
        const nhs = testRangeNhsNumber(nhsSequence)
        nhsSequence = Number(nhs.slice(3, 9))
        const language = weighted(random, languageWeights)
        const needs: CommunicationNeedCode[] = []
        if (age >= 75 && random() < 0.25) needs.push('large_print')
        if (random() < 0.04) needs.push(pick(random, communicationNeedCodes).code)
        if (language === 'bfi') needs.push('bsl_interpreter')
        // registered over the two years before today, so measures have a history
        const registered = new Date(Date.parse(`${today}T12:00:00Z`) - Math.floor(random() * 730) * 86_400_000)
          .toISOString()
          .slice(0, 10)
        batch.push({
          org_id: created.id,
          created_at: `${registered}T10:00:00Z`,
          nhs_number: nhs,
          given_name: pick(random, givenNames),
          family_name: pick(random, familyNames),
          date_of_birth: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          postcode: `${pick(random, postcodeDistricts)} ${1 + Math.floor(random() * 9)}${pick(random, [...inwardLetters])}${pick(random, [...inwardLetters])}`,
          sex: random() < 0.51 ? '2' : random() < 0.98 ? '1' : 'X',
          ethnic_category: weighted(random, ethnicWeights),
          main_language: language,
          interpreter_needed: language !== 'en' && random() < 0.45,
          disability: weighted(random, disabilityWeights),
          communication_needs: [...new Set(needs)],
          // Ofcom's drama range (07700 900000 to 900999), derived without drawing from the random sequence
          phone: `07700 900${String(nhsSequence % 1000).padStart(3, '0')}`,
          helper: needs.includes('carer_present')
            ? JSON.stringify({
                name: 'Sam Carer',
                relationship: 'paid carer',
                phone: `07700 900${String((nhsSequence + 500) % 1000).padStart(3, '0')}`,
                authority: 'patient',
                agreedOn: registered,
                capacityNote: null
              })
            : null,
          team_id: pick(random, teams).id,
          is_synthetic: true
        })
      }
      for (let start = 0; start < batch.length; start += 100) {
        const chunk = batch.slice(start, start + 100)
        const rows = await trx
          .insertInto('patient')
          .values(
            chunk.map((p) => ({
              ...p,
              communication_needs: sql<string[]>`${`{${p.communication_needs.join(',')}}`}::text[]`
            }))
          )
          .returning(['id'])
          .execute()
        rows.forEach((row, i) => {
          const p = chunk[i]
          if (!p) throw new Error('demo patient rows and inserted ids differ in length')
          demoOrg.patients.push({
            id: row.id,
            createdAt: p.created_at.slice(0, 10),
            dateOfBirth: p.date_of_birth,
            postcode: p.postcode,
            mainLanguage: p.main_language,
            interpreterNeeded: p.interpreter_needed,
            disability: p.disability,
            teamId: p.team_id
          })
        })
        done += chunk.length
        options.onProgress?.(done, totalPatients)
      }
    }
    const context: DemoContext = {
      trx,
      random,
      sharedDataDir: options.sharedDataDir,
      today,
      organisations: seeded,
      log
    }
    for (const seeder of [seedDemoArea, seedDemoDirectory, seedDemoScreenings, seedDemoReferrals, seedDemoMeasures])
      await seeder(context)
  })
  log(
    `Demonstration data loaded: ${organisations.length} organisations, ${staffCount} staff, ${totalPatients} synthetic patients`
  )
  return { organisations: organisations.length, staff: staffCount, patients: totalPatients }
}
