/**
 * A partner link (`/partner/:token`): the referral it opens, in any organisation, while the link
 * has not expired. Unknown, tampered, expired and malformed tokens are all the same NotFoundError.
 * Not audited (the receiving service only sees the service name, a reference, the status and outcomes,
 * and when they changed; never the patient's details, notes or staff names).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import {
  findReferralByPartnerTokenHash,
  partnerReferralEvents,
  referralOutcomeValues,
  type PartnerReferralRow
} from '../../db/repositories/referrals.js'
import type { Outcome } from '../../domain/referrals/status-lifecycle.js'
import { hashToken } from '../../security/tokens.js'
import { NotFoundError, found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/

export async function openPartnerLink(db: Db, input: { token: string; now?: Date }): Promise<PartnerReferralRow> {
  if (!TOKEN_PATTERN.test(input.token)) throw new NotFoundError('referral')
  return found(await findReferralByPartnerTokenHash(db, hashToken(input.token), input.now ?? new Date()), 'referral')
}

export interface PartnerView {
  referral: PartnerReferralRow
  outcomes: Outcome[]
  /** Status changes and outcomes (no notes), oldest first. */
  events: Awaited<ReturnType<typeof partnerReferralEvents>>
}

/** The partner page: the referral the link opens, its outcomes and its history without notes. */
export async function viewPartnerLink(db: Db, input: { token: string; now?: Date }): Promise<PartnerView> {
  const referral = await openPartnerLink(db, input)
  return {
    referral,
    outcomes: await referralOutcomeValues(db, referral.org_id, referral),
    events: await partnerReferralEvents(db, referral.org_id, referral.id)
  }
}
