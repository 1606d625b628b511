/**
 * Password rules from NCSC guidance ("Password administration for system owners"):
 * a minimum length, a generous maximum, a deny-list of common and guessable passwords,
 * and no composition rules (no forced symbols, digits or mixed case) and no forced expiry.
 */
export const minPasswordLength = 12
/** ASVS 2.1.2: at least 12 characters, and passwords over 128 are refused. */
export const maxPasswordLength = 128

// The most common passwords in breach corpora (NCSC "PwnedPasswordsTop100k" head) and
// service-specific words. Compared case-insensitively after removing spaces.
const denyList = new Set([
  '123456',
  '123456789',
  'qwerty',
  'password',
  '12345678',
  '111111',
  '1234567890',
  '1234567',
  'qwerty123',
  '000000',
  '1q2w3e',
  'aa12345678',
  'abc123',
  'password1',
  '1234',
  'qwertyuiop',
  '123321',
  'password123',
  'iloveyou',
  'dragon',
  'monkey',
  'football',
  'letmein',
  'sunshine',
  'princess',
  'welcome',
  'welcome1',
  'admin',
  'admin123',
  'passw0rd',
  'trustno1',
  'starwars',
  'whatever',
  'baseball',
  'superman',
  'michael',
  'charlie',
  'liverpool',
  'chelsea',
  'arsenal',
  'password1234',
  'qwerty12345',
  '123123123',
  'abcdefghijkl',
  'passwordpassword',
  'changeme',
  'changeme123',
  'letmein123',
  'welcome123',
  'iloveyou123',
  'qwertyqwerty',
  '123456789012',
  'qwertyuiop123',
  '1q2w3e4r5t6y',
  'zaq12wsxcde3',
  'abcd1234abcd',
  'nhsnhsnhsnhs',
  'nhspassword',
  'nhspassword1',
  'hackney',
  'hackney123',
  'reachreach',
  'reachpassword',
  'summer2026',
  'winter2026',
  'autumn2026',
  'spring2026',
  'password2026',
  'london123456',
  'englandengland'
])

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-email' | 'repeated'

export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  // characters as people count them (code points), so six emoji are six characters, not twelve (ASVS 2.1.1)
  const length = [...password].length
  if (length < minPasswordLength) return 'too-short'
  if (length > maxPasswordLength) return 'too-long'
  const folded = password.toLowerCase().replace(/\s+/g, '')
  if (denyList.has(folded)) return 'common'
  if (/^(.)\1+$/.test(folded) || /^(.{1,4})\1+$/.test(folded)) return 'repeated'
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && folded.includes(local)) return 'contains-email'
  return null
}

export const passwordProblemText: Record<PasswordProblem, string> = {
  'too-short': `Password must be ${minPasswordLength} characters or more. Three random words work well`,
  'too-long': `Password must be ${maxPasswordLength} characters or fewer`,
  common: 'Password is too common. Choose three random words instead',
  'contains-email': 'Password must not contain your email address',
  repeated: 'Password must not be a repeated pattern'
}
