/**
 * Adds a measure: a manual one with its operational definition, or a derived one that takes its
 * definition from Reach's list. Field errors (a name already used, a project or team that is not
 * the organisation's, a derived measure that is not available, a manual definition missing a
 * part) come back as a result for the form to show; nothing is written then.
 * Entry point: POST /measures/new.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findMeasureByName, insertMeasure, type MeasureRow } from '../../db/repositories/measures.js'
import { findProject } from '../../db/repositories/projects.js'
import { listTeams } from '../../db/repositories/organisations.js'
import { findDerivedMeasure, isMeasureType, manualMeasureIssues } from '../../domain/qi/measures/index.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { auditFields, type Actor } from '../actor.js'

export interface NewMeasure {
  /** '' for a manual measure. */
  derivedKey: string
  /** '' for a derived measure to take its standard name. */
  name: string
  type: string
  numerator: string | null
  denominator: string | null
  inclusions: string | null
  exclusions: string | null
  frequency: 'weekly' | 'monthly'
  improvement: 'increase' | 'decrease' | 'neutral'
  target: number | null
  unit: string
  owner: string | null
  notes: string | null
  projectId: string | null
  teamId: string | null
}

export interface MeasureFieldError {
  field: keyof NewMeasure
  text: string
}

export type CreateMeasureResult = { ok: true; measure: MeasureRow } | { ok: false; errors: MeasureFieldError[] }

export async function createMeasure(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  input: NewMeasure
): Promise<CreateMeasureResult> {
  const errors: MeasureFieldError[] = []
  const derived = input.derivedKey ? findDerivedMeasure(input.derivedKey) : undefined
  if (input.derivedKey && derived?.available !== true)
    errors.push({ field: 'derivedKey', text: 'Select a derived measure that is available, or none' })
  if (!input.derivedKey)
    for (const issue of manualMeasureIssues(input))
      errors.push({ field: issue.field as keyof NewMeasure, text: issue.text })
  const name = input.name || derived?.name || ''
  if (name && (await findMeasureByName(db, actor.orgId, name)))
    errors.push({ field: 'name', text: 'A measure with this name already exists. Choose a different name' })
  if (input.projectId && !(await findProject(db, actor.orgId, input.projectId)))
    errors.push({ field: 'projectId', text: 'Select a project from the list' })
  if (input.teamId) {
    const teamId = input.teamId
    const known = isUuid(teamId) && (await listTeams(db, actor.orgId)).some((t) => t.id === teamId)
    if (!known) errors.push({ field: 'teamId', text: 'Select a team from the list' })
  }
  if (errors.length > 0) return { ok: false, errors }

  const type = derived ? derived.type : input.type
  if (!isMeasureType(type)) throw new Error('unreachable: a manual measure without a valid type')
  const measure = await insertMeasure(db, {
    org_id: actor.orgId,
    name,
    project_id: input.projectId,
    team_id: input.teamId,
    type,
    source: derived ? 'derived' : 'manual',
    derived_key: derived?.key ?? null,
    numerator: derived ? derived.numerator : input.numerator,
    denominator: derived ? derived.denominator : input.denominator,
    inclusions: derived ? derived.inclusions : input.inclusions,
    exclusions: derived ? derived.exclusions : input.exclusions,
    frequency: input.frequency,
    improvement: input.improvement,
    target: input.target,
    unit: derived ? derived.unit : input.unit,
    owner: input.owner,
    notes: input.notes
  })
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'measure', entityId: measure.id })
  return { ok: true, measure }
}
