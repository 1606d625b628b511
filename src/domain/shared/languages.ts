/**
 * Language names for people, from ISO 639 codes: staff and partner services read "Turkish", never `tr`.
 *
 * Names come from the platform's CLDR data (Intl.DisplayNames), with NHS usage where it differs
 * (Bengali, not "Bangla"; Panjabi) and the languages CLDR does not name (Sylheti, British Sign Language).
 */

/** Names that CLDR lacks or that NHS data standards spell differently, by the language they are written in. */
const OVERRIDES: Record<string, Record<string, string>> = {
  en: {
    bn: 'Bengali',
    syl: 'Sylheti',
    bfi: 'British Sign Language',
    pa: 'Panjabi',
    zh: 'Chinese (Mandarin or Cantonese)',
    other: 'Another language'
  }
}

/**
 * Languages usually spoken or signed but not written, so a letter or text in them cannot be read: Sylheti
 * (written Sylheti Nagri is rare; speakers who read usually read Bengali) and British Sign Language.
 */
export const UNWRITTEN_LANGUAGES: readonly string[] = ['syl', 'bfi']

const displayNames = new Map<string, Intl.DisplayNames>()
function namesIn(inLanguage: string): Intl.DisplayNames {
  let names = displayNames.get(inLanguage)
  if (!names) {
    names = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language', fallback: 'none' })
    displayNames.set(inLanguage, names)
  }
  return names
}

/** The name of a language in another language (English by default); the English name, then the code, as fallbacks. */
export function languageName(code: string, inLanguage = 'en'): string {
  const override = OVERRIDES[inLanguage]?.[code]
  if (override) return override
  try {
    const name = namesIn(inLanguage).of(code)
    if (name && name !== code) return name
  } catch {
    // not a well-formed language code: fall through
  }
  return inLanguage === 'en' ? code : languageName(code, 'en')
}

/**
 * The language code a person typed, by code or by name in English or in the languages given ("Turkish",
 * "türkçe", "tr"); null when nothing matches. `candidates` are the codes to try.
 */
export function findLanguage(
  text: string,
  candidates: readonly string[],
  inLanguages: readonly string[] = ['en']
): string | null {
  const wanted = text.trim().toLocaleLowerCase()
  if (wanted === '') return null
  for (const code of candidates) if (code.toLowerCase() === wanted) return code
  for (const code of candidates)
    for (const lang of new Set(['en', ...inLanguages]))
      if (languageName(code, lang).toLocaleLowerCase(lang) === wanted) return code
  for (const code of candidates)
    if (languageName(code).toLocaleLowerCase().startsWith(wanted) && wanted.length >= 3) return code
  return null
}
