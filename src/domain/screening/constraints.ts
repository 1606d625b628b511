/**
 * Answers that cannot all be true together, as FHIR SDC `questionnaire-constraint` extensions on the
 * Questionnaire (key, severity, FHIRPath expression, human text, location). Other readers evaluate the
 * expression; Reach evaluates the same rule from `violated` here, found by its key (an unknown key is
 * ignored), so the definition stays the one source of every mode's validation. Pure.
 *
 * The devices question asks what the patient has "or can use when you need to", so a channel that needs a
 * device they said they cannot use is impossible, not merely unlikely. The answer is kept (nothing is lost);
 * the form shows the message at the question so the person can change either answer.
 */
import type { Extension } from '@medplum/fhirtypes'

export const CONSTRAINT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-constraint'

type Values = (linkId: string) => readonly string[]

export interface AnswerConstraint {
  key: string
  /** The question the message is shown at. */
  location: string
  /** English text, as in the locale files under screening.error.impossible.<key>. */
  human: string
  /** FHIRPath for other readers of the Questionnaire (evaluated on the QuestionnaireResponse). */
  expression: string
  violated: (values: Values) => boolean
}

const answered = (values: Values, linkId: string) => values(linkId).length > 0
const hasAny = (values: Values, linkId: string, codes: readonly string[]) =>
  values(linkId).some((v) => codes.includes(v))
const answer = (linkId: string) => `%resource.repeat(item).where(linkId='${linkId}').answer.value`
const chose = (linkId: string, codes: readonly string[]) =>
  `${answer(linkId)}.where(${codes.map((c) => `code='${c}'`).join(' or ')}).exists()`

const MOBILES = ['smartphone', 'mobile-basic']
const PHONES = ['smartphone', 'mobile-basic', 'landline']
const ONLINE_DEVICES = ['smartphone', 'tablet', 'computer']
const ONLINE_CHANNELS = ['email', 'nhs-app', 'video']

export const SCREENING_CONSTRAINTS: readonly AnswerConstraint[] = [
  {
    key: 'sms-needs-mobile',
    location: 'contact-preference',
    human:
      'You chose text message, but not a mobile phone in the devices question. Remove text message, or change the devices answer',
    expression: `${chose('contact-preference', ['sms'])} implies (${answer('devices')}.empty() or ${chose('devices', MOBILES)})`,
    violated: (v) =>
      hasAny(v, 'contact-preference', ['sms']) && answered(v, 'devices') && !hasAny(v, 'devices', MOBILES)
  },
  {
    key: 'phone-needs-phone',
    location: 'contact-preference',
    human:
      'You chose phone call, but no phone in the devices question. Remove phone call, or change the devices answer',
    expression: `${chose('contact-preference', ['phone'])} implies (${answer('devices')}.empty() or ${chose('devices', PHONES)})`,
    violated: (v) =>
      hasAny(v, 'contact-preference', ['phone']) && answered(v, 'devices') && !hasAny(v, 'devices', PHONES)
  },
  {
    key: 'online-needs-device',
    location: 'contact-preference',
    human:
      'You chose email, the NHS App or video, but no smartphone, tablet or computer in the devices question. Remove them, or change the devices answer',
    expression: `${chose('contact-preference', ONLINE_CHANNELS)} implies (${answer('devices')}.empty() or ${chose('devices', ONLINE_DEVICES)})`,
    violated: (v) =>
      hasAny(v, 'contact-preference', ONLINE_CHANNELS) &&
      answered(v, 'devices') &&
      !hasAny(v, 'devices', ONLINE_DEVICES)
  },
  {
    key: 'online-needs-connection',
    location: 'contact-preference',
    human:
      "You chose email, the NHS App or video, but 'I cannot get online' in the internet question. Remove them, or change the internet answer",
    expression: `${chose('contact-preference', ONLINE_CHANNELS)} implies ${chose('internet', ['none'])}.not()`,
    violated: (v) => hasAny(v, 'contact-preference', ONLINE_CHANNELS) && hasAny(v, 'internet', ['none'])
  },
  {
    key: 'interpreter-english',
    location: 'interpreter-language',
    human: 'Choose the language the interpreter is needed for. An interpreter is not needed for English',
    expression: `${answer('interpreter-language')}.where(code='en').empty()`,
    violated: (v) => hasAny(v, 'interpreter-language', ['en'])
  }
]

/** The constraints as Questionnaire root extensions. */
export function constraintExtensions(constraints: readonly AnswerConstraint[] = SCREENING_CONSTRAINTS): Extension[] {
  return constraints.map((c) => ({
    url: CONSTRAINT_EXTENSION,
    extension: [
      { url: 'key', valueId: c.key },
      { url: 'severity', valueCode: 'error' },
      { url: 'expression', valueString: c.expression },
      { url: 'human', valueString: c.human },
      { url: 'location', valueString: c.location }
    ]
  }))
}

/** The keys and locations of the constraints a Questionnaire declares. */
export function declaredConstraints(extensions: readonly Extension[] | undefined): { key: string; location: string }[] {
  return (extensions ?? [])
    .filter((e) => e.url === CONSTRAINT_EXTENSION)
    .flatMap((e) => {
      const part = (url: string) => e.extension?.find((x) => x.url === url)
      const key = part('key')?.valueId
      const location = part('location')?.valueString
      return key && location ? [{ key, location }] : []
    })
}
