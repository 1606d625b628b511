/**
 * The person who helps a patient with contact (a carer, a relative, an attorney): who they are, how to reach
 * them, on what authority Reach may contact them, since when, and any note on the patient's capacity. Staff
 * record it on the patient record; the communication plan routes contact through it. Pure.
 */
import { formatDate } from '../shared/dates.js'

/** On what authority the helper may be contacted about the patient's care. */
export const HELPER_AUTHORITIES = ['patient', 'lpa_health', 'deputy', 'best_interests'] as const
export type HelperAuthority = (typeof HELPER_AUTHORITIES)[number]

export const HELPER_AUTHORITY_LABELS: Record<HelperAuthority, string> = {
  patient: 'The patient agreed',
  lpa_health: 'Lasting power of attorney for health and welfare (registered)',
  deputy: 'Court of Protection deputy for health and welfare',
  best_interests: 'Best interests decision under the Mental Capacity Act 2005'
}

/** Short phrases for a sentence ("agreed by the patient on 2 December 2026"). */
const AUTHORITY_PHRASES: Record<HelperAuthority, string> = {
  patient: 'agreed by the patient',
  lpa_health: 'lasting power of attorney for health and welfare',
  deputy: 'Court of Protection deputy',
  best_interests: 'best interests decision (Mental Capacity Act 2005)'
}

export interface PatientHelper {
  name: string
  /** In the patient's words: "daughter", "paid carer", "neighbour". */
  relationship: string
  phone: string
  authority: HelperAuthority
  /** ISO date the patient agreed, or the authority was seen or the decision made. */
  agreedOn: string
  /** Free text: a capacity assessment for this decision, limits of the authority. Null when none. */
  capacityNote: string | null
}

export const isHelperAuthority = (value: unknown): value is HelperAuthority =>
  (HELPER_AUTHORITIES as readonly unknown[]).includes(value)

/** A helper read back from storage, or null when what is stored is not a complete helper. */
export function helperFrom(stored: unknown): PatientHelper | null {
  let value = stored
  if (typeof value === 'string')
    try {
      value = JSON.parse(value)
    } catch {
      return null
    }
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '')
  if (!str('name') || !str('phone') || !isHelperAuthority(v.authority) || !/^\d{4}-\d{2}-\d{2}$/.test(str('agreedOn')))
    return null
  return {
    name: str('name'),
    relationship: str('relationship'),
    phone: str('phone'),
    authority: v.authority,
    agreedOn: str('agreedOn'),
    capacityNote: str('capacityNote') || null
  }
}

/** "Agreed by the patient on 2 December 2026", "Lasting power of attorney for health and welfare, seen on ...". */
export function helperAuthorityText(helper: Pick<PatientHelper, 'authority' | 'agreedOn'>): string {
  const phrase = AUTHORITY_PHRASES[helper.authority]
  const when = formatDate(helper.agreedOn)
  const sentence = helper.authority === 'patient' ? `${phrase} on ${when}` : `${phrase}, recorded on ${when}`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
