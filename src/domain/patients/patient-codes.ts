/**
 * Code lists for the minimal patient record. Labels are the plain-English display text;
 * codes are what is stored.
 */

/** NHS Data Dictionary PERSON STATED GENDER CODE. */
export const sexCodes = [
  { code: '1', label: 'Male' },
  { code: '2', label: 'Female' },
  { code: '9', label: 'Indeterminate (unable to be classified as either male or female)' },
  { code: 'X', label: 'Not known (not recorded)' }
] as const satisfies readonly { code: string; label: string }[]

/** NHS Data Dictionary ETHNIC CATEGORY (2001 Census categories). */
export const ethnicCategoryCodes = [
  { code: 'A', group: 'White', label: 'White: British' },
  { code: 'B', group: 'White', label: 'White: Irish' },
  { code: 'C', group: 'White', label: 'White: Any other White background' },
  { code: 'D', group: 'Mixed', label: 'Mixed: White and Black Caribbean' },
  { code: 'E', group: 'Mixed', label: 'Mixed: White and Black African' },
  { code: 'F', group: 'Mixed', label: 'Mixed: White and Asian' },
  { code: 'G', group: 'Mixed', label: 'Mixed: Any other mixed background' },
  { code: 'H', group: 'Asian or Asian British', label: 'Asian or Asian British: Indian' },
  { code: 'J', group: 'Asian or Asian British', label: 'Asian or Asian British: Pakistani' },
  { code: 'K', group: 'Asian or Asian British', label: 'Asian or Asian British: Bangladeshi' },
  { code: 'L', group: 'Asian or Asian British', label: 'Asian or Asian British: Any other Asian background' },
  { code: 'M', group: 'Black or Black British', label: 'Black or Black British: Caribbean' },
  { code: 'N', group: 'Black or Black British', label: 'Black or Black British: African' },
  { code: 'P', group: 'Black or Black British', label: 'Black or Black British: Any other Black background' },
  { code: 'R', group: 'Other ethnic groups', label: 'Other ethnic groups: Chinese' },
  { code: 'S', group: 'Other ethnic groups', label: 'Other ethnic groups: Any other ethnic group' },
  { code: 'Z', group: 'Not stated', label: 'Not stated' },
  { code: '99', group: 'Not known', label: 'Not known' }
] as const satisfies readonly { code: string; group: string; label: string }[]

/** Main languages common in City and Hackney (ISO 639 codes), plus British Sign Language. */
export const languageCodes = [
  { code: 'en', label: 'English' },
  { code: 'tr', label: 'Turkish' },
  { code: 'bn', label: 'Bengali' },
  { code: 'syl', label: 'Sylheti' },
  { code: 'ur', label: 'Urdu' },
  { code: 'yi', label: 'Yiddish' },
  { code: 'he', label: 'Hebrew' },
  { code: 'pl', label: 'Polish' },
  { code: 'es', label: 'Spanish' },
  { code: 'pt', label: 'Portuguese' },
  { code: 'fr', label: 'French' },
  { code: 'ar', label: 'Arabic' },
  { code: 'so', label: 'Somali' },
  { code: 'ku', label: 'Kurdish' },
  { code: 'gu', label: 'Gujarati' },
  { code: 'pa', label: 'Panjabi' },
  { code: 'zh', label: 'Chinese (Mandarin or Cantonese)' },
  { code: 'vi', label: 'Vietnamese' },
  { code: 'ro', label: 'Romanian' },
  { code: 'bg', label: 'Bulgarian' },
  { code: 'lt', label: 'Lithuanian' },
  { code: 'sq', label: 'Albanian' },
  { code: 'ti', label: 'Tigrinya' },
  { code: 'it', label: 'Italian' },
  { code: 'ru', label: 'Russian' },
  { code: 'bfi', label: 'British Sign Language' },
  { code: 'other', label: 'Another language' }
] as const satisfies readonly { code: string; label: string }[]

/** Disability or long-term condition (Equality Act 2010 definition, as Census 2021 TS038 asks it). */
export const disabilityCodes = [
  { code: 'limited_a_lot', label: 'Yes, day-to-day activities limited a lot' },
  { code: 'limited_a_little', label: 'Yes, day-to-day activities limited a little' },
  { code: 'no', label: 'No' },
  { code: 'not_known', label: 'Not known' }
] as const satisfies readonly { code: string; label: string }[]

/**
 * Accessible Information Standard communication and information needs, with the SNOMED CT
 * concepts from shared/data/screening/codes.csv.
 */
export const communicationNeedCodes = [
  { code: 'large_print', snomed: '957331000000109', label: 'Large print (at least 20 point)' },
  { code: 'easy_read', snomed: '796161000000101', label: 'Easy Read' },
  { code: 'braille', snomed: '936661000000109', label: 'Braille' },
  { code: 'audio', snomed: '936601000000105', label: 'Audio (electronic audio format)' },
  { code: 'verbal', snomed: '367741000000102', label: 'Information given verbally' },
  { code: 'bsl_interpreter', snomed: '204331000000107', label: 'British Sign Language interpreter' },
  { code: 'lipspeaker', snomed: '945911000000109', label: 'Lipspeaker' },
  { code: 'hearing_loop', snomed: '198061000000105', label: 'Hearing loop' },
  { code: 'text_relay', snomed: '796081000000106', label: 'Contact by text relay' },
  { code: 'advocate', snomed: '225835008', label: 'Needs an advocate' },
  { code: 'carer_present', snomed: '1108151000000106', label: 'Carer to be present' }
] as const satisfies readonly { code: string; snomed: string; label: string }[]

export type SexCode = (typeof sexCodes)[number]['code']
export type EthnicCategoryCode = (typeof ethnicCategoryCodes)[number]['code']
export type LanguageCode = (typeof languageCodes)[number]['code']
export type DisabilityCode = (typeof disabilityCodes)[number]['code']
export type CommunicationNeedCode = (typeof communicationNeedCodes)[number]['code']

export function labelFor(
  list: readonly { code: string; label: string }[],
  code: string | null | undefined
): string | null {
  if (code === null || code === undefined) return null
  return list.find((item) => item.code === code)?.label ?? code
}
