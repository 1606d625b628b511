// Two-step codes (RFC 6238) against the RFC's own test vector and the rules Reach adds: one step of
// drift either side, never the same step twice.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { groupedSecret, newTotpSecret, totpCode, totpUri, verifyTotp } from '../../src/security/totp.js'

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890" (base32 below); at T = 59 s the
// 8-digit code is 94287082, so the 6-digit code is its last six digits, 287082.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

test('the RFC 6238 SHA-1 test vector', () => {
  assert.equal(totpCode(RFC_SECRET, 59_000), '287082')
  // T = 1111111109: 07081804 → 081804
  assert.equal(totpCode(RFC_SECRET, 1_111_111_109_000), '081804')
  assert.equal(totpCode(RFC_SECRET, 1_234_567_890_000), '005924')
})

test('a code is accepted one step either side, and never the same step twice', () => {
  const now = 1_111_111_109_000
  const step = Math.floor(now / 30_000)
  assert.equal(verifyTotp(RFC_SECRET, '081804', { lastStep: null, timestamp: now }), step)
  assert.equal(verifyTotp(RFC_SECRET, '081 804', { lastStep: null, timestamp: now + 30_000 }), step)
  assert.equal(verifyTotp(RFC_SECRET, '081804', { lastStep: null, timestamp: now + 90_000 }), null)
  assert.equal(verifyTotp(RFC_SECRET, '081804', { lastStep: step, timestamp: now }), null, 'replayed')
  assert.equal(verifyTotp(RFC_SECRET, '12345', { lastStep: null, timestamp: now }), null)
  assert.equal(verifyTotp(RFC_SECRET, 'abcdef', { lastStep: null, timestamp: now }), null)
})

test('new secrets are 160 bits of base32, and the app address names Reach and the account', () => {
  const secret = newTotpSecret()
  assert.match(secret, /^[A-Z2-7]{32}$/)
  assert.notEqual(secret, newTotpSecret())
  assert.match(
    totpUri(secret, 'a.person@example.nhs.uk'),
    /^otpauth:\/\/totp\/Reach:a\.person%40example\.nhs\.uk\?.*secret=/
  )
  assert.equal(groupedSecret('ABCDEFGHIJKL'), 'ABCD EFGH IJKL')
})
