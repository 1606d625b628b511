/**
 * Who is on a project's team. Members are staff of the project's organisation; clinicians and champions who
 * are members may record what happened and what was learned on the project's PDSA cycles (see view-pdsa.ts).
 * The owner is always a member: removing them is refused until someone else owns the project. Leads
 * (`measures:write`) add and remove members; everyone who can read the project sees the list.
 * Entry points: GET and POST /projects/:projectId/members, POST /projects/:projectId/members/:userId/remove.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findProject, updateProject, type QiProjectRow } from '../../db/repositories/projects.js'
import { addMember, listMembers, removeMember, type MemberRow } from '../../db/repositories/qi-workspace.js'
import { findStaff, listStaff } from '../../db/repositories/staff.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { auditFields, type Actor } from '../actor.js'
import { found, NotFoundError } from '../errors.js'
import type { FieldResult } from './change-driver-diagram.js'

type Db = Kysely<Database> | Transaction<Database>

export interface ProjectMembers {
  project: QiProjectRow
  members: MemberRow[]
  /** Staff of the organisation who could be added: signed-up, not disabled, not already members. */
  candidates: { id: string; name: string; role: string }[]
}

export async function viewProjectMembers(db: Db, actor: Actor, projectId: string): Promise<ProjectMembers> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const [members, staff] = await Promise.all([listMembers(db, actor.orgId, project.id), listStaff(db, actor.orgId)])
  const already = new Set(members.map((m) => m.user_id))
  const candidates = staff
    .filter((s) => s.disabled_at === null && !already.has(s.id))
    .map((s) => ({ id: s.id, name: s.display_name, role: s.role }))
  return { project, members, candidates }
}

export async function addProjectMember(db: Db, actor: Actor, projectId: string, userId: string): Promise<FieldResult> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const person = isUuid(userId) ? await findStaff(db, actor.orgId, userId) : undefined
  if (!person || person.disabled_at !== null)
    return { ok: false, errors: [{ field: 'userId', text: 'Select a member of staff to add to the project' }] }
  const members = await listMembers(db, actor.orgId, project.id)
  if (members.some((m) => m.user_id === person.id))
    return { ok: false, errors: [{ field: 'userId', text: `${person.display_name} is already a member` }] }
  await addMember(db, actor.orgId, project.id, person.id)
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'qi_project_member',
    entityId: project.id,
    detail: { userId: person.id }
  })
  return { ok: true }
}

export async function removeProjectMember(
  db: Db,
  actor: Actor,
  projectId: string,
  userId: string
): Promise<FieldResult> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  if (project.owner_id === userId)
    return {
      ok: false,
      errors: [{ field: 'userId', text: 'The owner stays a member. Change the owner first, then remove them' }]
    }
  if (!isUuid(userId) || !(await removeMember(db, actor.orgId, project.id, userId)))
    throw new NotFoundError('qi_project_member')
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'delete',
    entityType: 'qi_project_member',
    entityId: project.id,
    detail: { userId }
  })
  return { ok: true }
}

/** Makes a member the project's owner (the previous owner stays a member). */
export async function makeProjectOwner(db: Db, actor: Actor, projectId: string, userId: string): Promise<void> {
  const project = found(await findProject(db, actor.orgId, projectId), 'qi_project')
  const members = await listMembers(db, actor.orgId, project.id)
  if (!members.some((m) => m.user_id === userId)) throw new NotFoundError('qi_project_member')
  await updateProject(db, actor.orgId, project.id, { owner_id: userId })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'update',
    entityType: 'qi_project',
    entityId: project.id,
    detail: { ownerId: userId }
  })
}
