/**
 * Measures Reach derives from its own records, defined once: each has a key (stored in
 * `measure.derived_key`), a name, its Model for Improvement type, an operational definition
 * (numerator, denominator, inclusions, exclusions), a unit and the default direction of
 * improvement. The SQL for each lives in `src/db/repositories/derived-measures.ts`;
 * docs/measures.md prints this table for people.
 */
import type { ImprovementDirection } from '../spc/index.js'

export type MeasureType = 'outcome' | 'process' | 'balancing'
export type MeasureUnit = 'percent' | 'count' | 'days'

export interface DerivedMeasureDefinition {
  key: string
  name: string
  type: MeasureType
  unit: MeasureUnit
  improvement: ImprovementDirection
  numerator: string
  denominator: string | null
  inclusions: string
  exclusions: string
  /** The date that places a record in a week or month (London time). */
  periodBy: string
  available: boolean
  /** Why a measure cannot be computed yet (only when not available). */
  unavailableReason?: string
}

export const derivedMeasures = [
  {
    key: 'screened-at-initial-assessment',
    name: 'New patients screened at initial assessment',
    type: 'process',
    unit: 'percent',
    improvement: 'increase',
    numerator:
      'Of the patients in the denominator, those with at least one complete or partial screening recorded as an initial assessment',
    denominator: 'Patients whose record was created in the period',
    inclusions: 'All patients of the organisation (or of the team, when a team is chosen)',
    exclusions: 'Screenings the patient declined do not count as screened',
    periodBy: 'Date the patient record was created',
    available: true
  },
  {
    key: 'high-barrier',
    name: 'Screened patients with at least one high barrier',
    type: 'outcome',
    unit: 'percent',
    improvement: 'neutral',
    numerator: 'Screenings in the denominator with at least one barrier at the high level',
    denominator: 'Complete screenings in the period',
    inclusions: 'Complete screenings of any mode (clinician, self, paper, import)',
    exclusions: 'Partial and declined screenings',
    periodBy: 'Date of screening',
    available: true
  },
  {
    key: 'communication-plan',
    name: 'High-barrier patients with a communication plan',
    type: 'process',
    unit: 'percent',
    improvement: 'increase',
    numerator: 'Screenings in the denominator with a communication plan recorded',
    denominator: 'Complete screenings in the period with at least one high barrier',
    inclusions: 'Complete screenings with a high barrier',
    exclusions: 'Partial and declined screenings; screenings with no high barrier',
    periodBy: 'Date of screening',
    available: true
  },
  {
    key: 'referrals-made',
    name: 'Referrals made',
    type: 'process',
    unit: 'count',
    improvement: 'increase',
    numerator: 'Referrals sent to a support service in the period',
    denominator: null,
    inclusions: 'Referrals with a referral date, whatever their status now',
    exclusions: 'Suggested services never referred to',
    periodBy: 'Date of referral',
    available: true
  },
  {
    key: 'referral-outcome-recorded',
    name: 'Referrals with a recorded outcome',
    type: 'process',
    unit: 'percent',
    improvement: 'increase',
    numerator: 'Referrals in the denominator with an outcome recorded (so far)',
    denominator: 'Referrals made in the period',
    inclusions: 'Referrals with a referral date',
    exclusions: 'Suggested services never referred to',
    periodBy: 'Date of referral',
    available: true
  },
  {
    key: 'positive-outcome',
    name: 'Referral outcomes that were positive',
    type: 'outcome',
    unit: 'percent',
    improvement: 'increase',
    numerator: 'Outcomes in the denominator that were a device provided, connectivity provided or skills gained',
    denominator: 'Referral outcomes recorded in the period',
    inclusions: 'Every recorded outcome',
    exclusions: 'Referrals with no outcome yet',
    periodBy: 'Date the outcome was recorded',
    available: true
  },
  {
    key: 'time-to-outcome',
    name: 'Time from referral to outcome (median days)',
    type: 'balancing',
    unit: 'days',
    improvement: 'decrease',
    numerator: 'Median of the days from referral to recorded outcome',
    denominator: 'Referral outcomes recorded in the period (the number of values the median is taken from)',
    inclusions: 'Referrals with both a referral date and an outcome date',
    exclusions: 'Referrals with no outcome yet',
    periodBy: 'Date the outcome was recorded',
    available: true
  },
  {
    key: 'patient-feedback',
    name: 'Patient feedback received',
    type: 'outcome',
    unit: 'count',
    improvement: 'increase',
    numerator: 'Feedback responses received from patients in the period',
    denominator: null,
    inclusions: 'All feedback responses',
    exclusions: 'None',
    periodBy: 'Date the feedback was received',
    available: false,
    unavailableReason: 'Reach does not record patient feedback yet (there is no feedback table)'
  },
  {
    key: 'staff-trained',
    name: 'Staff trained in digital inclusion',
    type: 'process',
    unit: 'percent',
    improvement: 'increase',
    numerator: 'Staff with digital inclusion training recorded by the end of the period',
    denominator: 'Staff headcount at the end of the period',
    inclusions: 'Active staff accounts',
    exclusions: 'Disabled accounts',
    periodBy: 'Date training was completed',
    available: false,
    unavailableReason: 'Reach does not record staff training yet (there is no training record table)'
  },
  {
    key: 'active-champions',
    name: 'Active digital inclusion champions',
    type: 'process',
    unit: 'count',
    improvement: 'increase',
    numerator: 'Champions with recorded activity in the period',
    denominator: null,
    inclusions: 'Staff with the champion role',
    exclusions: 'Champions with no recorded activity',
    periodBy: 'Date of the activity',
    available: false,
    unavailableReason: 'Reach does not record champion activity yet (there is no activity table)'
  }
] as const satisfies readonly DerivedMeasureDefinition[]

export type DerivedMeasureKey = (typeof derivedMeasures)[number]['key']
export type AvailableDerivedMeasureKey = Extract<(typeof derivedMeasures)[number], { available: true }>['key']

export function findDerivedMeasure(key: string | null | undefined): DerivedMeasureDefinition | undefined {
  return derivedMeasures.find((m) => m.key === key)
}

export function isAvailableDerivedKey(key: string): key is AvailableDerivedMeasureKey {
  return derivedMeasures.some((m) => m.key === key && m.available)
}
