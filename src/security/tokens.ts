/**
 * Bearer tokens (session cookies, self-completion links, partner links): 256 random bits,
 * URL-safe. Only a SHA-256 of a token is stored, so a copy of the database opens nothing.
 */
import { createHash, randomBytes } from 'node:crypto'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
