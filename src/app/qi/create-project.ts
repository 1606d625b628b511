/**
 * Adds a quality improvement project. The name must not clash (ignoring case) with another
 * project of the organisation; that is a field error for the form, not a failure.
 * Entry point: POST /measures/projects/new.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProjectByName, insertProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { auditFields, type Actor } from '../actor.js'

export interface NewProject {
  name: string
  aim: string | null
}

export type CreateProjectResult =
  { ok: true; project: QiProjectRow } | { ok: false; errors: { field: 'name'; text: string }[] }

export async function createProject(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  input: NewProject
): Promise<CreateProjectResult> {
  const name = input.name.trim()
  if (name === '') return { ok: false, errors: [{ field: 'name', text: 'Enter a project name' }] }
  if (await findProjectByName(db, actor.orgId, name))
    return { ok: false, errors: [{ field: 'name', text: 'A project with this name already exists' }] }
  const project = await insertProject(db, { org_id: actor.orgId, name, aim: input.aim })
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'qi_project', entityId: project.id })
  return { ok: true, project }
}
