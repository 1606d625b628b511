/**
 * A small fixture: one system, organisation A (a user of every role, three patients) and
 * organisation B (admin and clinician, two patients). All synthetic, 999-range NHS numbers.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { roles, type Role } from '../../src/domain/staff/roles.js'
import { testRangeNhsNumber } from '../../src/domain/shared/nhs-number.js'
import { hashPassword } from '../../src/security/password-hash.js'

export const fixturePassword = 'correct horse battery staple'

export interface Fixture {
  orgA: {
    id: string
    code: string
    patients: { id: string; nhsNumber: string; familyName: string; dateOfBirth: string }[]
  }
  orgB: {
    id: string
    code: string
    patients: { id: string; nhsNumber: string; familyName: string; dateOfBirth: string }[]
  }
  emailA: (role: Role) => string
  emailB: (role: 'admin' | 'clinician') => string
}

let hashed: Promise<string> | null = null

export async function loadFixture(db: Kysely<Database>): Promise<Fixture> {
  hashed ??= hashPassword(fixturePassword)
  const passwordHash = await hashed
  const system = await db
    .insertInto('system')
    .values({ code: 'TEST', name: 'Test system', is_synthetic: true })
    .returning('id')
    .executeTakeFirstOrThrow()
  const makeOrg = async (
    code: string,
    name: string,
    userRoles: readonly Role[],
    patientSeeds: [string, string, string][],
    nhsStart: number
  ) => {
    const org = await db
      .insertInto('organisation')
      .values({ system_id: system.id, code, name, kind: 'trust', is_synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('staff_user')
      .values(
        userRoles.map((role) => ({
          org_id: org.id,
          email: `${role}@${code.toLowerCase()}.test`,
          display_name: `${role} of ${code}`,
          role,
          team_id: null,
          password_hash: passwordHash
        }))
      )
      .execute()
    const patients = []
    let seq = nhsStart
    for (const [given, family, dob] of patientSeeds) {
      const nhs = testRangeNhsNumber(seq)
      seq = Number(nhs.slice(3, 9)) + 1
      const row = await db
        .insertInto('patient')
        .values({
          org_id: org.id,
          nhs_number: nhs,
          given_name: given,
          family_name: family,
          date_of_birth: dob,
          postcode: 'E8 1DY',
          sex: '2',
          ethnic_category: 'A',
          main_language: 'en',
          interpreter_needed: false,
          disability: 'no',
          team_id: null,
          is_synthetic: true
        })
        .returning(['id'])
        .executeTakeFirstOrThrow()
      patients.push({ id: row.id, nhsNumber: nhs, familyName: family, dateOfBirth: dob })
    }
    return { id: org.id, code, patients }
  }
  const orgA = await makeOrg(
    'ORG-A',
    'Organisation A',
    roles,
    [
      ['Ada', 'Lovelace', '1940-12-10'],
      ['Grace', 'Hopper', '1936-12-09'],
      ['Alan', 'Turing', '1952-06-23']
    ],
    200000
  )
  const orgB = await makeOrg(
    'ORG-B',
    'Organisation B',
    ['admin', 'clinician'],
    [
      ['Mary', 'Seacole', '1945-11-23'],
      ['Florence', 'Nightingale', '1950-05-12']
    ],
    300000
  )
  return {
    orgA,
    orgB,
    emailA: (role) => `${role}@org-a.test`,
    emailB: (role) => `${role}@org-b.test`
  }
}
