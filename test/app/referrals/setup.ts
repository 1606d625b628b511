/**
 * Shared setup for the referral use-case tests: a fresh database with the fixture, three directory
 * services (two verified) and a screening row written directly (these tests are about referrals,
 * not about scoring answers), plus the actors and a row counter.
 */
import { sql } from 'kysely'
import type { DatabaseKind, ReachDatabase } from '../../../src/db/connect.js'
import { upsertServices } from '../../../src/db/repositories/directory.js'
import { parseDirectoryImport } from '../../../src/domain/directory/oruk.js'
import type { Barrier } from '../../../src/domain/shared/barriers.js'
import type { Actor } from '../../../src/app/actor.js'
import { freshDatabase } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'
import { testServices } from '../../helpers/test-services.js'

export { testServices }

export interface Setup {
  database: ReachDatabase
  fixture: Fixture
  clinicianA: Actor
  clinicianB: Actor
  close: () => Promise<void>
}

export async function setUp(kind: DatabaseKind): Promise<Setup> {
  const database = await freshDatabase(kind)
  const fixture = await loadFixture(database.db)
  await upsertServices(database.db, parseDirectoryImport(testServices).services)
  const staff = async (orgId: string): Promise<Actor> => {
    const row = await database.db
      .selectFrom('staff_user')
      .select(['id', 'team_id'])
      .where('org_id', '=', orgId)
      .where('role', '=', 'clinician')
      .executeTakeFirstOrThrow()
    return { orgId, userId: row.id, role: 'clinician', teamId: row.team_id, ip: '192.0.2.1', userAgent: 'test' }
  }
  return {
    database,
    fixture,
    clinicianA: await staff(fixture.orgA.id),
    clinicianB: await staff(fixture.orgB.id),
    close: () => database.close()
  }
}

/** A complete screening with these barrier levels (the others 'none'). */
export async function addScreening(
  database: ReachDatabase,
  orgId: string,
  patientId: string,
  levels: Partial<Record<Barrier, string>>
): Promise<string> {
  const row = await database.db
    .insertInto('screening')
    .values({
      org_id: orgId,
      patient_id: patientId,
      questionnaire_url: 'https://example.org/Questionnaire/test',
      questionnaire_version: '1',
      mode: 'clinician',
      language: 'en',
      status: 'complete',
      answers: '{}',
      assessment: '{}',
      readiness: 'ready',
      access_level: levels.access ?? 'none',
      skills_level: levels.skills ?? 'none',
      motivation_level: levels.motivation ?? 'none',
      trust_level: levels.trust ?? 'none',
      accessibility_level: levels.accessibility ?? 'none',
      language_level: levels.language ?? 'none',
      support_level: levels.support ?? 'none',
      has_high_barrier: Object.values(levels).includes('high'),
      has_plan: false,
      screened_at: new Date('2026-10-01T10:00:00Z')
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function countRows(
  database: ReachDatabase,
  table: 'referral' | 'referral_event' | 'outbox_message' | 'audit_event'
): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
