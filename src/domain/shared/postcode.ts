/**
 * UK postcodes: normalise to upper case with one space before the inward code ("E8 1DY").
 * The pattern is the shape of a UK postcode (outward code 2–4 characters, inward code digit + 2 letters);
 * it does not prove the postcode exists.
 */
const shape =
  /^(GIR ?0AA|[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?([0-9][ABD-HJLNP-UW-Z]{2})$/

/**
 * The NHS pseudo-postcode for a person of no fixed abode (NHS Data Dictionary, "Postcode of usual address").
 * Accepted so that a homeless patient can be recorded as such rather than with no postcode.
 */
export const NO_FIXED_ABODE = 'ZZ99 3VZ'

export function normalisePostcode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '')
  if (compact === NO_FIXED_ABODE.replace(' ', '')) return NO_FIXED_ABODE
  if (compact.length < 5 || compact.length > 7) return null
  const formatted = `${compact.slice(0, -3)} ${compact.slice(-3)}`
  return shape.test(formatted) ? formatted : null
}
