/**
 * The proof that a sign-in's password was right, while its second step waits: a signed, HTTP-only cookie
 * holding the account and where to go after, for five minutes. It opens nothing by itself; only a code
 * from the authenticator app turns it into a session (app/staff/second-step.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'

export const twoStepCookie = 'reach_two_step'
const LIFETIME_MS = 5 * 60_000

export interface PendingSignIn {
  orgId: string
  userId: string
  returnUrl: string
  setUp: boolean
  /** The password no longer meets the rules: ask for a new one once signed in. */
  changePassword?: boolean
}

export function setPendingSignIn(reply: FastifyReply, pending: PendingSignIn, secure: boolean): void {
  const value = JSON.stringify({ ...pending, expires: Date.now() + LIFETIME_MS })
  reply.setCookie(twoStepCookie, value, {
    path: '/sign-in',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    secure,
    maxAge: LIFETIME_MS / 1000
  })
}

export function pendingSignIn(request: FastifyRequest): PendingSignIn | null {
  const raw = request.cookies[twoStepCookie]
  if (!raw) return null
  const unsigned = request.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return null
  try {
    const p = JSON.parse(unsigned.value) as Partial<PendingSignIn> & { expires?: number }
    if (typeof p.orgId !== 'string' || typeof p.userId !== 'string' || typeof p.expires !== 'number') return null
    if (p.expires < Date.now()) return null
    return {
      orgId: p.orgId,
      userId: p.userId,
      returnUrl: p.returnUrl ?? '',
      setUp: p.setUp === true,
      changePassword: p.changePassword === true
    }
  } catch {
    return null
  }
}

export function clearPendingSignIn(reply: FastifyReply): void {
  reply.clearCookie(twoStepCookie, { path: '/sign-in' })
}
