/**
 * Adds a quality improvement project: its name, its aim in parts (what, for whom, how much, by when), its
 * status and dates, and optionally a template that fills the driver diagram, milestones and measures. The
 * name must not clash (ignoring case) with another project of the organisation; that is a field error for the
 * form, not a failure. The acting user owns the project and is its first member. Entry point: POST /projects/new.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProjectByName, insertProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { addMember } from '../../db/repositories/qi-workspace.js'
import { checkAim, type AimParts } from '../../domain/qi/workspace/aim.js'
import { auditFields, type Actor } from '../actor.js'
import { applyTemplate, TEMPLATES } from './create-project-from-template.js'

export interface NewProject {
  name: string
  aim: AimParts
  status: 'planning' | 'active' | 'sustaining' | 'closed'
  startOn: string
  endOn: string | null
  /** A template key ('digital-inclusion') or null. */
  template: string | null
}

export type CreateProjectResult =
  { ok: true; project: QiProjectRow } | { ok: false; errors: { field: 'name' | 'template'; text: string }[] }

export async function createProject(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  input: NewProject
): Promise<CreateProjectResult> {
  const name = input.name.trim()
  if (name === '') return { ok: false, errors: [{ field: 'name', text: 'Enter a project name' }] }
  if (await findProjectByName(db, actor.orgId, name))
    return { ok: false, errors: [{ field: 'name', text: 'A project with this name already exists' }] }
  const template = input.template ? TEMPLATES[input.template] : null
  if (input.template && !template)
    return { ok: false, errors: [{ field: 'template', text: 'Select a template from the list, or none' }] }
  const aim = checkAim(input.aim, input.startOn)
  const project = await insertProject(db, {
    org_id: actor.orgId,
    name,
    aim: aim.sentence || null,
    team_id: actor.teamId,
    status: input.status,
    owner_id: actor.userId,
    start_on: input.startOn,
    end_on: input.endOn,
    aim_what: input.aim.what.trim() || null,
    aim_who: input.aim.who.trim() || null,
    aim_how_much: input.aim.howMuch.trim() || null,
    aim_by_when: input.aim.byWhen
  })
  if (actor.userId) await addMember(db, actor.orgId, project.id, actor.userId)
  await recordAudit(db, { ...auditFields(actor), action: 'create', entityType: 'qi_project', entityId: project.id })
  if (template) await applyTemplate(db, actor, project, template, input.startOn)
  return { ok: true, project }
}
