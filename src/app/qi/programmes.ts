/**
 * QI programmes of the actor's system: the list, and adding one. The acting organisation leads the
 * programme it adds; the programme's system-wide measures are chosen from the derived measures Reach
 * computes (counts only across the system, small numbers suppressed). A name must not clash, ignoring
 * case, with another programme of the system: a field error, not a failure.
 * Entry points: GET /programmes, POST /programmes/new.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findOrganisation } from '../../db/repositories/organisations.js'
import {
  findProgrammeByName,
  insertProgramme,
  listProgrammes,
  type ProgrammeListRow,
  type ProgrammeRow
} from '../../db/repositories/programmes.js'
import { derivedMeasures } from '../../domain/qi/measures/index.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** The actor's organisation's system. */
export async function systemOf(db: Db, actor: Actor): Promise<string> {
  return found(await findOrganisation(db, actor.orgId), 'organisation').system_id
}

export async function listSystemProgrammes(db: Db, actor: Actor): Promise<ProgrammeListRow[]> {
  return listProgrammes(db, await systemOf(db, actor))
}

export interface NewProgramme {
  name: string
  aim: string
  measureKeys: string[]
}

export type CreateProgrammeResult =
  { ok: true; programme: ProgrammeRow } | { ok: false; errors: { field: 'name' | 'measureKeys'; text: string }[] }

/** The derived measures a programme can show across its system. */
export const systemMeasureChoices = derivedMeasures.filter((m) => m.available)

export async function createProgramme(db: Db, actor: Actor, input: NewProgramme): Promise<CreateProgrammeResult> {
  const name = input.name.trim()
  const systemId = await systemOf(db, actor)
  if (name === '') return { ok: false, errors: [{ field: 'name', text: 'Enter a programme name' }] }
  if (await findProgrammeByName(db, systemId, name))
    return { ok: false, errors: [{ field: 'name', text: 'A programme with this name already exists in your system' }] }
  const known = new Set<string>(systemMeasureChoices.map((m) => m.key))
  if (input.measureKeys.some((k) => !known.has(k)))
    return { ok: false, errors: [{ field: 'measureKeys', text: 'Select measures from the list' }] }
  const programme = await insertProgramme(db, {
    system_id: systemId,
    lead_org_id: actor.orgId,
    name,
    aim: input.aim.trim() || null,
    measure_keys: [...new Set(input.measureKeys)],
    created_by: actor.userId
  })
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'qi_programme', entityId: programme.id })
  return { ok: true, programme }
}
