/**
 * Time-based one-time passwords (RFC 6238) for two-step sign-in, through the maintained `otpauth`
 * library: SHA-1, 6 digits, 30-second steps, as every authenticator app reads them. A code is accepted
 * one step either side of now (clock drift), and never twice: the caller keeps the last step used and
 * refuses that step or an earlier one (replay). Pure apart from the clock, which can be passed in.
 */
import { Secret, TOTP } from 'otpauth'

export const TOTP_PERIOD_SECONDS = 30

/** A new random secret (160 bits), as base32 for the authenticator app and for storage. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Reach',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret)
  })
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString()
}

/** The code for a moment (for tests and examples). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return totp(secret, 'code').generate({ timestamp })
}

/**
 * The time step a code belongs to, or null when it is not a code of this secret near `timestamp` or its
 * step is not after `lastStep` (a code used once is never accepted again).
 */
export function verifyTotp(
  secret: string,
  code: string,
  options: { lastStep: number | null; timestamp?: number }
): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const timestamp = options.timestamp ?? Date.now()
  const delta = totp(secret, 'code').validate({ token, timestamp, window: 1 })
  if (delta === null) return null
  const step = Math.floor(timestamp / 1000 / TOTP_PERIOD_SECONDS) + delta
  if (options.lastStep !== null && step <= options.lastStep) return null
  return step
}

/** The secret in groups of four, for typing into an app by hand. */
export const groupedSecret = (secret: string): string => secret.replace(/(.{4})/g, '$1 ').trim()
