/**
 * Password hashing with argon2id (OWASP's first choice), via @node-rs/argon2 (prebuilt, no install scripts).
 * Parameters are OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
 */
import { hash, verify } from '@node-rs/argon2'

const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, so inlined) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1
} as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// Verified when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | null = null
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('reach-dummy-password-for-timing')
  await verifyPassword(await dummyHash, password)
  return false
}
