/**
 * The digital inclusion screening, defined once.
 *
 * The definition is data: a flat table of items (SCREENING_ITEMS) with stable linkIds, answer codes and English
 * text, turned into one FHIR R4 Questionnaire (screeningQuestionnaire). Every mode (clinician one-page form,
 * patient one-question-per-page, paper) and every language renders this same resource, so answers and results
 * are the same whichever mode was used.
 *
 * Text shown to people is addressed by a text key, so the web layer can translate it:
 * - each item carries the extension TEXT_KEY_EXTENSION with `screening.q.<linkId>.text`
 * - each answer option carries the same extension with `screening.option.<answer set>.<code>`
 * - the item `text` and the option `display` hold the English wording (the fallback and the source for translators).
 *
 * Conventions used in the Questionnaire (all standard FHIR R4 / SDC except the text key):
 * - answer codes come from one local code system, ANSWER_SYSTEM
 * - languages are answered with BCP 47 codes (answerValueSet all-languages), stored as the primary language subtag
 * - "none of these" style options carry the SDC extension questionnaire-optionExclusive
 * - eHEALS options carry the ordinalValue extension (1 to 5)
 * - the phone number carries the regex extension
 */
import type {
  Coding,
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemEnableWhen
} from '@medplum/fhirtypes'
import { constraintExtensions } from './constraints.js'

export const SCREENING_URL = 'https://reach.example/fhir/Questionnaire/digital-inclusion-screen'
export const SCREENING_VERSION = '1.0.0'
/** Local code system for every answer option in the screening. */
export const ANSWER_SYSTEM = 'https://reach.example/fhir/CodeSystem/digital-inclusion-screen-answer'
/** Our own extension: the translation key of an item's text or an option's display. */
export const TEXT_KEY_EXTENSION = 'https://reach.example/fhir/StructureDefinition/text-key'
export const OPTION_EXCLUSIVE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive'
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue'
export const REGEX_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/regex'
export const LANGUAGE_SYSTEM = 'urn:ietf:bcp:47'
export const LANGUAGE_VALUE_SET = 'http://hl7.org/fhir/ValueSet/all-languages'
export const TITLE_TEXT_KEY = 'screening.title'

/**
 * Answer sets: option code -> English display. Object key order is the display order.
 * Option text key: `screening.option.<set>.<code>`.
 */
export const ANSWER_SETS = {
  participation: {
    agreed: 'Yes',
    declined: 'No, I do not want to answer these questions'
  },
  devices: {
    smartphone: 'Smartphone',
    tablet: 'Tablet, such as an iPad',
    computer: 'Laptop or desktop computer',
    'mobile-basic': 'Mobile phone for calls and texts only',
    landline: 'Landline phone',
    none: 'None of these'
  },
  'device-sharing': {
    own: 'It is my own',
    shared: 'I share it with other people',
    public: 'I use one in a public place, such as a library'
  },
  internet: {
    'home-broadband': 'Internet or wifi at home',
    'mobile-data': 'Mobile data on my phone or tablet',
    'public-wifi': 'Free wifi in public places, such as a library or cafe',
    none: 'I cannot get online'
  },
  afford: {
    yes: 'Yes',
    sometimes: 'Sometimes it is hard',
    no: 'No'
  },
  ability: {
    alone: 'I can do this on my own',
    'with-help': 'I can do this with help',
    cannot: 'I cannot do this'
  },
  motivation: {
    happy: 'I am happy to do this',
    'lacks-confidence': 'I would like to, but I do not feel confident',
    'prefers-not': 'I would rather not'
  },
  worries: {
    scams: 'Scams or fraud',
    'data-sharing': 'Who can see my personal information',
    none: 'No, none of these'
  },
  difficulties: {
    sight: 'Seeing',
    hearing: 'Hearing',
    dexterity: 'Using my hands',
    cognition: 'Memory, concentration or understanding',
    none: 'No, none of these'
  },
  'yes-no': {
    yes: 'Yes',
    no: 'No'
  },
  'reads-english': {
    well: 'Well',
    'a-little': 'A little',
    'not-at-all': 'Not at all'
  },
  interpreter: {
    no: 'No',
    spoken: 'Yes, for a spoken language',
    bsl: 'Yes, a British Sign Language (BSL) interpreter'
  },
  helpers: {
    carer: 'Yes, a carer',
    'family-friend': 'Yes, a family member or friend',
    none: 'No'
  },
  'info-formats': {
    'large-print': 'Large print',
    'easy-read': 'Easy Read',
    braille: 'Braille',
    audio: 'Audio',
    none: 'No, none of these'
  },
  channels: {
    letter: 'Letter',
    phone: 'Phone call',
    sms: 'Text message',
    email: 'Email',
    'nhs-app': 'NHS App',
    video: 'Video call'
  },
  // eHEALS response scale as published (Norman & Skinner 2006): 1 = strongly disagree ... 5 = strongly agree.
  likert: {
    'strongly-disagree': 'Strongly disagree',
    disagree: 'Disagree',
    undecided: 'Undecided',
    agree: 'Agree',
    'strongly-agree': 'Strongly agree'
  }
} as const satisfies Record<string, Readonly<Record<string, string>>>

export type AnswerSetId = keyof typeof ANSWER_SETS
export type OptionCode<S extends AnswerSetId> = keyof (typeof ANSWER_SETS)[S] & string

/** Options that cannot be combined with any other option of the same question. */
export const EXCLUSIVE_OPTIONS = {
  devices: ['none'],
  internet: ['none'],
  worries: ['none'],
  difficulties: ['none'],
  interpreter: ['no'],
  helpers: ['none'],
  'info-formats': ['none']
} as const satisfies { readonly [S in AnswerSetId]?: readonly OptionCode<S>[] }

/** eHEALS item scores (ordinalValue in the Questionnaire). */
export const LIKERT_SCORES = {
  'strongly-disagree': 1,
  disagree: 2,
  undecided: 3,
  agree: 4,
  'strongly-agree': 5
} as const satisfies Record<OptionCode<'likert'>, 1 | 2 | 3 | 4 | 5>

/** A condition on an earlier question: `answer` is an option code, a language code, or a boolean for 'exists'. */
export interface ItemCondition {
  readonly question: string
  readonly operator: '=' | '!=' | 'exists'
  readonly answer: string | boolean
}

export interface ItemVisibility {
  readonly behavior: 'any' | 'all'
  readonly when: readonly ItemCondition[]
}

interface BaseSpec {
  readonly linkId: string
  /** linkId of the enclosing group, if any. */
  readonly parent?: string
  /** English text; the translation key is derived from the linkId. */
  readonly text: string
  /** Shown only when these conditions hold (FHIR enableWhen). Items inside a hidden group are hidden too. */
  readonly visibility?: ItemVisibility
}

export type ItemSpec =
  | (BaseSpec & { readonly kind: 'group' })
  | (BaseSpec & { readonly kind: 'display' })
  | (BaseSpec & {
      readonly kind: 'choice'
      readonly answerSet: AnswerSetId
      readonly repeats: boolean
      readonly required: boolean
    })
  | (BaseSpec & { readonly kind: 'language'; readonly required: boolean })
  | (BaseSpec & {
      readonly kind: 'string'
      readonly required: boolean
      readonly maxLength: number
      readonly regex?: string
    })

// Shared visibility rules.
const AGREED = {
  behavior: 'all',
  when: [{ question: 'participation', operator: '!=', answer: 'declined' }]
} as const satisfies ItemVisibility
const HAS_ONLINE_DEVICE = {
  behavior: 'any',
  when: [
    { question: 'devices', operator: '=', answer: 'smartphone' },
    { question: 'devices', operator: '=', answer: 'tablet' },
    { question: 'devices', operator: '=', answer: 'computer' }
  ]
} as const satisfies ItemVisibility
const HAS_CONNECTION = {
  behavior: 'any',
  when: [
    { question: 'internet', operator: '=', answer: 'home-broadband' },
    { question: 'internet', operator: '=', answer: 'mobile-data' },
    { question: 'internet', operator: '=', answer: 'public-wifi' }
  ]
} as const satisfies ItemVisibility

/**
 * eHEALS items, in the published order.
 * Wording: the English items of Norman CD, Skinner HA. eHEALS: The eHealth Literacy Scale. J Med Internet Res
 * 2006;8(4):e27 (doi:10.2196/jmir.8.4.e27), written from the published table and cross-checked against the item
 * list reproduced by Dale et al. 2020 (J Multidiscip Healthc, PMC7069557). NOT re-checked against the primary PDF:
 * confirm the exact wording (and the licence for reuse) before clinical use.
 */
export const EHEALS_ITEM_TEXT = [
  'I know what health resources are available on the Internet',
  'I know where to find helpful health resources on the Internet',
  'I know how to find helpful health resources on the Internet',
  'I know how to use the Internet to answer my questions about health',
  'I know how to use the health information I find on the Internet to help me',
  'I have the skills I need to evaluate the health resources I find on the Internet',
  'I can tell high quality health resources from low quality health resources on the Internet',
  'I feel confident in using information from the Internet to make health decisions'
] as const

/**
 * The screening items in document order. Groups are sections; in patient mode each question is one page.
 * Core screen: 14 questions on the clinician form when the 5 skills are shown as one grid; follow-up questions
 * appear only when they apply.
 */
export const SCREENING_ITEMS = [
  // Declined path: every other section is hidden when the patient declines.
  {
    kind: 'choice',
    linkId: 'participation',
    text: 'Can we ask you some questions about using phones, computers and the internet, and how you would like us to contact you?',
    answerSet: 'participation',
    repeats: false,
    required: true
  },

  // Access: devices, connection, affordability.
  { kind: 'group', linkId: 'access', text: 'Devices and internet', visibility: AGREED },
  {
    kind: 'choice',
    linkId: 'devices',
    parent: 'access',
    text: 'Which of these do you have, or can you use when you need to?',
    answerSet: 'devices',
    repeats: true,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'device-sharing',
    parent: 'access',
    text: 'Is the phone, tablet or computer you would use to go online your own?',
    answerSet: 'device-sharing',
    repeats: false,
    required: false,
    visibility: HAS_ONLINE_DEVICE
  },
  {
    kind: 'choice',
    linkId: 'internet',
    parent: 'access',
    text: 'How do you get online?',
    answerSet: 'internet',
    repeats: true,
    required: true,
    visibility: HAS_ONLINE_DEVICE
  },
  {
    kind: 'choice',
    linkId: 'afford',
    parent: 'access',
    text: 'Can you afford to keep your phone or internet connected, such as bills, data or top-ups?',
    answerSet: 'afford',
    repeats: false,
    required: true,
    visibility: HAS_ONLINE_DEVICE
  },

  // Skills: Essential Digital Skills foundation tasks plus the health tasks we ask patients to do online.
  // Skipped when the patient has no smartphone, tablet or computer: the questions cannot be answered from experience.
  {
    kind: 'group',
    linkId: 'skills',
    text: 'Can you do these things on a phone, tablet or computer?',
    visibility: HAS_ONLINE_DEVICE
  },
  {
    kind: 'choice',
    linkId: 'skill-connect',
    parent: 'skills',
    text: 'Turn on a device and connect it to wifi',
    answerSet: 'ability',
    repeats: false,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'skill-apps',
    parent: 'skills',
    text: 'Open an app or website and find what you need',
    answerSet: 'ability',
    repeats: false,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'skill-online-forms',
    parent: 'skills',
    text: 'Use the NHS App or fill in a form online',
    answerSet: 'ability',
    repeats: false,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'skill-video',
    parent: 'skills',
    text: 'Join a video call',
    answerSet: 'ability',
    repeats: false,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'skill-messages',
    parent: 'skills',
    text: 'Read and send emails or text messages',
    answerSet: 'ability',
    repeats: false,
    required: true
  },

  // Motivation, confidence and trust.
  { kind: 'group', linkId: 'attitudes', text: 'Using the internet for your health', visibility: AGREED },
  {
    kind: 'choice',
    linkId: 'motivation',
    parent: 'attitudes',
    text: 'How do you feel about using the internet for your health, such as booking appointments or seeing test results?',
    answerSet: 'motivation',
    repeats: false,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'worries',
    parent: 'attitudes',
    text: 'Do any of these worry you about using health services online?',
    answerSet: 'worries',
    repeats: true,
    required: true
  },

  // Accessibility.
  { kind: 'group', linkId: 'accessibility', text: 'Health and disability', visibility: AGREED },
  {
    kind: 'choice',
    linkId: 'difficulties',
    parent: 'accessibility',
    text: 'Do you have difficulty with any of these that makes phones, tablets or computers hard to use?',
    answerSet: 'difficulties',
    repeats: true,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'assistive-tech',
    parent: 'accessibility',
    text: 'Do you use anything to help, such as a screen reader, magnifier, hearing aid or adapted keyboard?',
    answerSet: 'yes-no',
    repeats: false,
    required: false,
    visibility: {
      behavior: 'any',
      when: [
        { question: 'difficulties', operator: '=', answer: 'sight' },
        { question: 'difficulties', operator: '=', answer: 'hearing' },
        { question: 'difficulties', operator: '=', answer: 'dexterity' },
        { question: 'difficulties', operator: '=', answer: 'cognition' }
      ]
    }
  },

  // Language.
  { kind: 'group', linkId: 'language', text: 'Language', visibility: AGREED },
  {
    kind: 'language',
    linkId: 'main-language',
    parent: 'language',
    text: 'What is your main language?',
    required: true
  },
  {
    kind: 'choice',
    linkId: 'reads-english',
    parent: 'language',
    text: 'How well do you read English?',
    answerSet: 'reads-english',
    repeats: false,
    required: true,
    visibility: { behavior: 'all', when: [{ question: 'main-language', operator: '!=', answer: 'en' }] }
  },
  {
    kind: 'choice',
    linkId: 'interpreter',
    parent: 'language',
    text: 'Do you need an interpreter at appointments?',
    answerSet: 'interpreter',
    repeats: true,
    required: true
  },
  {
    kind: 'language',
    linkId: 'interpreter-language',
    parent: 'language',
    text: 'Which language do you need an interpreter for?',
    required: false,
    visibility: { behavior: 'all', when: [{ question: 'interpreter', operator: '=', answer: 'spoken' }] }
  },

  // Support from other people, and consent to contact them.
  { kind: 'group', linkId: 'support', text: 'Help from other people', visibility: AGREED },
  {
    kind: 'choice',
    linkId: 'helpers',
    parent: 'support',
    text: 'Does someone help you to go online or with your health care?',
    answerSet: 'helpers',
    repeats: true,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'proxy-consent',
    parent: 'support',
    text: 'Are you happy for us to contact this person about your appointments and care?',
    answerSet: 'yes-no',
    repeats: false,
    required: true,
    visibility: {
      behavior: 'any',
      when: [
        { question: 'helpers', operator: '=', answer: 'carer' },
        { question: 'helpers', operator: '=', answer: 'family-friend' }
      ]
    }
  },
  {
    kind: 'group',
    linkId: 'proxy',
    parent: 'support',
    text: 'Contact details of the person who helps you',
    visibility: { behavior: 'all', when: [{ question: 'proxy-consent', operator: '=', answer: 'yes' }] }
  },
  { kind: 'string', linkId: 'proxy-name', parent: 'proxy', text: 'Their name', required: true, maxLength: 100 },
  {
    kind: 'string',
    linkId: 'proxy-phone',
    parent: 'proxy',
    text: 'Their phone number',
    required: true,
    maxLength: 20,
    regex: '^\\+?[0-9 ()-]{7,20}$'
  },

  // Communication preferences and Accessible Information Standard needs.
  { kind: 'group', linkId: 'communication', text: 'How we contact you', visibility: AGREED },
  {
    kind: 'choice',
    linkId: 'communication-needs',
    parent: 'communication',
    text: 'Do you need information in any of these formats?',
    answerSet: 'info-formats',
    repeats: true,
    required: true
  },
  {
    kind: 'choice',
    linkId: 'contact-preference',
    parent: 'communication',
    text: 'How would you like us to contact you?',
    answerSet: 'channels',
    repeats: true,
    required: false
  },

  // Optional eHEALS block: only for people who can get online (the scale assumes internet use).
  { kind: 'group', linkId: 'eheals', text: 'Finding health information online (optional)', visibility: HAS_CONNECTION },
  {
    kind: 'display',
    linkId: 'eheals-intro',
    parent: 'eheals',
    text: 'For each statement, choose the answer that best describes you right now.'
  },
  {
    kind: 'choice',
    linkId: 'eheals-1',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[0],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-2',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[1],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-3',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[2],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-4',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[3],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-5',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[4],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-6',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[5],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-7',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[6],
    answerSet: 'likert',
    repeats: false,
    required: false
  },
  {
    kind: 'choice',
    linkId: 'eheals-8',
    parent: 'eheals',
    text: EHEALS_ITEM_TEXT[7],
    answerSet: 'likert',
    repeats: false,
    required: false
  }
] as const satisfies readonly ItemSpec[]

type SpecItem = (typeof SCREENING_ITEMS)[number]
/** Every linkId in the screening, including groups and display items. */
export type ItemLinkId = SpecItem['linkId']
/** The questions: items that take an answer. */
export type QuestionSpec = Extract<SpecItem, { kind: 'choice' | 'language' | 'string' }>
export type QuestionLinkId = QuestionSpec['linkId']

export type ItemTextKey<L extends string = ItemLinkId> = `screening.q.${L}.text`
export type OptionTextKey<S extends AnswerSetId = AnswerSetId> = S extends AnswerSetId
  ? `screening.option.${S}.${OptionCode<S>}`
  : never

export function itemTextKey<L extends string>(linkId: L): ItemTextKey<L> {
  return `screening.q.${linkId}.text`
}

export function optionTextKey<S extends AnswerSetId>(answerSet: S, code: OptionCode<S>): OptionTextKey<S> {
  return `screening.option.${answerSet}.${code}` as OptionTextKey<S>
}

/** The option codes of an answer set, in display order. */
export function optionCodes<S extends AnswerSetId>(answerSet: S): OptionCode<S>[] {
  return Object.keys(ANSWER_SETS[answerSet]) as OptionCode<S>[]
}

const specs: readonly ItemSpec[] = SCREENING_ITEMS

function specOf(linkId: string): ItemSpec {
  const spec = specs.find((s) => s.linkId === linkId)
  if (!spec) throw new Error(`screening definition: unknown linkId ${linkId}`)
  return spec
}

function textKeyExtension(key: string): Extension {
  return { url: TEXT_KEY_EXTENSION, valueString: key }
}

function toEnableWhen(condition: ItemCondition): QuestionnaireItemEnableWhen {
  if (condition.operator === 'exists') {
    return { question: condition.question, operator: 'exists', answerBoolean: condition.answer === true }
  }
  const source = specOf(condition.question)
  const system = source.kind === 'language' ? LANGUAGE_SYSTEM : ANSWER_SYSTEM
  return {
    question: condition.question,
    operator: condition.operator,
    answerCoding: { system, code: String(condition.answer) }
  }
}

function toAnswerOptions(answerSet: AnswerSetId): QuestionnaireItemAnswerOption[] {
  const exclusive: readonly string[] =
    (EXCLUSIVE_OPTIONS as Partial<Record<AnswerSetId, readonly string[]>>)[answerSet] ?? []
  const displays: Readonly<Record<string, string>> = ANSWER_SETS[answerSet]
  return Object.entries(displays).map(([code, display]) => {
    const coding: Coding = { system: ANSWER_SYSTEM, code, display }
    if (answerSet === 'likert') {
      coding.extension = [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: LIKERT_SCORES[code as OptionCode<'likert'>] }]
    }
    const extension: Extension[] = [{ url: TEXT_KEY_EXTENSION, valueString: `screening.option.${answerSet}.${code}` }]
    if (exclusive.includes(code)) extension.push({ url: OPTION_EXCLUSIVE_EXTENSION, valueBoolean: true })
    return { extension, valueCoding: coding }
  })
}

function toItem(spec: ItemSpec): QuestionnaireItem {
  const item: QuestionnaireItem = {
    linkId: spec.linkId,
    extension: [textKeyExtension(itemTextKey(spec.linkId))],
    text: spec.text,
    type: 'display'
  }
  if (spec.visibility) {
    item.enableWhen = spec.visibility.when.map(toEnableWhen)
    if (spec.visibility.when.length > 1) item.enableBehavior = spec.visibility.behavior
  }
  switch (spec.kind) {
    case 'group':
      item.type = 'group'
      item.item = specs.filter((s) => s.parent === spec.linkId).map(toItem)
      break
    case 'display':
      break
    case 'choice':
      item.type = 'choice'
      item.required = spec.required
      item.repeats = spec.repeats
      item.answerOption = toAnswerOptions(spec.answerSet)
      break
    case 'language':
      item.type = 'choice'
      item.required = spec.required
      item.repeats = false
      item.answerValueSet = LANGUAGE_VALUE_SET
      break
    case 'string':
      item.type = 'string'
      item.required = spec.required
      item.repeats = false
      item.maxLength = spec.maxLength
      if (spec.regex) item.extension?.push({ url: REGEX_EXTENSION, valueString: spec.regex })
      break
  }
  return item
}

/** Freezes an object and everything inside it, so the shared definition cannot be changed by accident. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** The screening as a FHIR R4 Questionnaire. Built once from SCREENING_ITEMS and frozen: copy it before changing it. */
export const screeningQuestionnaire: Questionnaire = deepFreeze<Questionnaire>({
  resourceType: 'Questionnaire',
  url: SCREENING_URL,
  version: SCREENING_VERSION,
  name: 'DigitalInclusionScreen',
  title: 'Digital inclusion screening',
  extension: [textKeyExtension(TITLE_TEXT_KEY), ...constraintExtensions()],
  status: 'active',
  language: 'en-GB',
  subjectType: ['Patient'],
  publisher: 'Reach',
  description:
    'Short screening at initial assessment so that no patient is pushed to a digital route they cannot use. Results are an operational triage, not a validated clinical score.',
  item: specs.filter((s) => s.parent === undefined).map(toItem)
})

/**
 * Every text key of the screening with its English text: the item texts, option displays and the title.
 * This is the English catalogue translators start from.
 */
export function screeningEnglishText(): Record<string, string> {
  const text: Record<string, string> = { [TITLE_TEXT_KEY]: 'Digital inclusion screening' }
  for (const spec of specs) text[itemTextKey(spec.linkId)] = spec.text
  for (const [set, options] of Object.entries(ANSWER_SETS)) {
    for (const [code, display] of Object.entries(options)) text[`screening.option.${set}.${code}`] = display
  }
  return text
}
