/**
 * Adding a staff account. Emails are unique across the whole deployment, so an email that is
 * taken, here or in any other organisation, gets one answer (`EmailUnavailableError`) that does not
 * say where: an administrator cannot use this form to find out who works elsewhere.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { emailTaken, insertStaff } from '../../db/repositories/staff.js'
import type { Role } from '../../domain/staff/roles.js'
import { hashPassword } from '../../security/password-hash.js'
import { auditFields, type Actor } from '../actor.js'

type Db = Kysely<Database> | Transaction<Database>

export class EmailUnavailableError extends Error {
  constructor() {
    super('email address cannot be used')
    this.name = 'EmailUnavailableError'
  }
}

export interface NewStaffAccount {
  displayName: string
  email: string
  role: Role
  password: string
}

/** PostgreSQL's unique_violation on the deployment-wide email index. */
function isEmailConflict(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null
  return e?.code === '23505' && (e.constraint === undefined || e.constraint === 'staff_user_email_unique')
}

/**
 * Call inside the organisation's transaction. Under row-level security the first check sees only
 * this organisation; an email taken elsewhere is caught by the unique index and answered the same.
 */
export async function createStaffAccount(db: Db, actor: Actor, input: NewStaffAccount): Promise<{ id: string }> {
  if (await emailTaken(db, input.email)) throw new EmailUnavailableError()
  const passwordHash = await hashPassword(input.password)
  let created
  try {
    created = await insertStaff(db, {
      org_id: actor.orgId,
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      team_id: null,
      password_hash: passwordHash
    })
  } catch (error) {
    if (isEmailConflict(error)) throw new EmailUnavailableError()
    throw error
  }
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'staff_user',
    entityId: created.id,
    detail: { role: created.role }
  })
  return { id: created.id }
}
