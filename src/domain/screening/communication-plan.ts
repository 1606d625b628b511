/**
 * Communication plan: which channels to use and avoid, the non-digital alternative to offer, Accessible
 * Information Standard (AIS) needs, interpreter needs and the proxy contact, with SNOMED CT codes to record.
 *
 * Channel advice is 'use', 'avoid' or 'unknown'. 'unknown' means an answer the rule needs is missing: do not
 * rely on that channel until it is checked with the patient. A letter is always usable, so the plan never leaves
 * a patient without a route. Expects answers cleaned by parseScreeningAnswers.
 */
import type { Coding } from '@medplum/fhirtypes'
import { answerList, type Reason, type ScreeningAnswers } from './answers.js'
import { hasOnlineDevice } from './barrier-profile.js'
import type { QuestionLinkId } from './questionnaire.js'

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

export type ChannelAdvice = 'use' | 'avoid' | 'unknown'

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
  unknown: 'screening.advice.unknown'
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

export const PLAN_REASON_KEYS = [
  'screening.plan.reason.not-known',
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
  'screening.plan.reason.reads-no-english'
] as const
export type PlanReasonKey = (typeof PLAN_REASON_KEYS)[number]
export type PlanReason = Reason<PlanReasonKey>

export interface ChannelDecision {
  channel: Channel
  key: (typeof CHANNEL_KEYS)[Channel]
  advice: ChannelAdvice
  /** Why it is avoided, or which answers are missing when unknown. */
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

export interface ProxyPlan {
  consent: ProxyConsent
  /** Contact details, only when consent is given. */
  contact: { name: string; phone: string } | null
  /** Who the helper is (from the helpers question). */
  helpers: readonly ('carer' | 'family-friend')[]
}

export interface CommunicationPlan {
  channels: ChannelDecision[]
  use: Channel[]
  avoid: Channel[]
  unknown: Channel[]
  /** The patient's preferred channels that the plan can use, in the questionnaire's order. */
  preferred: Channel[]
  /** Preferred channels the rules say to avoid: check with the patient. */
  preferenceConflicts: Channel[]
  nonDigitalAlternative: { channel: NonDigitalAlternative; key: (typeof ALTERNATIVE_KEYS)[NonDigitalAlternative] }
  needs: CommunicationNeed[]
  proxy: ProxyPlan
  /** SNOMED CT codings to record and flag (AIS steps 2 and 3), without repeats. */
  codes: Coding[]
}

function coding(concept: { code: string; display: string }): Coding {
  return { system: SNOMED_SYSTEM, code: concept.code, display: concept.display }
}

function planReason(key: PlanReasonKey, linkId: QuestionLinkId, answers: readonly string[]): PlanReason {
  return { key, linkId, answers: [...answers] }
}

/** Facts the channel rules read, from the answers. */
function facts(a: ScreeningAnswers) {
  const devices = answerList(a, 'devices')
  const internet = answerList(a, 'internet')
  const interpreter = answerList(a, 'interpreter')
  const helpers = answerList(a, 'helpers')
  const online = hasOnlineDevice(a)
  return {
    devices,
    devicesKnown: devices.length > 0,
    online,
    hasMobile: devices.includes('smartphone') || devices.includes('mobile-basic'),
    hasPhone: devices.includes('smartphone') || devices.includes('mobile-basic') || devices.includes('landline'),
    internet,
    hasHelper: helpers.some((h) => h !== 'none'),
    helpersKnown: helpers.length > 0,
    bsl: interpreter.includes('bsl') || a['main-language'] === BSL_LANGUAGE,
    interpreter
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

function readsEnglish(a: ScreeningAnswers, out: RuleResult): void {
  const reads = a['reads-english']
  if (reads === 'not-at-all')
    out.avoid.push(planReason('screening.plan.reason.reads-no-english', 'reads-english', [reads]))
  else if (reads === undefined && a['main-language'] !== 'en')
    out.missing.push(a['main-language'] === undefined ? 'main-language' : 'reads-english')
}

/** The rules for each channel. Any avoid reason means avoid; otherwise a missing answer means unknown. */
const CHANNEL_RULES: Record<Channel, (a: ScreeningAnswers, f: Facts, out: RuleResult) => void> = {
  letter: () => {},
  phone: (a, f, out) => {
    if (!f.devicesKnown) out.missing.push('devices')
    else if (!f.hasPhone) out.avoid.push(planReason('screening.plan.reason.no-phone', 'devices', f.devices))
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
  },
  email: (a, f, out) => {
    onlineAccess(a, f, out)
    skill(a, f, 'skill-messages', out)
    prefersOffline(a, out)
    readsEnglish(a, out)
  },
  nhs_app: (a, f, out) => {
    onlineAccess(a, f, out)
    skill(a, f, 'skill-online-forms', out)
    prefersOffline(a, out)
    readsEnglish(a, out)
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
  }
}

function decide(channel: Channel, a: ScreeningAnswers, f: Facts): ChannelDecision {
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
  return { ...base, advice: 'use', reasons: [] }
}

function interpreterLanguage(a: ScreeningAnswers): string | null {
  const language = a['interpreter-language'] ?? a['main-language']
  return language === undefined || language === 'en' ? null : language
}

function needsFrom(a: ScreeningAnswers, f: Facts): CommunicationNeed[] {
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
  // codes.csv has large print at 20, 24 and 28 point: record the 20 point minimum and confirm the size.
  if (formats.includes('large-print'))
    add('large_print', true, coding(SNOMED.largePrint20pt), NEED_NOTE_KEYS.largePrintSize)
  if (formats.includes('easy-read')) add('easy_read', true, coding(SNOMED.easyRead))
  // codes.csv has Grade 1 and Grade 2 Braille; the screening does not ask which, so no code until confirmed.
  if (formats.includes('braille')) add('braille', true, null, NEED_NOTE_KEYS.brailleGrade)
  if (formats.includes('audio')) add('audio', true, coding(SNOMED.electronicAudio))
  const language = interpreterLanguage(a)
  if (f.interpreter.includes('bsl') || (f.interpreter.includes('spoken') && language === BSL_LANGUAGE)) {
    add('bsl_interpreter', true, coding(SNOMED.bslInterpreter))
  }
  if (f.interpreter.includes('spoken') && language !== BSL_LANGUAGE) {
    const specific =
      language === null
        ? undefined
        : (INTERPRETER_SNOMED as Record<string, { code: string; display: string }>)[language]
    const note = language === null ? NEED_NOTE_KEYS.interpreterLanguage : null
    add('interpreter', false, coding(specific ?? SNOMED.interpreterNeeded), note, language)
  }
  return needs
}

function proxyFrom(a: ScreeningAnswers, f: Facts): ProxyPlan {
  const helpers = answerList(a, 'helpers').filter(
    (h): h is 'carer' | 'family-friend' => h === 'carer' || h === 'family-friend'
  )
  if (!f.helpersKnown) return { consent: 'unknown', contact: null, helpers }
  if (!f.hasHelper) return { consent: 'not_applicable', contact: null, helpers }
  const consent = a['proxy-consent']
  if (consent === undefined) return { consent: 'unknown', contact: null, helpers }
  if (consent === 'no') return { consent: 'refused', contact: null, helpers }
  const name = a['proxy-name']
  const phone = a['proxy-phone']
  return { consent: 'given', contact: name !== undefined && phone !== undefined ? { name, phone } : null, helpers }
}

/** Builds the plan from checked answers. */
export function buildCommunicationPlan(answers: ScreeningAnswers): CommunicationPlan {
  const f = facts(answers)
  const channels = CHANNELS.map((c) => decide(c, answers, f))
  const withAdvice = (advice: ChannelAdvice) => channels.filter((c) => c.advice === advice).map((c) => c.channel)
  const use = withAdvice('use')
  const avoid = withAdvice('avoid')
  const preferences = answerList(answers, 'contact-preference').flatMap((p) =>
    p in PREFERENCE_CHANNEL ? [PREFERENCE_CHANNEL[p as keyof typeof PREFERENCE_CHANNEL]] : []
  )
  const alternative: NonDigitalAlternative = f.bsl ? 'in_person' : use.includes('phone') ? 'phone' : 'letter'
  const needs = needsFrom(answers, f)
  const codes: Coding[] = needs.flatMap((n) => (n.snomed ? [n.snomed] : []))
  // No digital route at all (every online channel and SMS avoided): record how to contact the patient instead.
  const noDigitalRoute = [...ONLINE_CHANNELS, 'sms' as const].every((c) => avoid.includes(c))
  if (noDigitalRoute && alternative !== 'in_person')
    codes.push(coding(alternative === 'phone' ? SNOMED.contactByTelephone : SNOMED.contactByLetter))
  return {
    channels,
    use,
    avoid,
    unknown: withAdvice('unknown'),
    preferred: preferences.filter((c) => use.includes(c)),
    preferenceConflicts: preferences.filter((c) => avoid.includes(c)),
    nonDigitalAlternative: { channel: alternative, key: ALTERNATIVE_KEYS[alternative] },
    needs,
    proxy: proxyFrom(answers, f),
    codes: codes.filter((c, i) => codes.findIndex((d) => d.code === c.code) === i)
  }
}
