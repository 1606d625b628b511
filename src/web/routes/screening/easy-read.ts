/**
 * Easy Read, in one place: the picture for each question, answer and handout line, the credit the symbols'
 * licence asks for, which questions Easy Read asks, and which languages have Easy Read wording.
 *
 * Pictures are Mulberry Symbols (CC BY-SA 4.0, `static/symbols/README.md`, ADR 0010). Each is shown as an <img>
 * with empty alt next to the words: the words carry the meaning, the picture helps to find and remember it.
 * Easy Read wording (`screening.easy.*`) is written in English only; other languages use their standard wording
 * with the same pictures (we do not machine-translate Easy Read). The eHEALS items are never asked in Easy Read:
 * they are a validated instrument and must not be reworded, and their agree/disagree statements are not Easy Read.
 */
import type { AnswerSetId, Channel } from '../../../domain/screening/index.js'
import { EHEALS_LINK_IDS } from '../../../domain/screening/index.js'
import { hasKey } from '../../i18n.js'

export const SYMBOL_NAMES = [
  'ask',
  'basic-phone',
  'brain',
  'cafe',
  'calendar',
  'clock',
  'confused',
  'ear',
  'email',
  'envelope',
  'eye',
  'glasses',
  'globe',
  'hand',
  'health-centre',
  'help',
  'house',
  'internet',
  'interpreter',
  'landline',
  'laptop',
  'letter',
  'money',
  'no',
  'phone-call',
  'phone-number',
  'power',
  'read',
  'scam',
  'share',
  'smartphone',
  'speak',
  'talk-together',
  'text-message',
  'think',
  'touch-screen',
  'use-computer',
  'video-call',
  'website',
  'worried',
  'write',
  'yes'
] as const
export type SymbolName = (typeof SYMBOL_NAMES)[number]

/** A picture as the templates place it: always decorative (alt=""), always next to words. */
export interface SymbolImage {
  src: string
}

export const symbol = (name: SymbolName): SymbolImage => ({ src: `/static/symbols/${name}.svg` })

/** The attribution CC BY-SA asks for, shown on every Easy Read page and handout. */
export const SYMBOL_CREDIT = {
  name: 'Mulberry Symbols',
  url: 'https://mulberrysymbols.org',
  author: 'Steve Lee',
  licence: 'CC BY-SA 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/'
} as const

/** Languages with Easy Read wording. The others fall back to their standard wording (with the pictures). */
export const EASY_READ_LANGUAGES: readonly string[] = ['en']

export function hasEasyReadWording(lang: string): boolean {
  return EASY_READ_LANGUAGES.includes(lang)
}

/**
 * The Easy Read version of a `screening.*` key when this language has Easy Read wording and the key exists in
 * it; the standard key otherwise. (Never the English Easy Read text under another language.)
 */
export function easyReadKey(lang: string, key: string): string {
  if (!hasEasyReadWording(lang)) return key
  const easy = key.replace(/^screening\./, 'screening.easy.')
  return hasKey(lang, easy) ? easy : key
}

const EHEALS: ReadonlySet<string> = new Set(EHEALS_LINK_IDS)

/** Easy Read asks every question except the eHEALS items. */
export function askedInEasyRead(linkId: string): boolean {
  return !EHEALS.has(linkId)
}

/** One picture for every question Easy Read asks (`test/web/easy-read-symbols.test.ts` checks none is missing). */
export const QUESTION_SYMBOLS: Readonly<Record<string, SymbolName>> = {
  participation: 'ask',
  devices: 'use-computer',
  'device-sharing': 'share',
  internet: 'internet',
  afford: 'money',
  'skill-connect': 'power',
  'skill-apps': 'touch-screen',
  'skill-online-forms': 'website',
  'skill-video': 'video-call',
  'skill-messages': 'text-message',
  motivation: 'think',
  worries: 'worried',
  difficulties: 'confused',
  'assistive-tech': 'glasses',
  'main-language': 'speak',
  'reads-english': 'read',
  interpreter: 'interpreter',
  'interpreter-language': 'globe',
  helpers: 'help',
  'proxy-consent': 'talk-together',
  'proxy-name': 'write',
  'proxy-phone': 'phone-number',
  'communication-needs': 'letter',
  'contact-preference': 'phone-call'
}

/**
 * Pictures for answers, for the answer sets where a picture helps to choose. A set has a picture for every
 * option or for none, so the answers line up.
 */
export const OPTION_SYMBOLS: Partial<Record<AnswerSetId, Readonly<Record<string, SymbolName>>>> = {
  participation: { agreed: 'yes', declined: 'no' },
  'yes-no': { yes: 'yes', no: 'no' },
  devices: {
    smartphone: 'smartphone',
    tablet: 'touch-screen',
    computer: 'laptop',
    'mobile-basic': 'basic-phone',
    landline: 'landline',
    none: 'no'
  },
  internet: { 'home-broadband': 'house', 'mobile-data': 'smartphone', 'public-wifi': 'cafe', none: 'no' },
  ability: { alone: 'yes', 'with-help': 'help', cannot: 'no' },
  worries: { scams: 'scam', 'data-sharing': 'eye', none: 'no' },
  difficulties: { sight: 'eye', hearing: 'ear', dexterity: 'hand', cognition: 'brain', none: 'no' },
  channels: {
    letter: 'envelope',
    phone: 'landline',
    sms: 'text-message',
    email: 'email',
    'nhs-app': 'smartphone',
    video: 'video-call'
  }
}

/** The picture for a way of contacting the patient (handout). */
export const CHANNEL_SYMBOLS: Readonly<Record<Channel, SymbolName>> = {
  letter: 'envelope',
  phone: 'landline',
  sms: 'text-message',
  email: 'email',
  nhs_app: 'smartphone',
  video: 'video-call'
}

/** The Easy Read start page: one idea per line, each with its picture. */
export const START_LINES: readonly { key: string; symbol: SymbolName }[] = [
  { key: 'screening.easy.ui.start-1', symbol: 'ask' },
  { key: 'screening.easy.ui.start-2', symbol: 'use-computer' },
  { key: 'screening.easy.ui.start-3', symbol: 'health-centre' },
  { key: 'screening.easy.ui.start-4', symbol: 'clock' },
  { key: 'screening.easy.ui.start-5', symbol: 'yes' },
  { key: 'screening.easy.ui.start-6', symbol: 'write' }
]
