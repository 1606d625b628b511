/**
 * The referral lifecycle: suggested → referred → accepted → attended → outcome.
 * Positive outcomes (device, connectivity, skills) come after attending; declined, did not attend
 * and not eligible may be recorded from referred or accepted (and from attended for declined/not eligible
 * would make no sense, so they are not allowed there). Pure: the caller supplies `now` and who.
 */
export const STATUSES = ['suggested', 'referred', 'accepted', 'attended', 'outcome'] as const
export type Status = (typeof STATUSES)[number]

export const OUTCOMES = [
  'device_provided',
  'connectivity_provided',
  'skills_gained',
  'declined',
  'did_not_attend',
  'not_eligible'
] as const
export type Outcome = (typeof OUTCOMES)[number]

export const POSITIVE_OUTCOMES: readonly Outcome[] = ['device_provided', 'connectivity_provided', 'skills_gained']
export const EARLY_OUTCOMES: readonly Outcome[] = ['declined', 'did_not_attend', 'not_eligible']

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
  declined: 'Declined',
  did_not_attend: 'Did not attend',
  not_eligible: 'Not eligible'
}

/** The next step asked for: a status, or an outcome (which moves the status to 'outcome'). */
export type Step = { to: Exclude<Status, 'outcome'> } | { to: 'outcome'; outcome: Outcome }

export type TransitionResult = { ok: true; status: Status; outcome: Outcome | null } | { ok: false; message: string }

const NEXT: Record<Status, Status | null> = {
  suggested: 'referred',
  referred: 'accepted',
  accepted: 'attended',
  attended: 'outcome',
  outcome: null
}

export function transition(from: Status, step: Step): TransitionResult {
  if (from === 'outcome') return { ok: false, message: 'This referral already has an outcome. It cannot be changed' }
  if (step.to === 'outcome') {
    if (from === 'attended') return { ok: true, status: 'outcome', outcome: step.outcome }
    if ((from === 'referred' || from === 'accepted') && EARLY_OUTCOMES.includes(step.outcome))
      return { ok: true, status: 'outcome', outcome: step.outcome }
    if (from === 'suggested') return { ok: false, message: 'Refer the patient before recording an outcome' }
    return { ok: false, message: `${OUTCOME_LABELS[step.outcome]} can only be recorded after the patient has attended` }
  }
  if (NEXT[from] === step.to) return { ok: true, status: step.to, outcome: null }
  return {
    ok: false,
    message: `A referral that is ${STATUS_LABELS[from].toLowerCase()} cannot be marked as ${STATUS_LABELS[step.to].toLowerCase()}`
  }
}

/** The steps offered from a status (for forms). */
export function allowedSteps(from: Status): Step[] {
  const steps: Step[] = []
  const next = NEXT[from]
  if (next && next !== 'outcome') steps.push({ to: next })
  if (from === 'attended') for (const o of OUTCOMES) steps.push({ to: 'outcome', outcome: o })
  if (from === 'referred' || from === 'accepted')
    for (const o of EARLY_OUTCOMES) steps.push({ to: 'outcome', outcome: o })
  return steps
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

/** Which timestamp column a new status sets. */
export const STATUS_TIMESTAMP: Record<Status, 'referred_at' | 'accepted_at' | 'attended_at' | 'outcome_at' | null> = {
  suggested: null,
  referred: 'referred_at',
  accepted: 'accepted_at',
  attended: 'attended_at',
  outcome: 'outcome_at'
}
