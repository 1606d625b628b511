/**
 * The referral letter or email to the receiving service, from a template. Only what the patient
 * consented to share is included. Pure: everything comes in as values.
 */
import type { ConsentScope } from './consent.js'
import { BARRIER_LABELS } from '../directory/service.js'

export interface LetterInput {
  serviceName: string
  organisationName: string
  referringOrganisation: string
  referrerName: string
  patient: { name: string; phone?: string | null; email?: string | null; postcode: string | null }
  scope: readonly ConsentScope[]
  barrierSummary: string[]
  languageNeeds: string | null
  reasons: string[]
  partnerUrl: string | null
  date: string
}

export function referralLetter(input: LetterInput): { subject: string; body: string } {
  const lines = [
    `To: ${input.organisationName} (${input.serviceName})`,
    `Date: ${input.date}`,
    '',
    `${input.referringOrganisation} would like to refer a patient to ${input.serviceName} for help to get online.`,
    'The patient has agreed to this referral.',
    ''
  ]
  if (input.scope.includes('contact_details')) {
    lines.push(`Patient: ${input.patient.name}`)
    if (input.patient.postcode) lines.push(`Postcode: ${input.patient.postcode}`)
    lines.push('')
  } else {
    lines.push('The patient did not agree to share contact details: they will contact you themselves.', '')
  }
  if (input.scope.includes('barrier_summary') && input.barrierSummary.length)
    lines.push('What makes getting online hard for them:', ...input.barrierSummary.map((b) => `- ${b}`), '')
  if (input.scope.includes('language_needs') && input.languageNeeds)
    lines.push(`Language and communication needs: ${input.languageNeeds}`, '')
  if (input.reasons.length) lines.push('Why we chose your service:', ...input.reasons.map((r) => `- ${r}`), '')
  if (input.partnerUrl)
    lines.push(
      'Please tell us when you accept the referral, and the outcome, using this link (no account needed; it expires):',
      input.partnerUrl,
      ''
    )
  lines.push(`Referred by ${input.referrerName}, ${input.referringOrganisation}`)
  return { subject: `Referral to ${input.serviceName}`, body: lines.join('\n') }
}

/** The barriers worth telling the service about (some or high), as "label: level" lines. */
export function barrierSummary(barriers: Partial<Record<string, string>>): string[] {
  return Object.entries(barriers)
    .filter(([, level]) => level === 'some' || level === 'high')
    .map(([barrier, level]) => `${BARRIER_LABELS[barrier] ?? barrier}: ${level}`)
}

/** The patient's language needs in a sentence, or null when English and no interpreter. */
export function languageNeeds(mainLanguage: string | null, interpreterNeeded: boolean): string | null {
  if (mainLanguage && mainLanguage !== 'en')
    return `Main language ${mainLanguage}${interpreterNeeded ? ', needs an interpreter' : ''}`
  return interpreterNeeded ? 'Needs an interpreter' : null
}
