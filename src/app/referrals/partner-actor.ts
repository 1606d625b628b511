/**
 * The receiving service acting through a partner link: no account, so no user id, audited with
 * the role 'partner'. (`Actor`'s roles do not include it, so referral use cases take either.)
 */
import type { AuditEntry } from '../../db/repositories/audit.js'
import { auditFields, type Actor } from '../actor.js'

export interface PartnerActor extends Omit<Actor, 'role' | 'userId'> {
  role: 'partner'
  userId: null
}

export type ReferralActor = Actor | PartnerActor

export function partnerActor(orgId: string, ip: string | null, userAgent: string | null): PartnerActor {
  return { orgId, userId: null, role: 'partner', teamId: null, ip, userAgent }
}

/** The audit-row fields for a staff member, an operator or a partner link. */
export function referralAuditFields(
  actor: ReferralActor
): Pick<AuditEntry, 'orgId' | 'actorUserId' | 'actorRole' | 'ip' | 'userAgent'> {
  if (actor.role !== 'partner') return auditFields(actor)
  return { orgId: actor.orgId, actorUserId: null, actorRole: 'partner', ip: actor.ip, userAgent: actor.userAgent }
}
