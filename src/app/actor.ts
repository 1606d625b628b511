/**
 * Who is acting: the signed-in staff member (web), an operator at the command line, or a patient
 * through a one-time link. Use cases take an `Actor` so every entry point audits the same way.
 */
import type { Role } from '../domain/staff/roles.js'
import type { AuditEntry } from '../db/repositories/audit.js'

export interface Actor {
  orgId: string
  /** null for a patient link or an operator without an account. */
  userId: string | null
  role: Role | 'patient' | 'operator'
  /** The acting staff member's team; a screening falls back to the patient's team when null. */
  teamId: string | null
  ip: string | null
  userAgent: string | null
}

/** The audit-row fields that come from the actor. */
export function auditFields(
  actor: Actor
): Pick<AuditEntry, 'orgId' | 'actorUserId' | 'actorRole' | 'ip' | 'userAgent'> {
  return {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    ip: actor.ip,
    userAgent: actor.userAgent
  }
}

/** An operator at the command line, acting for one organisation. */
export function operatorActor(orgId: string): Actor {
  return { orgId, userId: null, role: 'operator', teamId: null, ip: null, userAgent: 'reach-cli' }
}
