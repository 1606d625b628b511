/**
 * Communication plan: how to reach this patient safely. Which channels to use and avoid, how to use each one
 * (language, format, interpreter, text relay, through a helper), the non-digital alternative, Accessible
 * Information Standard (AIS) needs, the proxy contact, what to check with the patient, and SNOMED CT codes.
 *
 * Rules (docs/clinical-safety.md names the hazards they control, and the tests that prove them):
 * - A channel is 'use' only when the patient can use it and will: they chose it, or, when they stated no
 *   preference, it needs no internet or they are happy to use the internet for their health. Their choices come
 *   first. A channel they can use but did not choose is 'not_chosen'.
 * - 'unknown' means an answer the rule needs is missing: do not rely on that channel until it is checked; every
 *   missing answer and every preference the rules refuse becomes an explicit check.
 * - Both trust worries (scams and who sees their data) keep email, the NHS App and video out; any worry makes
 *   text messages reminders only (no links, no personal details).
 * - Letters are written in the language the patient reads; texts, emails and the NHS App are in English. Someone
 *   who reads no English and whose language is not usually written (Sylheti, BSL) gets no written-only route.
 * - BSL: never the voice phone; video with a BSL interpreter or face to face. Hearing difficulty or text relay on
 *   the record: phone by text relay. "Carer to be present" on the record: no direct digital contact, and the
 *   helper the patient agreed to comes first.
 * - Declined: a letter (when the patient reads a language we can write in) or face to face, and a check to
 *   screen at the next contact.
 * Expects answers cleaned by parseScreeningAnswers.
 */
import type { Coding } from '@medplum/fhirtypes'
import { answerList, type Reason, type ScreeningAnswers } from './answers.js'
import { hasOnlineDevice } from './barrier-profile.js'
import type { QuestionLinkId } from './questionnaire.js'
import { UNWRITTEN_LANGUAGES } from '../shared/languages.js'
import { NO_FIXED_ABODE } from '../shared/postcode.js'
import type { HelperAuthority, PatientHelper } from '../patients/helper.js'

export const SNOMED_SYSTEM = 'http://snomed.info/sct'

/**
 * The SNOMED CT concepts this module uses, copied from the shared reference data (`data/screening/codes.csv`: code and display).
 * Source given there: NHS England Reasonable Adjustments flag ValueSet https://fhir.nhs.uk/England/ValueSet/RA-FlagCode
 * v0.1.0 draft 2024-02-14, via github.com/declankieran-nhsd/experimental-sushi-ci input/fsh/valuesets/RA-FlagCode.fsh @767b7f58.
 */
export const SNOMED = {
  contactByEmail: { code: '936741000000100', display: 'Requires contact by email' },
  contactBySms: { code: '936701000000103', display: 'Requires contact by short message service text message' },
  contactByLetter: { code: '936721000000107', display: 'Requires contact by letter' },
  contactByTelephone: { code: '795661000000104', display: 'Requires contact by telephone' },
  easyRead: { code: '796161000000101', display: 'Requires information in Easyread' },
  largePrint20pt: {
    code: '957331000000109',
    display: 'Requires written information in at least 20 point sans serif font'
  },
  electronicAudio: { code: '936601000000105', display: 'Requires information in electronic audio format' },
  bslInterpreter: { code: '204331000000107', display: 'British Sign Language interpreter needed' },
  interpreterNeeded: { code: '315594003', display: 'Interpreter needed' }
} as const satisfies Record<string, { code: string; display: string }>

/**
 * Language-specific "<language> interpreter needed" concepts from codes.csv, keyed by ISO 639 language code.
 * A language not listed here gets the general 'Interpreter needed' (315594003) plus the language code.
 */
export const INTERPRETER_SNOMED = {
  tr: { code: '204191000000105', display: 'Turkish language interpreter needed' },
  ku: { code: '203701000000104', display: 'Kurdish language interpreter needed' },
  pl: { code: '203901000000102', display: 'Polish language interpreter needed' },
  yi: { code: '363021000000102', display: 'Yiddish language interpreter needed' },
  he: { code: '203641000000109', display: 'Hebrew language interpreter needed' },
  bn: { code: '203321000000107', display: 'Bengali language interpreter needed' },
  syl: { code: '204081000000109', display: 'Sylheti language interpreter needed' },
  so: { code: '204021000000108', display: 'Somali language interpreter needed' },
  es: { code: '204031000000105', display: 'Spanish language interpreter needed' },
  pt: { code: '203911000000100', display: 'Portuguese language interpreter needed' },
  vi: { code: '204221000000103', display: 'Vietnamese language interpreter needed' },
  yue: { code: '203381000000108', display: 'Cantonese language interpreter needed' },
  cmn: { code: '203821000000101', display: 'Mandarin language interpreter needed' },
  ar: { code: '203311000000101', display: 'Arabic language interpreter needed' },
  fr: { code: '203441000000106', display: 'French language interpreter needed' },
  ur: { code: '204211000000109', display: 'Urdu language interpreter needed' },
  gu: { code: '203601000000106', display: 'Gujarati language interpreter needed' },
  pa: { code: '203961000000103', display: 'Panjabi language interpreter needed' },
  ru: { code: '203971000000105', display: 'Russian language interpreter needed' },
  ro: { code: '353881000000101', display: 'Romanian language interpreter needed' },
  lt: { code: '203721000000108', display: 'Lithuanian language interpreter needed' },
  sq: { code: '203291000000102', display: 'Albanian language interpreter needed' },
  ti: { code: '204171000000106', display: 'Tigrinya language interpreter needed' },
  am: { code: '203301000000103', display: 'Amharic language interpreter needed' },
  ak: { code: '203281000000104', display: 'Akan language interpreter needed' },
  yo: { code: '204241000000105', display: 'Yoruba language interpreter needed' },
  bg: { code: '353921000000107', display: 'Bulgarian language interpreter needed' },
  fa: { code: '203421000000104', display: 'Farsi language interpreter needed' },
  ta: { code: '204131000000109', display: 'Tamil language interpreter needed' },
  hi: { code: '203651000000107', display: 'Hindi language interpreter needed' },
  el: { code: '203591000000100', display: 'Greek language interpreter needed' },
  it: { code: '203371000000106', display: 'Italian language interpreter needed' }
} as const satisfies Record<string, { code: string; display: string }>

/** British Sign Language as a BCP 47 primary language subtag. */
export const BSL_LANGUAGE = 'bfi'

export const CHANNELS = ['letter', 'phone', 'sms', 'email', 'nhs_app', 'video'] as const
export type Channel = (typeof CHANNELS)[number]
/** Channels that need the internet. */
export const ONLINE_CHANNELS = ['email', 'nhs_app', 'video'] as const satisfies readonly Channel[]

export type ChannelAdvice = 'use' | 'avoid' | 'unknown' | 'not_chosen'

export const CHANNEL_KEYS = {
  letter: 'screening.channel.letter',
  phone: 'screening.channel.phone',
  sms: 'screening.channel.sms',
  email: 'screening.channel.email',
  nhs_app: 'screening.channel.nhs_app',
  video: 'screening.channel.video'
} as const satisfies Record<Channel, `screening.channel.${Channel}`>

export const ADVICE_KEYS = {
  use: 'screening.advice.use',
  avoid: 'screening.advice.avoid',
  unknown: 'screening.advice.unknown',
  not_chosen: 'screening.advice.not_chosen'
} as const satisfies Record<ChannelAdvice, `screening.advice.${ChannelAdvice}`>

/** SNOMED "requires contact by ..." concept for a channel, where codes.csv has one. */
export const CHANNEL_SNOMED = {
  letter: SNOMED.contactByLetter,
  phone: SNOMED.contactByTelephone,
  sms: SNOMED.contactBySms,
  email: SNOMED.contactByEmail,
  nhs_app: null,
  video: null
} as const satisfies Record<Channel, { code: string; display: string } | null>

/** Answer codes of the contact-preference question mapped to channels. */
const PREFERENCE_CHANNEL = {
  letter: 'letter',
  phone: 'phone',
  sms: 'sms',
  email: 'email',
  'nhs-app': 'nhs_app',
  video: 'video'
} as const satisfies Record<string, Channel>

/** The channels the patient chose at the contact-preference question, once each, in the answer's order. */
export function preferenceChannels(a: ScreeningAnswers): Channel[] {
  return [
    ...new Set(
      answerList(a, 'contact-preference').flatMap((p) =>
        p in PREFERENCE_CHANNEL ? [PREFERENCE_CHANNEL[p as keyof typeof PREFERENCE_CHANNEL]] : []
      )
    )
  ]
}

export const PLAN_REASON_KEYS = [
  'screening.plan.reason.not-known',
  'screening.plan.reason.not-chosen',
  'screening.plan.reason.no-phone',
  'screening.plan.reason.bsl-user',
  'screening.plan.reason.no-mobile',
  'screening.plan.reason.no-online-device',
  'screening.plan.reason.no-connection',
  'screening.plan.reason.cannot-afford',
  'screening.plan.reason.public-access-only',
  'screening.plan.reason.cannot-do-task',
  'screening.plan.reason.needs-help-none-available',
  'screening.plan.reason.prefers-offline',
  'screening.plan.reason.reads-no-english',
  'screening.plan.reason.no-written-language',
  'screening.plan.reason.trust-high',
  'screening.plan.reason.carer-present',
  'screening.plan.reason.no-fixed-address'
] as const
export type PlanReasonKey = (typeof PLAN_REASON_KEYS)[number]
export type PlanReason = Reason<PlanReasonKey>

export interface ChannelDecision {
  channel: Channel
  key: (typeof CHANNEL_KEYS)[Channel]
  advice: ChannelAdvice
  /** Why it is avoided, which answers are missing when unknown, or not-chosen. */
  reasons: PlanReason[]
  snomed: Coding | null
}

export type NonDigitalAlternative = 'phone' | 'letter' | 'in_person'
export const ALTERNATIVE_KEYS = {
  phone: 'screening.alternative.phone',
  letter: 'screening.alternative.letter',
  in_person: 'screening.alternative.in_person'
} as const satisfies Record<NonDigitalAlternative, `screening.alternative.${NonDigitalAlternative}`>

export type CommunicationNeedId = 'large_print' | 'easy_read' | 'braille' | 'audio' | 'bsl_interpreter' | 'interpreter'
export const NEED_KEYS = {
  large_print: 'screening.need.large_print',
  easy_read: 'screening.need.easy_read',
  braille: 'screening.need.braille',
  audio: 'screening.need.audio',
  bsl_interpreter: 'screening.need.bsl_interpreter',
  interpreter: 'screening.need.interpreter'
} as const satisfies Record<CommunicationNeedId, `screening.need.${CommunicationNeedId}`>

/** Something staff must confirm with the patient because the screening does not ask it. */
export const NEED_NOTE_KEYS = {
  largePrintSize: 'screening.need.note.confirm-print-size',
  brailleGrade: 'screening.need.note.confirm-braille-grade',
  interpreterLanguage: 'screening.need.note.confirm-interpreter-language'
} as const

export interface CommunicationNeed {
  need: CommunicationNeedId
  key: (typeof NEED_KEYS)[CommunicationNeedId]
  /** AIS needs come from disability, impairment or sensory loss; spoken-language interpreting is outside AIS. */
  ais: boolean
  /** For 'interpreter': the ISO 639 language code, or null if not known. */
  language: string | null
  snomed: Coding | null
  noteKey: (typeof NEED_NOTE_KEYS)[keyof typeof NEED_NOTE_KEYS] | null
}

export type ProxyConsent = 'given' | 'refused' | 'not_applicable' | 'unknown'
export type ProxyRelationship = 'carer' | 'family-friend'

export interface ProxyPlan {
  consent: ProxyConsent
  /** Contact details, only when consent is given. */
  contact: { name: string; phone: string } | null
  /** Who the helper is (from the helpers question). */
  helpers: readonly ProxyRelationship[]
  /**
   * On what authority the helper may be contacted: 'patient' when the patient agreed (at screening, or as
   * recorded by staff); a lasting power of attorney, a deputy or a best interests decision from the record.
   */
  consentedBy: HelperAuthority | null
  /** The relationship in the record's words ("daughter"); null when only the screening's category is known. */
  relationship: string | null
  /** When it was agreed (the record's date); null when it comes from the screening (the screening date). */
  consentedOn: string | null
  /** The record's capacity note. */
  capacityNote: string | null
}

/** Written formats a letter (or printed handout) is produced in, from AIS needs. */
export type WrittenFormat = 'large_print' | 'easy_read' | 'braille' | 'audio'

/**
 * One way to reach the patient that the plan says to use, with how: the language, the format, an interpreter,
 * text relay, or through the helper the patient agreed to. Routes come in order: the patient's own choices first.
 */
export interface ContactRoute {
  channel: Channel
  /** Language to write or speak in (ISO 639); 'en' for English. */
  language: string
  /** Interpreter needed on this route: a spoken language code, or 'bfi' for a BSL interpreter; null when none. */
  interpreter: string | null
  /** Written formats (letters only). */
  formats: WrittenFormat[]
  /** Offer text relay (Relay UK) on phone calls: hearing difficulty, or text relay on the record. */
  textRelay: boolean
  /** Contact through the helper the patient agreed we may contact, not the patient directly. */
  viaProxy: boolean
  /** The patient chose this channel. */
  preferred: boolean
  /**
   * False when the patient's worries about scams and data mean this channel is for reminders only: no personal
   * or clinical details and no links.
   */
  personalData: boolean
}

export const CHECK_KEYS = {
  channelUnknown: 'screening.plan.check.channel-unknown',
  preferenceConflict: 'screening.plan.check.preference-conflict',
  askPreference: 'screening.plan.check.ask-preference',
  interpreterLanguage: 'screening.plan.check.interpreter-language',
  proxyDetailsMissing: 'screening.plan.check.proxy-details-missing',
  proxyConsentUnknown: 'screening.plan.check.proxy-consent-unknown',
  capacity: 'screening.plan.check.capacity',
  carerNoConsent: 'screening.plan.check.carer-no-consent',
  proxyRecordRefused: 'screening.plan.check.proxy-record-refused',
  sightFormat: 'screening.plan.check.sight-format',
  hearingPhone: 'screening.plan.check.hearing-phone',
  cognitionFormat: 'screening.plan.check.cognition-format',
  readsLittleEnglish: 'screening.plan.check.reads-little-english',
  noWrittenLanguage: 'screening.plan.check.no-written-language',
  declined: 'screening.plan.check.declined',
  noFixedAddress: 'screening.plan.check.no-fixed-address'
} as const
export type CheckKey = (typeof CHECK_KEYS)[keyof typeof CHECK_KEYS]

/** Something to check with the patient before relying on the plan. `channel` names the channel it is about. */
export interface PlanCheck {
  key: CheckKey
  channel: Channel | null
}

export const CAUTION_KEYS = {
  trust: 'screening.plan.caution.trust',
  remindersOnly: 'screening.plan.caution.reminders-only'
} as const
export type CautionKey = (typeof CAUTION_KEYS)[keyof typeof CAUTION_KEYS]

/** What the patient record adds to the screening answers (AIS needs recorded by staff, the recorded language). */
export interface RecordFacts {
  /** The person who helps with contact, as staff recorded it (authority, date, capacity note). */
  helper?: PatientHelper | null
  /** How the patient likes to be contacted, as the record holds it (Channel codes, their order). */
  contactPreferences?: readonly string[]
  /** AIS codes from the patient record (domain/patients/patient-codes.ts communicationNeedCodes). */
  communicationNeeds: readonly string[]
  mainLanguage: string | null
  interpreterNeeded: boolean
  /** The postcode on the record: the NHS no-fixed-abode pseudo-postcode means letters cannot reach them. */
  postcode?: string | null
}

/** Bumped whenever the rules change; a stored plan from older rules is rebuilt from its answers. */
export const PLAN_RULES_VERSION = 3

export interface CommunicationPlan {
  rulesVersion: number
  channels: ChannelDecision[]
  /** Channels to use: the patient's choices first (in their order), then the others in CHANNELS order. */
  use: Channel[]
  avoid: Channel[]
  unknown: Channel[]
  /** Channels the patient can use but did not choose. */
  notChosen: Channel[]
  /** How to use each channel in `use`, in the same order. */
  routes: ContactRoute[]
  /** The patient's preferred channels that the plan can use, in the questionnaire's order. */
  preferred: Channel[]
  /** Preferred channels the rules say to avoid: check with the patient. */
  preferenceConflicts: Channel[]
  /** The language the patient can read (ISO 639), or null when there is none we can write in. */
  writtenLanguage: string | null
  nonDigitalAlternative: { channel: NonDigitalAlternative; key: (typeof ALTERNATIVE_KEYS)[NonDigitalAlternative] }
  needs: CommunicationNeed[]
  proxy: ProxyPlan
  /** Things to check with the patient; never empty when an answer the plan depends on is missing. */
  checks: PlanCheck[]
  /** How to behave on every contact (trust). */
  cautions: CautionKey[]
  /** SNOMED CT codings to record and flag (AIS steps 2 and 3), without repeats. */
  codes: Coding[]
}

function coding(concept: { code: string; display: string }): Coding {
  return { system: SNOMED_SYSTEM, code: concept.code, display: concept.display }
}

function planReason(key: PlanReasonKey, linkId: QuestionLinkId, answers: readonly string[]): PlanReason {
  return { key, linkId, answers: [...answers] }
}

const NO_RECORD: RecordFacts = { communicationNeeds: [], mainLanguage: null, interpreterNeeded: false }

/** The language the patient reads, or null when no language we can write in. */
function writtenLanguageOf(a: ScreeningAnswers, record: RecordFacts): string | null {
  const main = a['main-language'] ?? record.mainLanguage ?? 'en'
  if (main === 'en' || main === 'other') return 'en'
  const reads = a['reads-english']
  if (reads === 'well') return 'en'
  if (!UNWRITTEN_LANGUAGES.includes(main)) return main
  // Sylheti or BSL: English if they read any, otherwise nothing written.
  return reads === 'not-at-all' ? null : 'en'
}

/** Facts the channel rules read, from the answers and the record. */
function facts(a: ScreeningAnswers, record: RecordFacts) {
  const devices = answerList(a, 'devices')
  const internet = answerList(a, 'internet')
  const interpreter = answerList(a, 'interpreter')
  const helpers = answerList(a, 'helpers')
  const difficulties = answerList(a, 'difficulties')
  const worries = answerList(a, 'worries')
  const online = hasOnlineDevice(a)
  const recordNeeds = record.communicationNeeds
  return {
    devices,
    devicesKnown: devices.length > 0,
    online,
    hasMobile: devices.includes('smartphone') || devices.includes('mobile-basic'),
    hasPhone: devices.includes('smartphone') || devices.includes('mobile-basic') || devices.includes('landline'),
    internet,
    hasHelper: helpers.some((h) => h !== 'none'),
    helpersKnown: helpers.length > 0,
    bsl:
      interpreter.includes('bsl') ||
      a['main-language'] === BSL_LANGUAGE ||
      (a['main-language'] === undefined && record.mainLanguage === BSL_LANGUAGE) ||
      recordNeeds.includes('bsl_interpreter'),
    interpreter,
    difficulties,
    /** Both worries: scams and who sees their data. */
    trustHigh: worries.includes('scams') && worries.includes('data-sharing'),
    trustWorried: worries.includes('scams') || worries.includes('data-sharing'),
    carerPresent: recordNeeds.includes('carer_present'),
    textRelay: recordNeeds.includes('text_relay') || difficulties.includes('hearing'),
    written: writtenLanguageOf(a, record),
    noFixedAddress: record.postcode === NO_FIXED_ABODE
  }
}

type Facts = ReturnType<typeof facts>

interface RuleResult {
  avoid: PlanReason[]
  missing: QuestionLinkId[]
}

/** Access rules shared by the online channels. */
function onlineAccess(a: ScreeningAnswers, f: Facts, out: RuleResult): void {
  if (!f.devicesKnown) {
    out.missing.push('devices')
    return
  }
  if (!f.online) {
    out.avoid.push(planReason('screening.plan.reason.no-online-device', 'devices', f.devices))
    return
  }
  if (f.internet.length === 0) out.missing.push('internet')
  else if (f.internet.includes('none'))
    out.avoid.push(planReason('screening.plan.reason.no-connection', 'internet', f.internet))
  if (a.afford === undefined) out.missing.push('afford')
  else if (a.afford === 'no') out.avoid.push(planReason('screening.plan.reason.cannot-afford', 'afford', [a.afford]))
}

/** Skill rule for an online channel: cannot do it = avoid; only with help and nobody helps = avoid. */
function skill(
  a: ScreeningAnswers,
  f: Facts,
  linkId: 'skill-online-forms' | 'skill-video' | 'skill-messages',
  out: RuleResult
): void {
  if (!f.online) return
  const answer = a[linkId]
  if (answer === undefined) out.missing.push(linkId)
  else if (answer === 'cannot') out.avoid.push(planReason('screening.plan.reason.cannot-do-task', linkId, [answer]))
  else if (answer === 'with-help') {
    if (!f.helpersKnown) out.missing.push('helpers')
    else if (!f.hasHelper)
      out.avoid.push(planReason('screening.plan.reason.needs-help-none-available', linkId, [answer]))
  }
}

function prefersOffline(a: ScreeningAnswers, out: RuleResult): void {
  if (a.motivation === undefined) out.missing.push('motivation')
  else if (a.motivation === 'prefers-not')
    out.avoid.push(planReason('screening.plan.reason.prefers-offline', 'motivation', [a.motivation]))
}

/** Texts, emails and the NHS App are in English: the patient must read some English. */
function readsEnglish(a: ScreeningAnswers, out: RuleResult): void {
  const reads = a['reads-english']
  if (reads === 'not-at-all')
    out.avoid.push(planReason('screening.plan.reason.reads-no-english', 'reads-english', [reads]))
  else if (reads === undefined && a['main-language'] !== 'en')
    out.missing.push(a['main-language'] === undefined ? 'main-language' : 'reads-english')
}

/** Both worries (scams and who sees their data): nothing with personal details online. */
function trust(f: Facts, out: RuleResult): void {
  if (f.trustHigh) out.avoid.push(planReason('screening.plan.reason.trust-high', 'worries', ['scams', 'data-sharing']))
}

/** "Carer to be present" on the record: no direct digital contact the carer cannot be part of. */
function carerPresent(f: Facts, out: RuleResult): void {
  if (f.carerPresent) out.avoid.push(planReason('screening.plan.reason.carer-present', 'helpers', ['carer_present']))
}

/** The rules for each channel. Any avoid reason means avoid; otherwise a missing answer means unknown. */
const CHANNEL_RULES: Record<Channel, (a: ScreeningAnswers, f: Facts, out: RuleResult) => void> = {
  letter: (a, f, out) => {
    if (f.noFixedAddress) out.avoid.push(planReason('screening.plan.reason.no-fixed-address', 'participation', []))
    if (f.written === null)
      out.avoid.push(
        planReason('screening.plan.reason.no-written-language', 'reads-english', [a['reads-english'] ?? ''])
      )
  },
  phone: (a, f, out) => {
    if (!f.devicesKnown) out.missing.push('devices')
    else if (!f.hasPhone) out.avoid.push(planReason('screening.plan.reason.no-phone', 'devices', f.devices))
    // A direct call leaves the carer out; the helper the patient agreed to is called instead (a proxy route).
    carerPresent(f, out)
    if (f.bsl) {
      const linkId = f.interpreter.includes('bsl') ? 'interpreter' : 'main-language'
      out.avoid.push(
        planReason('screening.plan.reason.bsl-user', linkId, linkId === 'interpreter' ? ['bsl'] : [BSL_LANGUAGE])
      )
    }
  },
  sms: (a, f, out) => {
    if (!f.devicesKnown) out.missing.push('devices')
    else if (!f.hasMobile) out.avoid.push(planReason('screening.plan.reason.no-mobile', 'devices', f.devices))
    if (f.online && a['skill-messages'] === 'cannot')
      out.avoid.push(planReason('screening.plan.reason.cannot-do-task', 'skill-messages', ['cannot']))
    readsEnglish(a, out)
    carerPresent(f, out)
  },
  email: (a, f, out) => {
    onlineAccess(a, f, out)
    skill(a, f, 'skill-messages', out)
    prefersOffline(a, out)
    readsEnglish(a, out)
    trust(f, out)
    carerPresent(f, out)
  },
  nhs_app: (a, f, out) => {
    onlineAccess(a, f, out)
    skill(a, f, 'skill-online-forms', out)
    prefersOffline(a, out)
    readsEnglish(a, out)
    trust(f, out)
    carerPresent(f, out)
  },
  video: (a, f, out) => {
    onlineAccess(a, f, out)
    // A video consultation needs privacy: not from a library computer or on public wifi only.
    if (a['device-sharing'] === 'public')
      out.avoid.push(planReason('screening.plan.reason.public-access-only', 'device-sharing', ['public']))
    if (f.internet.length > 0 && f.internet.every((i) => i === 'public-wifi')) {
      out.avoid.push(planReason('screening.plan.reason.public-access-only', 'internet', f.internet))
    }
    skill(a, f, 'skill-video', out)
    prefersOffline(a, out)
    trust(f, out)
    carerPresent(f, out)
  }
}

/**
 * Whether the patient will use a channel they can use. With stated preferences: only the ones they chose.
 * Without: letter, phone and text (no internet needed), and the online channels only when they are happy to use
 * the internet for their health.
 */
function willUse(channel: Channel, a: ScreeningAnswers, preferences: readonly Channel[]): boolean {
  if (preferences.length > 0) return preferences.includes(channel)
  if (!(ONLINE_CHANNELS as readonly Channel[]).includes(channel)) return true
  return a.motivation === 'happy'
}

function decide(channel: Channel, a: ScreeningAnswers, f: Facts, preferences: readonly Channel[]): ChannelDecision {
  const out: RuleResult = { avoid: [], missing: [] }
  CHANNEL_RULES[channel](a, f, out)
  const snomedConcept = CHANNEL_SNOMED[channel]
  const base = { channel, key: CHANNEL_KEYS[channel], snomed: snomedConcept ? coding(snomedConcept) : null }
  if (out.avoid.length > 0) return { ...base, advice: 'avoid', reasons: out.avoid }
  if (out.missing.length > 0) {
    const missing = [...new Set(out.missing)]
    return {
      ...base,
      advice: 'unknown',
      reasons: missing.map((linkId) => planReason('screening.plan.reason.not-known', linkId, []))
    }
  }
  if (!willUse(channel, a, preferences)) {
    const linkId = preferences.length > 0 ? 'contact-preference' : 'motivation'
    const answers = preferences.length > 0 ? answerList(a, 'contact-preference') : [a.motivation ?? '']
    return { ...base, advice: 'not_chosen', reasons: [planReason('screening.plan.reason.not-chosen', linkId, answers)] }
  }
  return { ...base, advice: 'use', reasons: [] }
}

function interpreterLanguage(a: ScreeningAnswers): string | null {
  const language = a['interpreter-language'] ?? a['main-language']
  return language === undefined || language === 'en' ? null : language
}

function needsFrom(a: ScreeningAnswers, f: Facts, record: RecordFacts): CommunicationNeed[] {
  const needs: CommunicationNeed[] = []
  const add = (
    need: CommunicationNeedId,
    ais: boolean,
    snomed: Coding | null,
    noteKey: CommunicationNeed['noteKey'] = null,
    language: string | null = null
  ) => {
    if (!needs.some((n) => n.need === need)) needs.push({ need, key: NEED_KEYS[need], ais, language, snomed, noteKey })
  }
  const formats = answerList(a, 'communication-needs')
  const onRecord = (code: string) => record.communicationNeeds.includes(code)
  // codes.csv has large print at 20, 24 and 28 point: record the 20 point minimum and confirm the size.
  if (formats.includes('large-print') || onRecord('large_print'))
    add('large_print', true, coding(SNOMED.largePrint20pt), NEED_NOTE_KEYS.largePrintSize)
  if (formats.includes('easy-read') || onRecord('easy_read')) add('easy_read', true, coding(SNOMED.easyRead))
  // codes.csv has Grade 1 and Grade 2 Braille; the screening does not ask which, so no code until confirmed.
  if (formats.includes('braille') || onRecord('braille')) add('braille', true, null, NEED_NOTE_KEYS.brailleGrade)
  if (formats.includes('audio') || onRecord('audio')) add('audio', true, coding(SNOMED.electronicAudio))
  const language = interpreterLanguage(a)
  if (
    f.interpreter.includes('bsl') ||
    (f.interpreter.includes('spoken') && language === BSL_LANGUAGE) ||
    onRecord('bsl_interpreter')
  ) {
    add('bsl_interpreter', true, coding(SNOMED.bslInterpreter))
  }
  const spoken = f.interpreter.includes('spoken') || (f.interpreter.length === 0 && record.interpreterNeeded)
  const spokenLanguage = language ?? (record.mainLanguage !== 'en' ? record.mainLanguage : null)
  if (spoken && spokenLanguage !== BSL_LANGUAGE) {
    const specific =
      spokenLanguage === null
        ? undefined
        : (INTERPRETER_SNOMED as Record<string, { code: string; display: string }>)[spokenLanguage]
    const note = spokenLanguage === null ? NEED_NOTE_KEYS.interpreterLanguage : null
    add('interpreter', false, coding(specific ?? SNOMED.interpreterNeeded), note, spokenLanguage)
  }
  return needs
}

/**
 * The helper to contact. The patient's answer at screening comes first: "no" is a refusal even when the record
 * names a helper (staff are asked to check). Otherwise a helper on the record (staff-confirmed, with its
 * authority, date and capacity note) is the contact; failing that, the one the patient named when screened.
 */
function proxyFrom(a: ScreeningAnswers, f: Facts, recordHelper: PatientHelper | null): ProxyPlan {
  const helpers = answerList(a, 'helpers').filter((h): h is ProxyRelationship => h === 'carer' || h === 'family-friend')
  const none = { contact: null, helpers, consentedBy: null, relationship: null, consentedOn: null, capacityNote: null }
  const consent = a['proxy-consent']
  if (consent === 'no') return { consent: 'refused', ...none }
  if (recordHelper)
    return {
      consent: 'given',
      contact: { name: recordHelper.name, phone: recordHelper.phone },
      helpers,
      consentedBy: recordHelper.authority,
      relationship: recordHelper.relationship || null,
      consentedOn: recordHelper.agreedOn,
      capacityNote: recordHelper.capacityNote
    }
  if (!f.helpersKnown) return { consent: 'unknown', ...none }
  if (!f.hasHelper) return { consent: 'not_applicable', ...none }
  if (consent === undefined) return { consent: 'unknown', ...none }
  const name = a['proxy-name']
  const phone = a['proxy-phone']
  return {
    ...none,
    consent: 'given',
    contact: name !== undefined && phone !== undefined ? { name, phone } : null,
    consentedBy: 'patient'
  }
}

const WRITTEN_FORMATS: readonly WrittenFormat[] = ['large_print', 'easy_read', 'braille', 'audio']

function routeFor(
  channel: Channel,
  f: Facts,
  needs: readonly CommunicationNeed[],
  preferred: boolean,
  viaProxy: boolean
): ContactRoute {
  const spoken = needs.find((n) => n.need === 'interpreter')
  const bsl = needs.some((n) => n.need === 'bsl_interpreter') || f.bsl
  const interpreter =
    channel === 'phone' && spoken && !viaProxy
      ? (spoken.language ?? 'und')
      : channel === 'video' && bsl
        ? BSL_LANGUAGE
        : channel === 'video' && spoken
          ? (spoken.language ?? 'und')
          : null
  const written = channel === 'letter' || channel === 'sms' || channel === 'email' || channel === 'nhs_app'
  return {
    channel,
    // Letters can be translated; texts, emails and the NHS App are sent in English.
    language: channel === 'letter' ? (f.written ?? 'en') : written ? 'en' : (spoken?.language ?? 'en'),
    interpreter: viaProxy ? null : interpreter,
    formats: channel === 'letter' ? WRITTEN_FORMATS.filter((w) => needs.some((n) => n.need === w)) : [],
    textRelay: channel === 'phone' && f.textRelay && !viaProxy,
    viaProxy,
    preferred,
    personalData: !(f.trustWorried && channel === 'sms')
  }
}

function checksFor(
  a: ScreeningAnswers,
  f: Facts,
  channels: readonly ChannelDecision[],
  preferences: readonly Channel[],
  needs: readonly CommunicationNeed[],
  proxy: ProxyPlan,
  use: readonly Channel[],
  recordHelper: PatientHelper | null
): PlanCheck[] {
  const checks: PlanCheck[] = []
  const add = (key: CheckKey, channel: Channel | null = null) => checks.push({ key, channel })
  for (const c of preferences)
    if (channels.find((d) => d.channel === c)?.advice === 'avoid') add(CHECK_KEYS.preferenceConflict, c)
  for (const c of channels) if (c.advice === 'unknown') add(CHECK_KEYS.channelUnknown, c.channel)
  if (preferences.length === 0) add(CHECK_KEYS.askPreference)
  if (needs.some((n) => n.noteKey === NEED_NOTE_KEYS.interpreterLanguage)) add(CHECK_KEYS.interpreterLanguage)
  if (proxy.consent === 'given' && proxy.contact === null) add(CHECK_KEYS.proxyDetailsMissing)
  if (f.hasHelper && proxy.consent === 'unknown') add(CHECK_KEYS.proxyConsentUnknown)
  // Who consented is asked for until the record holds the helper with its authority and date.
  if (
    proxy.consent === 'given' &&
    proxy.consentedOn === null &&
    (f.difficulties.includes('cognition') || f.carerPresent)
  )
    add(CHECK_KEYS.capacity)
  if (proxy.consent === 'refused' && recordHelper) add(CHECK_KEYS.proxyRecordRefused)
  if (f.carerPresent && proxy.consent !== 'given') add(CHECK_KEYS.carerNoConsent)
  const hasFormat = needs.some((n) => (WRITTEN_FORMATS as readonly string[]).includes(n.need))
  if (f.difficulties.includes('sight') && !hasFormat) add(CHECK_KEYS.sightFormat)
  if (f.difficulties.includes('hearing') && !f.bsl && use.includes('phone')) add(CHECK_KEYS.hearingPhone)
  if (f.difficulties.includes('cognition') && !needs.some((n) => n.need === 'easy_read'))
    add(CHECK_KEYS.cognitionFormat)
  if (a['reads-english'] === 'a-little' && f.written === 'en') add(CHECK_KEYS.readsLittleEnglish)
  if (f.written === null) add(CHECK_KEYS.noWrittenLanguage)
  if (f.noFixedAddress) add(CHECK_KEYS.noFixedAddress)
  return checks
}

/** The plan for a declined screening: a safe non-digital default and a prompt to screen at the next contact. */
function declinedPlan(f: Facts, needs: CommunicationNeed[], helper: PatientHelper | null): CommunicationPlan {
  const alternative: NonDigitalAlternative = f.bsl || f.written === null ? 'in_person' : 'letter'
  const letter = f.written !== null && !f.noFixedAddress
  const channels: ChannelDecision[] = CHANNELS.map((channel) => {
    const concept = CHANNEL_SNOMED[channel]
    const base = { channel, key: CHANNEL_KEYS[channel], snomed: concept ? coding(concept) : null }
    return channel === 'letter' && letter
      ? { ...base, advice: 'use' as const, reasons: [] }
      : {
          ...base,
          advice: 'unknown' as const,
          reasons: [planReason('screening.plan.reason.not-known', 'participation', ['declined'])]
        }
  })
  const use: Channel[] = letter ? ['letter'] : []
  return {
    rulesVersion: PLAN_RULES_VERSION,
    channels,
    use,
    avoid: [],
    unknown: channels.filter((c) => c.advice === 'unknown').map((c) => c.channel),
    notChosen: [],
    routes: use.map((c) => routeFor(c, f, needs, false, false)),
    preferred: [],
    preferenceConflicts: [],
    writtenLanguage: f.written,
    nonDigitalAlternative: { channel: alternative, key: ALTERNATIVE_KEYS[alternative] },
    needs,
    // A helper on the record still stands when the patient declines the questions.
    proxy: helper
      ? proxyFrom({}, f, helper)
      : {
          consent: 'unknown',
          contact: null,
          helpers: [],
          consentedBy: null,
          relationship: null,
          consentedOn: null,
          capacityNote: null
        },
    checks: [{ key: CHECK_KEYS.declined, channel: null }],
    cautions: [],
    codes: needs
      .flatMap((n) => (n.snomed ? [n.snomed] : []))
      .filter((c, i, all) => all.findIndex((d) => d.code === c.code) === i)
  }
}

/**
 * Builds the plan from checked answers and, when known, what the patient record says (AIS needs such as
 * "carer to be present" or text relay, and the recorded language when the screening did not ask it).
 */
export function buildCommunicationPlan(answers: ScreeningAnswers, record: RecordFacts = NO_RECORD): CommunicationPlan {
  const f = facts(answers, record)
  const declined = answers.participation === 'declined'
  const answered = preferenceChannels(answers)
  // What the patient said now comes first; when the screening did not ask, what the record holds.
  const preferences: Channel[] = answered.length
    ? answered
    : (record.contactPreferences ?? []).filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c))
  const needs = needsFrom(answers, f, record)
  if (declined) return declinedPlan(f, needs, record.helper ?? null)
  const channels = CHANNELS.map((c) => decide(c, answers, f, preferences))
  const withAdvice = (advice: ChannelAdvice) => channels.filter((c) => c.advice === advice).map((c) => c.channel)
  const usable = withAdvice('use')
  const use = [...preferences.filter((c) => usable.includes(c)), ...usable.filter((c) => !preferences.includes(c))]
  const avoid = withAdvice('avoid')
  const proxy = proxyFrom(answers, f, record.helper ?? null)
  const proxyRoute = proxy.consent === 'given' && proxy.contact !== null
  // Contact through the helper first when the record says the carer must be present, or when no direct route
  // is left but the phone (the helper is reached by phone).
  const throughProxy = proxyRoute && (f.carerPresent || use.length === 0)
  const routes = use.map((c) => routeFor(c, f, needs, preferences.includes(c), false))
  if (throughProxy) routes.unshift({ ...routeFor('phone', f, needs, false, true), personalData: true })
  // The alternative is what the patient can use, chosen or not (it is offered, not assumed).
  const capable = (c: Channel) => use.includes(c) || withAdvice('not_chosen').includes(c)
  const alternative: NonDigitalAlternative =
    f.bsl || (!capable('phone') && !capable('letter')) ? 'in_person' : capable('phone') ? 'phone' : 'letter'
  const codes: Coding[] = needs.flatMap((n) => (n.snomed ? [n.snomed] : []))
  // No digital route at all (every online channel and SMS avoided): record how to contact the patient instead.
  const noDigitalRoute = [...ONLINE_CHANNELS, 'sms' as const].every((c) => avoid.includes(c))
  if (noDigitalRoute && alternative !== 'in_person')
    codes.push(coding(alternative === 'phone' ? SNOMED.contactByTelephone : SNOMED.contactByLetter))
  const cautions: CautionKey[] = []
  if (f.trustWorried) cautions.push(CAUTION_KEYS.trust)
  if (routes.some((r) => !r.personalData)) cautions.push(CAUTION_KEYS.remindersOnly)
  return {
    rulesVersion: PLAN_RULES_VERSION,
    channels,
    use,
    avoid,
    unknown: withAdvice('unknown'),
    notChosen: withAdvice('not_chosen'),
    routes,
    preferred: preferences.filter((c) => usable.includes(c)),
    preferenceConflicts: preferences.filter((c) => avoid.includes(c)),
    writtenLanguage: f.written,
    nonDigitalAlternative: { channel: alternative, key: ALTERNATIVE_KEYS[alternative] },
    needs,
    proxy,
    checks: checksFor(answers, f, channels, preferences, needs, proxy, use, record.helper ?? null),
    cautions,
    codes: codes.filter((c, i) => codes.findIndex((d) => d.code === c.code) === i)
  }
}
