/**
 * NHS number validation and display.
 *
 * Rules (NHS Data Dictionary, "NHS NUMBER"; see shared/data/screening/README.md):
 * 1. trim, then remove every ASCII space and hyphen; any other non-digit makes the value invalid;
 * 2. exactly ten digits must remain;
 * 3. Modulus 11: weights 10..2 on the first nine digits, check = 11 - (sum mod 11), 11 becomes 0,
 *    10 means no check digit can make the number valid; otherwise it must equal the tenth digit;
 * 4. project rule: ten identical digits are placeholders and are rejected.
 */

export type NhsNumberProblem =
  'empty' | 'non-digit' | 'wrong-length' | 'check-digit-10' | 'check-digit-mismatch' | 'all-same-digit'

export type NhsNumberResult =
  { valid: true; value: string } | { valid: false; problem: NhsNumberProblem; reason: string }

const reasons: Record<NhsNumberProblem, string> = {
  empty: 'empty',
  'non-digit': 'contains characters other than digits, spaces and hyphens',
  'wrong-length': 'must be 10 digits',
  'check-digit-10': 'check digit computes to 10, so the number cannot be valid',
  'check-digit-mismatch': 'check digit does not match (Modulus 11)',
  'all-same-digit': 'all ten digits are the same (placeholder number)'
}

function invalid(problem: NhsNumberProblem): NhsNumberResult {
  return { valid: false, problem, reason: reasons[problem] }
}

/** The Modulus 11 check digit for nine digits, or 10 when none exists. */
export function nhsCheckDigit(firstNine: string): number {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i)
  const check = 11 - (sum % 11)
  return check === 11 ? 0 : check
}

export function validateNhsNumber(input: string): NhsNumberResult {
  const trimmed = input.trim()
  if (trimmed === '') return invalid('empty')
  const compact = trimmed.replace(/[ -]/g, '')
  if (!/^[0-9]*$/.test(compact)) return invalid('non-digit')
  if (compact.length !== 10) return invalid('wrong-length')
  const check = nhsCheckDigit(compact.slice(0, 9))
  if (check === 10) return invalid('check-digit-10')
  if (check !== Number(compact[9])) return invalid('check-digit-mismatch')
  if (/^(\d)\1{9}$/.test(compact)) return invalid('all-same-digit')
  return { valid: true, value: compact }
}

/** Displays a valid ten-digit NHS number as 3-3-4 ("943 476 5919"). */
export function formatNhsNumber(tenDigits: string): string {
  return `${tenDigits.slice(0, 3)} ${tenDigits.slice(3, 6)} ${tenDigits.slice(6)}`
}

/** Makes a valid NHS number in the 999 test range from a sequence number (never issued to a real patient). */
export function testRangeNhsNumber(sequence: number): string {
  for (let n = sequence; ; n++) {
    const firstNine = `999${String(n % 1_000_000).padStart(6, '0')}`
    const check = nhsCheckDigit(firstNine)
    const candidate = `${firstNine}${check}`
    if (check !== 10 && !/^(\d)\1{9}$/.test(candidate)) return candidate
  }
}
