/**
 * Which directory areas a postcode falls in, from its postcode district (the part before the space).
 * A proxy, not geography: districts that straddle a borough (N1, N4, E2, EC2A) count as Hackney,
 * because a short trip is what matters for a referral. Sources: Royal Mail postcode districts and
 * the London postcode areas (E, EC, N, NW, SE, SW, W, WC and the outer London areas).
 */
const HACKNEY = new Set(['E5', 'E8', 'E9', 'N16', 'N1', 'N4', 'E2', 'EC2A'])
const CITY_PREFIXES = ['EC1', 'EC2', 'EC3', 'EC4']
const LONDON_AREAS = new Set([
  'E',
  'EC',
  'N',
  'NW',
  'SE',
  'SW',
  'W',
  'WC',
  'BR',
  'CR',
  'DA',
  'EN',
  'HA',
  'IG',
  'KT',
  'RM',
  'SM',
  'TW',
  'UB'
])

/** 'E8 1DY' → 'E8'; null when there is no usable postcode. */
export function postcodeDistrict(postcode: string | null | undefined): string | null {
  const compact = (postcode ?? '').toUpperCase().replace(/\s+/g, '')
  // NHS pseudo-postcodes (ZZ99: no fixed abode, not known...) say nothing about where the person is.
  if (compact.startsWith('ZZ99')) return null
  if (compact.length < 5) return compact.length >= 2 && /^[A-Z]{1,2}\d[A-Z\d]?$/.test(compact) ? compact : null
  const district = compact.slice(0, -3)
  return /^[A-Z]{1,2}\d[A-Z\d]?$/.test(district) ? district : null
}

const known = new Map<string, readonly string[]>()

/** The directory areas covering a postcode district (always includes 'national'). Do not change the result. */
export function areasForDistrict(district: string | null): readonly string[] {
  if (!district) return ['national']
  const cached = known.get(district)
  if (cached) return cached
  const areas = ['national']
  const letters = district.match(/^[A-Z]+/)?.[0] ?? ''
  if (LONDON_AREAS.has(letters)) areas.push('London')
  if (HACKNEY.has(district)) areas.push('Hackney')
  if (CITY_PREFIXES.some((p) => district.startsWith(p))) areas.push('City')
  known.set(district, areas)
  return areas
}
