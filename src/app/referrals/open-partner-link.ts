/**
 * A partner link (`/partner/:token`): the referral it opens, in any organisation, while the link
 * has not expired. Unknown, tampered, expired and malformed tokens are all the same NotFoundError.
 * Not audited (the receiving service only sees the service name, a reference and the status).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findReferralByPartnerTokenHash, type PartnerReferralRow } from '../../db/repositories/referrals.js'
import { hashToken } from '../../security/tokens.js'
import { NotFoundError, found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/

export async function openPartnerLink(db: Db, input: { token: string; now?: Date }): Promise<PartnerReferralRow> {
  if (!TOKEN_PATTERN.test(input.token)) throw new NotFoundError('referral')
  return found(await findReferralByPartnerTokenHash(db, hashToken(input.token), input.now ?? new Date()), 'referral')
}
