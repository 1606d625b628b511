/**
 * What an area data file becomes once recognised and checked: LSOAs (names, local authority,
 * ward, boundary), indicator values in long form, LSOA 2011 to 2021 lookups and postcode
 * lookups, plus any problems found, each with its line. Pure: no input/output.
 */

export type Vintage = '2011' | '2021'

export type AreaFileKind =
  | 'iod2019-file2'
  | 'mysociety-gb-imd'
  | 'iod2019-subdomains'
  | 'iod2019-indicators'
  | 'iod2025-file7'
  | 'iod2025-subdomains'
  | 'iod2025-indicators'
  | 'census21-rm121-age'
  | 'census21-ts038-disability'
  | 'census21-ts021-ethnicity'
  | 'census21-ts011-household-deprivation'
  | 'ons-sape-mid2020'
  | 'lookup-lsoa21-ward-lad'
  | 'lookup-lsoa11-lad'
  | 'lookup-lsoa11-lsoa21'
  | 'boundaries-lsoa21'
  | 'boundaries-lsoa11'
  | 'postcode-lsoa'

export interface AreaLsoa {
  code: string
  vintage: Vintage
  name?: string
  ladCode?: string
  ladName?: string
  wardCode?: string
  wardName?: string
  geometry?: unknown
}

export interface AreaIndicatorValue {
  lsoa: string
  indicator: string
  value: number
}
export interface AreaLookup {
  lsoa11: string
  lsoa21: string
  changeCode: string | null
}
export interface AreaPostcode {
  postcode: string
  lsoa21: string
  lsoa11: string | null
}
export interface AreaProblem {
  line: number
  message: string
}

export interface ParsedAreaFile {
  kind: AreaFileKind
  /** Plain-English description of what the file was recognised as. */
  description: string
  /** Default publisher and licence, used when no MANIFEST.csv names them. */
  publisher: string
  licence: string
  vintage: Vintage
  /** Data rows (CSV lines after the header, or GeoJSON features). */
  rows: number
  lsoas: AreaLsoa[]
  indicators: AreaIndicatorValue[]
  lookups: AreaLookup[]
  postcodes: AreaPostcode[]
  problems: AreaProblem[]
}

/** An LSOA code: E01 (England) or W01 (Wales) then six digits. */
export const LSOA_CODE = /^[EW]01\d{6}$/

export function isLsoaCode(value: string): boolean {
  return LSOA_CODE.test(value)
}

/** A postcode without spaces, upper case: how postcodes are matched to the lookup. */
export function postcodeKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

/** A lower-case identifier made from a label ("Black, Black British" becomes "black_black_british"). */
export function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}
