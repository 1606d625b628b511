/**
 * Phone numbers as people write them: digits with spaces, brackets or hyphens, optionally starting with
 * +. UK numbers (020 7946 0123, 07700 900123, 0800 678 1602) and short ones such as 111 are accepted;
 * letters and other symbols are not. One rule for the directory, the patient record and imports.
 */
const SHAPE = /^\+?[0-9][0-9 ()-]*$/

/** The number tidied (single spaces, trimmed), or null when it is not a phone number. */
export function normalisePhone(input: string): string | null {
  const tidy = input.trim().replace(/\s+/g, ' ')
  if (tidy.length > 30 || !SHAPE.test(tidy)) return null
  const digits = tidy.replace(/\D/g, '').length
  return digits >= 3 && digits <= 15 ? tidy : null
}

/** The digits (and a leading +) for a tel: link. */
export function telHref(phone: string): string {
  return `tel:${phone.startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`
}

export const PHONE_ERROR = 'Enter a phone number, like 020 7946 0123 or 07700 900123'
