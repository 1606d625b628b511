/**
 * Changes a project's name, aim, status and dates. A name used by another project is a field error.
 * Entry point: POST /projects/:projectId/edit.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProject, findProjectByName, updateProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { checkAim } from '../../domain/qi/workspace/aim.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'
import type { NewProject } from './create-project.js'

export type EditProjectResult =
  { ok: true; project: QiProjectRow } | { ok: false; errors: { field: 'name'; text: string }[] }

export async function editProject(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  projectId: string,
  input: Omit<NewProject, 'template'>
): Promise<EditProjectResult> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const name = input.name.trim()
  const clash = await findProjectByName(db, actor.orgId, name)
  if (clash && clash.id !== project.id)
    return { ok: false, errors: [{ field: 'name', text: 'A project with this name already exists' }] }
  const aim = checkAim(input.aim, input.startOn)
  const saved = await updateProject(db, actor.orgId, project.id, {
    name,
    aim: aim.sentence || null,
    status: input.status,
    start_on: input.startOn,
    end_on: input.endOn,
    aim_what: input.aim.what.trim() || null,
    aim_who: input.aim.who.trim() || null,
    aim_how_much: input.aim.howMuch.trim() || null,
    aim_by_when: input.aim.byWhen
  })
  await recordAudit(db, { ...auditFields(actor), action: 'update', entityType: 'qi_project', entityId: project.id })
  return { ok: true, project: saved }
}
