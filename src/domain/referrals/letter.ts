/**
 * The referral letter to the receiving service: its content (`letterContent`), built once here, and rendered
 * both as the email or letter text in the outbox (`letterText`) and as the printable page. Only what the
 * patient consented to share is included:
 *
 * - contact details (name, address or postcode, phone, email, how they would like to be contacted) only with
 *   `contact_details`; otherwise the sentence that they will contact the service themselves;
 * - what makes getting online hard for them, in plain sentences from the screening answers ("Has no
 *   smartphone, tablet or computer that can go online", "Worried about scams and fraud online"), and why the
 *   service was chosen, only with `barrier_summary` (reasons naming their language only with `language_needs`,
 *   reasons naming where they live only with `contact_details`; staff cautions never);
 * - language and communication needs by language name ("Speaks Turkish. Needs a Turkish interpreter.") only
 *   with `language_needs`.
 *
 * The referring care team's contact (referrer, team, organisation, its phone number) is always there. Pure:
 * everything comes in as values.
 */
import type { ConsentScope } from './consent.js'
import type { Level } from './matching.js'
import type { ServiceLocation, ServicePhone } from '../directory/service.js'
import type { ScreeningAnswers } from '../screening/answers.js'
import { scoreBarriers, type BarrierReason } from '../screening/barrier-profile.js'
import { buildCommunicationPlan, type Channel } from '../screening/communication-plan.js'
import { BARRIERS, type Barrier } from '../shared/barriers.js'
import { languageName } from '../shared/languages.js'
import { NO_FIXED_ABODE } from '../shared/postcode.js'

export interface LetterInput {
  /** The date on the letter, already in words ("3 December 2026"). */
  date: string
  /** A short reference both sides can quote (the partner page shows the same). */
  reference: string
  service: {
    name: string
    organisationName: string
    email: string | null
    url: string | null
    phones: readonly ServicePhone[]
    locations: readonly ServiceLocation[]
  }
  careTeam: {
    organisationName: string
    /** The organisation's public phone number. */
    phone: string | null
    teamName: string | null
    referrerName: string
  }
  patient: {
    name: string
    address: string | null
    postcode: string | null
    phone: string | null
    email: string | null
    mainLanguage: string | null
    interpreterNeeded: boolean
    /** AIS codes from the record (domain/patients/patient-codes.ts). */
    communicationNeeds: readonly string[]
  }
  scope: readonly ConsentScope[]
  /** The barrier levels the referral was matched on (the screening's stored levels). */
  barriers: Partial<Record<Barrier, Level>>
  /** The screening's cleaned answers; null when there is none. */
  answers: ScreeningAnswers | null
  /** Why the service was matched (domain/referrals/matching.ts reasons). */
  reasons: readonly string[]
  partnerUrl: string | null
  /** When the partner link stops working, in words. */
  partnerLinkExpires: string | null
}

export interface LetterSection {
  /** Stable: 'contact', 'language', 'needs', 'why', 'updates'. */
  id: string
  heading: string
  /** Paragraphs (`lines`) and bullet points (`items`), either or both. */
  lines: string[]
  items: string[]
  /** A web address to show on its own line (the partner link). */
  link?: string
}

export interface LetterContent {
  version: 1
  subject: string
  /** The receiving service's name, organisation and contact lines. */
  to: string[]
  date: string
  reference: string
  opening: string[]
  sections: LetterSection[]
  /** The referring care team's name and contact. */
  from: string[]
  /** The referring organisation (the letterhead). */
  organisation: string
}

const CHANNEL_WORDS: Record<Channel, string> = {
  letter: 'letter',
  phone: 'phone call',
  sms: 'text message',
  email: 'email',
  nhs_app: 'the NHS App',
  video: 'video call'
}

/** "a", "a and b", "a, b or c". */
function joinWords(words: readonly string[], last: 'and' | 'or'): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`
}

/** Plain phrases for the skill questions, after "cannot yet" or "needs help to". */
const SKILL_PHRASES: Record<string, string> = {
  'skill-connect': 'turn on a device and connect it to wifi',
  'skill-apps': 'open an app or website and find what they need',
  'skill-online-forms': 'use the NHS App or fill in a form online',
  'skill-video': 'join a video call',
  'skill-messages': 'read and send emails or text messages'
}

/** One plain sentence per screening reason (skills are gathered into two sentences). */
const REASON_SENTENCES: Partial<Record<BarrierReason['key'], string>> = {
  'screening.reason.access.no-online-device': 'Has no smartphone, tablet or computer that can go online',
  'screening.reason.access.no-connection': 'Has no way to get online: no internet at home and no mobile data',
  'screening.reason.access.cannot-afford': 'Cannot afford to keep their phone or internet connected',
  'screening.reason.access.affordability-strain':
    'Their mobile data or credit runs out: bills and top-ups are sometimes hard to afford',
  'screening.reason.access.shared-device': 'Shares a device with other people: has none of their own',
  'screening.reason.access.public-device': 'Only uses a device in a public place, such as a library',
  'screening.reason.access.public-wifi-only': 'Only gets online on free public wifi',
  'screening.reason.motivation.lacks-confidence':
    'Would like to use the internet for their health, but is not confident',
  'screening.reason.motivation.prefers-offline':
    'Would rather not use the internet for their health: help in person or by phone may suit them better',
  'screening.reason.trust.scams': 'Worried about scams and fraud online',
  'screening.reason.trust.data-sharing': 'Worried about who can see their personal information online',
  'screening.reason.accessibility.sight': 'Has difficulty seeing, so screens can be hard to read',
  'screening.reason.accessibility.hearing': 'Has difficulty hearing, so videos and calls can be hard',
  'screening.reason.accessibility.dexterity':
    'Has difficulty using their hands, so touchscreens and keyboards can be hard',
  'screening.reason.accessibility.cognition': 'Has difficulty with memory, concentration or understanding',
  'screening.reason.accessibility.uses-assistive-technology':
    'Already uses something to help, such as a screen reader, magnifier or hearing aid',
  'screening.reason.language.reads-no-english': 'Does not read English',
  'screening.reason.language.reads-little-english': 'Reads only a little English',
  'screening.reason.language.interpreter-needed': 'Needs an interpreter',
  'screening.reason.language.bsl-interpreter-needed': 'Needs a British Sign Language (BSL) interpreter',
  'screening.reason.support.no-helper': 'Has nobody to help them get online'
}

/** When a barrier's level is known but not why (no answers stored): one sentence for the barrier. */
const BARRIER_SENTENCES: Record<Barrier, string> = {
  access: 'Finds it hard to get a device or to stay connected',
  skills: 'Finds it hard to use a phone, tablet or computer',
  motivation: 'Is not confident about using the internet for their health',
  trust: 'Is worried about using the internet safely',
  accessibility: 'A health condition or disability makes phones, tablets or computers hard to use',
  language: 'Language makes online services hard for them',
  support: 'Has nobody to help them get online'
}

const HIGH_FIRST: Record<Level, number> = { high: 0, some: 1, none: 2, unknown: 2 }

/**
 * What makes getting online hard for them, in plain sentences: for each barrier at 'some' or 'high' (high
 * first), the reasons the screening answers give, or one sentence for the barrier when there are none.
 * Language reasons are left out when `withoutLanguage` (the language section says it, with names).
 */
export function plainNeeds(
  barriers: Partial<Record<Barrier, Level>>,
  answers: ScreeningAnswers | null,
  options: { withoutLanguage?: boolean } = {}
): string[] {
  const profile = answers && answers.participation !== 'declined' ? scoreBarriers(answers) : null
  const flagged = BARRIERS.filter((b) => barriers[b] === 'some' || barriers[b] === 'high')
    .filter((b) => !(options.withoutLanguage && b === 'language'))
    .sort((a, b) => HIGH_FIRST[barriers[a] ?? 'none'] - HIGH_FIRST[barriers[b] ?? 'none'])
  const sentences: string[] = []
  for (const barrier of flagged) {
    const reasons = profile?.[barrier].reasons ?? []
    const found: string[] = []
    const cannot = reasons.filter((r) => r.key.startsWith('screening.reason.skills.cannot-')).map((r) => r.linkId)
    const withHelp = reasons.filter((r) => r.key === 'screening.reason.skills.needs-help').map((r) => r.linkId)
    const phrases = (ids: readonly string[]) => ids.map((id) => SKILL_PHRASES[id]).filter((p): p is string => !!p)
    if (barrier === 'skills') {
      // "Needs help to open an app or website and find what they need, and to join a video call"
      const list = (ids: readonly string[], joiner: string) =>
        phrases(ids)
          .map((p, i, all) => (i === 0 ? p : `${i === all.length - 1 ? `${joiner} ` : ''}${p}`))
          .join(', ')
      if (cannot.length) found.push(`Cannot yet ${list(cannot, 'or')}`)
      if (withHelp.length) found.push(`Needs help to ${list(withHelp, 'and to')}`)
    }
    for (const r of reasons) {
      const sentence = REASON_SENTENCES[r.key]
      if (sentence && !found.includes(sentence) && !sentences.includes(sentence)) found.push(sentence)
    }
    if (found.length === 0 && !sentences.includes(BARRIER_SENTENCES[barrier])) found.push(BARRIER_SENTENCES[barrier])
    sentences.push(...found)
  }
  return sentences
}

const RECORD_NEED_SENTENCES: Record<string, string> = {
  verbal: 'Needs information given verbally.',
  lipspeaker: 'Needs a lipspeaker.',
  hearing_loop: 'Needs a hearing loop.',
  advocate: 'Needs an advocate.',
  carer_present: 'Would like their carer to be present.'
}

/**
 * Language and communication needs in plain words, with language names: "Speaks Turkish.", "Needs a Turkish
 * interpreter.", "Reads only a little English.", "Write to them in Turkish.", "Needs large print (at least 20
 * point)." From the screening answers and the record (the communication plan's needs).
 */
export function languageSentences(
  patient: Pick<LetterInput['patient'], 'mainLanguage' | 'interpreterNeeded' | 'communicationNeeds' | 'postcode'>,
  answers: ScreeningAnswers | null
): string[] {
  const a: ScreeningAnswers = answers ?? {}
  const plan = buildCommunicationPlan(a, {
    communicationNeeds: patient.communicationNeeds,
    mainLanguage: patient.mainLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    postcode: patient.postcode
  })
  const sentences: string[] = []
  const main = a['main-language'] ?? patient.mainLanguage
  if (main === 'bfi') sentences.push('Uses British Sign Language (BSL).')
  else if (main === 'other') sentences.push('Their main language is not English (ask them which).')
  else if (main && main !== 'en') sentences.push(`Speaks ${languageName(main)}.`)
  else if (main === 'en') sentences.push('Speaks English.')
  for (const need of plan.needs) {
    if (need.need === 'bsl_interpreter') sentences.push('Needs a British Sign Language (BSL) interpreter.')
    if (need.need === 'interpreter')
      sentences.push(
        need.language && need.language !== 'und' && need.language !== 'other'
          ? `Needs ${/^[aeiou]/i.test(languageName(need.language)) ? 'an' : 'a'} ${languageName(need.language)} interpreter.`
          : 'Needs an interpreter (ask them which language).'
      )
  }
  const reads = a['reads-english']
  if (reads === 'not-at-all') sentences.push('Does not read English.')
  if (reads === 'a-little') sentences.push('Reads only a little English.')
  if (answers && plan.writtenLanguage === null)
    sentences.push('Nothing written will be read: phone with an interpreter, or meet in person.')
  else if (plan.writtenLanguage && plan.writtenLanguage !== 'en')
    sentences.push(`Write to them in ${languageName(plan.writtenLanguage)}.`)
  for (const need of plan.needs) {
    if (need.need === 'large_print') sentences.push('Needs large print (at least 20 point).')
    if (need.need === 'easy_read') sentences.push('Needs information in Easy Read.')
    if (need.need === 'braille') sentences.push('Needs information in braille.')
    if (need.need === 'audio') sentences.push('Needs information as audio.')
  }
  if (plan.routes.some((r) => r.textRelay) || patient.communicationNeeds.includes('text_relay'))
    sentences.push('Use text relay (Relay UK) for phone calls.')
  for (const code of patient.communicationNeeds) {
    const sentence = RECORD_NEED_SENTENCES[code]
    if (sentence) sentences.push(sentence)
  }
  return [...new Set(sentences)]
}

/**
 * How they said they would like to be contacted, keeping only the channels the communication plan says to use
 * (a scam-wary person's "email" is not passed on); null when they did not say, or none of their choices is safe.
 */
function contactPreference(patient: LetterInput['patient'], answers: ScreeningAnswers | null): string | null {
  if (!answers) return null
  const plan = buildCommunicationPlan(answers, {
    communicationNeeds: patient.communicationNeeds,
    mainLanguage: patient.mainLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    postcode: patient.postcode
  })
  if (plan.preferred.length === 0) return null
  return `They would like to be contacted by ${joinWords(
    plan.preferred.map((c) => CHANNEL_WORDS[c]),
    'or'
  )}.`
}

/** Staff-facing cautions among the match reasons (freshness, eligibility checks): not for the service. */
const STAFF_CAUTION = /^(Last checked|Never checked|Check eligibility)/
/** Reasons that tell the patient's language (shared only with language_needs) or where they live (contact_details). */
const LANGUAGE_REASON = /language|interpret/i
const PLACE_REASON = /postcode district|borough/i

/** The match reasons the service may read, given what the patient agreed to share. */
function reasonsToShare(reasons: readonly string[], scope: readonly ConsentScope[]): string[] {
  return reasons.filter(
    (r) =>
      !STAFF_CAUTION.test(r) &&
      (scope.includes('language_needs') || !LANGUAGE_REASON.test(r)) &&
      (scope.includes('contact_details') || !PLACE_REASON.test(r))
  )
}

/** The letter's content: what both the outbox text and the print view show. */
export function letterContent(input: LetterInput): LetterContent {
  const { patient, service, careTeam, scope } = input
  const sections: LetterSection[] = []

  if (scope.includes('contact_details')) {
    const lines = [patient.name]
    if (patient.postcode === NO_FIXED_ABODE) lines.push('No fixed address')
    else {
      for (const line of (patient.address ?? '').split(/\r?\n/)) if (line.trim()) lines.push(line.trim())
      if (patient.postcode && !lines.some((l) => l.toUpperCase().includes(patient.postcode?.toUpperCase() ?? '')))
        lines.push(patient.postcode)
    }
    if (patient.phone) lines.push(`Phone: ${patient.phone}`)
    if (patient.email) lines.push(`Email: ${patient.email}`)
    if (!patient.phone && !patient.email)
      lines.push(
        'We do not have a phone number or email address for them. Please contact us (below) to arrange the first contact.'
      )
    const preference = contactPreference(patient, input.answers)
    if (preference) lines.push(preference)
    sections.push({ id: 'contact', heading: 'The patient', lines, items: [] })
  } else {
    sections.push({
      id: 'contact',
      heading: 'The patient',
      lines: ['The patient did not agree to share their contact details: they will contact you themselves.'],
      items: []
    })
  }

  const withLanguage = scope.includes('language_needs')
  if (withLanguage) {
    const sentences = languageSentences(patient, input.answers)
    sections.push({
      id: 'language',
      heading: 'Language and communication',
      lines: sentences.length ? [sentences.join(' ')] : ['No language or communication needs were recorded.'],
      items: []
    })
  }

  if (scope.includes('barrier_summary')) {
    const needs = plainNeeds(input.barriers, input.answers, { withoutLanguage: withLanguage })
    if (needs.length) {
      const trust = input.barriers.trust === 'some' || input.barriers.trust === 'high'
      sections.push({
        id: 'needs',
        heading: 'What makes getting online hard for them',
        lines: trust
          ? [
              `When you contact them, say who you are and that ${careTeam.organisationName} referred them. Never ask for bank details.`
            ]
          : [],
        items: needs
      })
    }
    const reasons = reasonsToShare(input.reasons, scope)
    if (reasons.length) sections.push({ id: 'why', heading: 'Why we chose your service', lines: [], items: reasons })
  }

  if (input.partnerUrl)
    sections.push({
      id: 'updates',
      heading: 'Please keep us updated',
      lines: [
        `Please tell us when you accept the referral, and each outcome, using this link. You do not need an account${input.partnerLinkExpires ? `; the link works until ${input.partnerLinkExpires}` : ''}. Quote reference ${input.reference} if you phone us.`
      ],
      items: [],
      link: input.partnerUrl
    })

  const to = [service.name, service.organisationName]
  for (const phone of service.phones)
    to.push(`Phone: ${phone.number}${phone.description ? ` (${phone.description})` : ''}`)
  if (service.email) to.push(`Email: ${service.email}`)
  const venue = service.locations[0]
  if (venue) to.push([venue.name, venue.address, venue.postcode].filter(Boolean).join(', '))
  if (service.url) to.push(`Website: ${service.url}`)

  const from = [
    [careTeam.referrerName, careTeam.teamName].filter((x) => x && x.trim() !== '').join(', '),
    careTeam.organisationName
  ]
  if (careTeam.phone) from.push(`Phone: ${careTeam.phone}`)
  // a referral recorded without a person (an import) signs off with the team and organisation only

  return {
    version: 1,
    subject: `Referral to ${service.name}`,
    to: to.filter((l) => l.trim() !== ''),
    date: input.date,
    reference: input.reference,
    opening: [
      `${careTeam.organisationName} would like to refer a patient to ${service.name} for help to get online.`,
      'The patient has agreed to this referral and to what this letter shares.'
    ],
    sections,
    from: from.filter((l) => l.trim() !== ''),
    organisation: careTeam.organisationName
  }
}

/** The letter as plain text (the outbox email or letter body). */
export function letterText(content: LetterContent): string {
  const lines = [`To: ${content.to.join(', ')}`, `Date: ${content.date}`, `Our reference: ${content.reference}`, '']
  lines.push(...content.opening, '')
  for (const section of content.sections) {
    lines.push(`${section.heading}:`, ...section.lines, ...section.items.map((i) => `- ${i}`))
    if (section.link) lines.push(section.link)
    lines.push('')
  }
  lines.push(`From: ${content.from.join(', ')}`)
  return lines.join('\n')
}

/** The letter's content and its text, from one source. */
export function referralLetter(input: LetterInput): { subject: string; body: string; content: LetterContent } {
  const content = letterContent(input)
  return { subject: content.subject, body: letterText(content), content }
}

/** A stored letter content (outbox_message.content), checked before it is shown; null when it is not one. */
export function storedLetterContent(value: unknown): LetterContent | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Partial<LetterContent>
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string')
  const ok =
    v.version === 1 &&
    typeof v.subject === 'string' &&
    typeof v.date === 'string' &&
    typeof v.reference === 'string' &&
    typeof v.organisation === 'string' &&
    strings(v.to) &&
    strings(v.opening) &&
    strings(v.from) &&
    Array.isArray(v.sections) &&
    v.sections.every(
      (s) =>
        s !== null &&
        typeof s === 'object' &&
        typeof s.id === 'string' &&
        typeof s.heading === 'string' &&
        strings(s.lines) &&
        strings(s.items) &&
        (s.link === undefined || typeof s.link === 'string')
    )
  return ok ? (v as LetterContent) : null
}
