/** The languages patient-facing screening pages are written in, and which are right-to-left. */
export const PATIENT_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' }
] as const

export type PatientLanguage = (typeof PATIENT_LANGUAGES)[number]

/** A supported language for a requested code; English when not supported. */
export function languageChoice(requested: string): PatientLanguage {
  const code = requested.toLowerCase().split('-')[0]
  return PATIENT_LANGUAGES.find((l) => l.code === code) ?? PATIENT_LANGUAGES[0]
}
