/** Consent to refer: required, and it names what may be shared with the receiving service. */
export const CONSENT_SCOPES = ['contact_details', 'barrier_summary', 'language_needs'] as const
export type ConsentScope = (typeof CONSENT_SCOPES)[number]
export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  contact_details: 'Contact details (name, phone, email or address)',
  barrier_summary: 'A summary of their barriers to getting online',
  language_needs: 'Language and communication needs'
}
