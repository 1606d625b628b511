/**
 * A synthetic postcode to LSOA lookup for the demonstration: each postcode given is placed in
 * one of the LSOAs given, spread evenly and deterministically (by a hash of the postcode).
 * It is labelled synthetic wherever it is stored. It is NOT a real ONS postcode lookup.
 */
import { postcodeKey, type AreaPostcode } from './area-file.js'

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
  return h
}

export function syntheticPostcodeLookup(postcodes: readonly string[], lsoa21Codes: readonly string[]): AreaPostcode[] {
  if (lsoa21Codes.length === 0) return []
  const sorted = [...lsoa21Codes].sort()
  const keys = [...new Set(postcodes.map(postcodeKey).filter((p) => p !== ''))].sort()
  return keys.map((postcode) => ({ postcode, lsoa21: sorted[hash(postcode) % sorted.length] as string, lsoa11: null }))
}
