/**
 * The referral lifecycle: suggested → referred → accepted → attended → outcome, and the outcomes a referral
 * collects. `allowedSteps` is the one source of truth: the forms offer its steps and `transition` allows
 * exactly those (anything else is refused with a message saying why). Pure: the caller supplies the
 * referral's status and the outcomes already recorded.
 *
 * - From referred or accepted: declined, did not attend, not eligible (each closes the referral).
 * - After attending: device provided, connectivity provided, skills gained (positive), no change (attended,
 *   but it did not help or they stopped going) and not eligible (found at the first session); never declined
 *   or did not attend, which would contradict the attendance.
 * - After a positive outcome, further positive outcomes may be added (a device, later skills gained), each
 *   once. A closing outcome (no change, declined, did not attend, not eligible) ends the referral: nothing
 *   more can be recorded but notes (domain/referrals/notes.ts).
 */
export const STATUSES = ['suggested', 'referred', 'accepted', 'attended', 'outcome'] as const
export type Status = (typeof STATUSES)[number]

export const OUTCOMES = [
  'device_provided',
  'connectivity_provided',
  'skills_gained',
  'no_change',
  'declined',
  'did_not_attend',
  'not_eligible'
] as const
export type Outcome = (typeof OUTCOMES)[number]

export const POSITIVE_OUTCOMES = [
  'device_provided',
  'connectivity_provided',
  'skills_gained'
] as const satisfies readonly Outcome[]
/** Outcomes that end a referral: nothing more is recorded after one of these. */
export const CLOSING_OUTCOMES = [
  'no_change',
  'declined',
  'did_not_attend',
  'not_eligible'
] as const satisfies readonly Outcome[]
/** Outcomes that can be recorded before the patient has attended (from referred or accepted). */
export const EARLY_OUTCOMES = ['declined', 'did_not_attend', 'not_eligible'] as const satisfies readonly Outcome[]
/** Outcomes that can be recorded once the patient has attended. */
export const AFTER_ATTENDING_OUTCOMES = [
  'device_provided',
  'connectivity_provided',
  'skills_gained',
  'no_change',
  'not_eligible'
] as const satisfies readonly Outcome[]

export const isPositive = (o: Outcome) => (POSITIVE_OUTCOMES as readonly Outcome[]).includes(o)
export const isClosing = (o: Outcome) => (CLOSING_OUTCOMES as readonly Outcome[]).includes(o)

export const STATUS_LABELS: Record<Status, string> = {
  suggested: 'Suggested',
  referred: 'Referred',
  accepted: 'Accepted',
  attended: 'Attended',
  outcome: 'Outcome recorded'
}
export const OUTCOME_LABELS: Record<Outcome, string> = {
  device_provided: 'Device provided',
  connectivity_provided: 'Connectivity provided',
  skills_gained: 'Skills gained',
  no_change: 'No change',
  declined: 'Declined',
  did_not_attend: 'Did not attend',
  not_eligible: 'Not eligible'
}
/** What each outcome means, for the form's hints. */
export const OUTCOME_HINTS: Record<Outcome, string> = {
  device_provided: 'They were given or lent a phone, tablet or computer',
  connectivity_provided: 'They were given mobile data, a SIM or internet access',
  skills_gained: 'They can now do something online they could not do before',
  no_change: 'They attended, but stopped going or it did not help',
  declined: 'They decided not to take up the service',
  did_not_attend: 'They did not come and could not be reached',
  not_eligible: 'The service cannot help them (for example, outside its area)'
}

/** The next step asked for: a status, or an outcome (which moves the status to 'outcome'). */
export type Step = { to: Exclude<Status, 'outcome'> } | { to: 'outcome'; outcome: Outcome }

export type TransitionResult =
  | {
      ok: true
      status: Status
      outcome: Outcome | null
      /** True when the outcome is added to a referral that already has one (the status stays 'outcome'). */
      added: boolean
    }
  | { ok: false; message: string }

const NEXT: Record<Status, Exclude<Status, 'outcome' | 'suggested'> | null> = {
  suggested: 'referred',
  referred: 'accepted',
  accepted: 'attended',
  attended: null,
  outcome: null
}

/**
 * The steps offered from a status, given the outcomes already recorded (for forms, and for `transition`).
 * From 'outcome': the positive outcomes not yet recorded, unless an outcome has closed the referral.
 */
export function allowedSteps(from: Status, recorded: readonly Outcome[] = []): Step[] {
  const outcomes = (list: readonly Outcome[]): Step[] => list.map((outcome) => ({ to: 'outcome', outcome }))
  const next = NEXT[from]
  const steps: Step[] = next ? [{ to: next }] : []
  if (from === 'referred' || from === 'accepted') steps.push(...outcomes(EARLY_OUTCOMES))
  if (from === 'attended') steps.push(...outcomes(AFTER_ATTENDING_OUTCOMES))
  if (from === 'outcome' && !recorded.some(isClosing))
    steps.push(...outcomes(POSITIVE_OUTCOMES.filter((o) => !recorded.includes(o))))
  return steps
}

const sameStep = (a: Step, b: Step) =>
  a.to === b.to && (a.to !== 'outcome' || (b.to === 'outcome' && a.outcome === b.outcome))

/** Allows exactly the steps `allowedSteps` offers; anything else is refused with the reason. */
export function transition(from: Status, step: Step, recorded: readonly Outcome[] = []): TransitionResult {
  if (allowedSteps(from, recorded).some((s) => sameStep(s, step))) {
    return step.to === 'outcome'
      ? { ok: true, status: 'outcome', outcome: step.outcome, added: from === 'outcome' }
      : { ok: true, status: step.to, outcome: null, added: false }
  }
  return { ok: false, message: refusal(from, step, recorded) }
}

/** Why a step that is not offered is refused. */
function refusal(from: Status, step: Step, recorded: readonly Outcome[]): string {
  if (step.to !== 'outcome') {
    if (from === 'outcome') return 'This referral already has an outcome. Its status cannot change'
    return `A referral that is ${STATUS_LABELS[from].toLowerCase()} cannot be marked as ${STATUS_LABELS[step.to].toLowerCase()}`
  }
  const label = OUTCOME_LABELS[step.outcome]
  if (from === 'suggested') return 'Refer the patient before recording an outcome'
  if (from === 'outcome') {
    const closing = recorded.find(isClosing)
    if (closing)
      return `This referral is closed (${OUTCOME_LABELS[closing].toLowerCase()}). No more outcomes can be recorded`
    if (recorded.includes(step.outcome)) return `${label} is already recorded for this referral`
    return `${label} cannot be recorded after a positive outcome. Add a note instead`
  }
  if (from === 'attended') return `${label} cannot be recorded: the patient has attended`
  return `${label} can only be recorded after the patient has attended`
}

/** Step to a form value ('accepted', 'outcome:skills_gained') and back. */
export function stepValue(step: Step): string {
  return step.to === 'outcome' ? `outcome:${step.outcome}` : step.to
}
export function parseStep(value: string): Step | null {
  if (value.startsWith('outcome:')) {
    const o = value.slice(8)
    return (OUTCOMES as readonly string[]).includes(o) ? { to: 'outcome', outcome: o as Outcome } : null
  }
  return value === 'referred' || value === 'accepted' || value === 'attended' ? { to: value } : null
}
export function stepLabel(step: Step): string {
  return step.to === 'outcome' ? `Outcome: ${OUTCOME_LABELS[step.outcome].toLowerCase()}` : STATUS_LABELS[step.to]
}
export function stepHint(step: Step): string | null {
  return step.to === 'outcome' ? OUTCOME_HINTS[step.outcome] : null
}

/** The outcomes recorded for a referral, first first, without repeats (from its events and its row). */
export function recordedOutcomes(outcomes: readonly (string | null)[]): Outcome[] {
  const known = new Set<string>(OUTCOMES)
  return [...new Set(outcomes.filter((o): o is Outcome => o !== null && known.has(o)))]
}

/** Which timestamp column a new status sets. */
export const STATUS_TIMESTAMP: Record<Status, 'referred_at' | 'accepted_at' | 'attended_at' | 'outcome_at' | null> = {
  suggested: null,
  referred: 'referred_at',
  accepted: 'accepted_at',
  attended: 'attended_at',
  outcome: 'outcome_at'
}
