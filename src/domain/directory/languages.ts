/**
 * A service's languages for people: names, never codes ("English, Turkish, Polish"), and the language a
 * person typed (a code, or a name in English or in the language itself: "Turkish", "turkish", "Türkçe", "tr").
 *
 * What can be recognised: every ISO 639-1 language the platform can name, the main languages of City and
 * Hackney (with Sylheti and British Sign Language, which have no two-letter code), and whatever languages
 * the services themselves list. Names in the language itself are tried for the local languages and the
 * services' languages (the ones people here are likely to type in their own script).
 */
import { languageName, findLanguage } from '../shared/languages.js'
import { languageCodes } from '../patients/patient-codes.js'

const LOCAL = languageCodes.map((l) => l.code).filter((c) => c !== 'other')

/** Two-letter codes the platform names, without deprecated aliases (in, iw, ji, ...). */
const ISO_639_1: readonly string[] = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const codes: string[] = []
  for (const a of letters)
    for (const b of letters) {
      const code = a + b
      try {
        if (Intl.getCanonicalLocales(code)[0] === code && languageName(code) !== code) codes.push(code)
      } catch {
        // not a language code
      }
    }
  return codes
})()

/** The languages a service works in, by name: English first (every service works in English), then its own. */
export function languageNames(codes: readonly string[]): string[] {
  return ['en', ...new Set(codes.filter((c) => c !== 'en'))].map((c) => languageName(c))
}

/** The record's one code for Chinese covers both (patient-codes.ts: "Chinese (Mandarin or Cantonese)"). */
const ALIASES: Record<string, string> = { cantonese: 'zh', mandarin: 'zh' }

let nameIndex: Map<string, string> | null = null
/** Every known language's name, in English and in each local language, to its code (built once, on first use). */
function names(): Map<string, string> {
  if (nameIndex) return nameIndex
  nameIndex = new Map(Object.entries(ALIASES))
  for (const code of [...LOCAL, ...ISO_639_1])
    for (const lang of ['en', ...LOCAL]) {
      const name = languageName(code, lang).toLocaleLowerCase(lang)
      if (!nameIndex.has(name)) nameIndex.set(name, code)
    }
  return nameIndex
}
const KNOWN = new Set([...LOCAL, ...ISO_639_1])

/**
 * The language code someone typed, or null when it names no language we know. Same rules as findLanguage
 * (a code, then a name in English or in a local language, then the start of an English name of 3 letters
 * or more), over a prebuilt index so that a public search stays cheap.
 */
export function findServiceLanguage(text: string, serviceLanguages: readonly string[] = []): string | null {
  const wanted = text.trim().toLocaleLowerCase()
  if (wanted === '') return null
  for (const code of serviceLanguages) if (code.toLowerCase() === wanted) return code
  if (KNOWN.has(wanted)) return wanted
  const named = names().get(wanted)
  if (named) return named
  const others = serviceLanguages.filter((c) => !KNOWN.has(c))
  const other = others.length ? findLanguage(text, others, [...LOCAL, ...others]) : null
  if (other) return other
  if (wanted.length < 3) return null
  for (const code of KNOWN) if (languageName(code).toLocaleLowerCase().startsWith(wanted)) return code
  return null
}

export type LanguageListResult = { ok: true; codes: string[] } | { ok: false; unknown: string[] }

/**
 * A staff member's list of languages, separated by commas: names or codes ("Turkish, pl, Yiddish").
 * Codes separated only by spaces ("tr pl") still work. English is left out (every service works in English).
 */
export function parseLanguageList(text: string, serviceLanguages: readonly string[] = []): LanguageListResult {
  const codes: string[] = []
  const unknown: string[] = []
  for (const item of text
    .split(/[,;]/)
    .map((i) => i.trim())
    .filter(Boolean)) {
    const code = findServiceLanguage(item, serviceLanguages)
    if (code) {
      codes.push(code)
      continue
    }
    const words = item.split(/\s+/)
    const wordCodes = words.map((w) => (/^[a-z]{2,3}$/i.test(w) ? findServiceLanguage(w, serviceLanguages) : null))
    if (words.length > 1 && wordCodes.every((c) => c !== null)) codes.push(...(wordCodes as string[]))
    else unknown.push(item)
  }
  return unknown.length ? { ok: false, unknown } : { ok: true, codes: [...new Set(codes.filter((c) => c !== 'en'))] }
}
