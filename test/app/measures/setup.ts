/** Shared setup for the measures use-case tests: a fresh database with the fixture and actors. */
import type { ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import type { NewMeasure } from '../../../src/app/measures/create-measure.js'
import type { Role } from '../../../src/domain/staff/roles.js'

export async function actorFor(database: ReachDatabase, orgId: string, role: Role): Promise<Actor> {
  const row = await database.db
    .selectFrom('staff_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow()
  return { orgId, userId: row.id, role, teamId: null, ip: '203.0.113.7', userAgent: 'test' }
}

/** A manual measure as the form gives it, after parsing. */
export const manualMeasure = (over: Partial<NewMeasure> = {}): NewMeasure => ({
  derivedKey: '',
  name: 'Clinics asking the question',
  type: 'process',
  numerator: 'Clinic sessions asking the question',
  denominator: 'Clinic sessions audited',
  inclusions: null,
  exclusions: null,
  frequency: 'monthly',
  improvement: 'increase',
  target: 80,
  unit: 'percent',
  owner: 'Outpatients manager',
  notes: null,
  projectId: null,
  teamId: null,
  ...over
})
