/** Referral pages' view models: exactly the params of the nhsuk macros (radios, checkboxes, table, summaryList). */
import type { OverdueRow, ReferralListRow, ReferralRow } from '../../../db/repositories/referrals.js'
import type { ReferralDetails } from '../../../app/referrals/view-referral.js'
import type { ServiceSuggestion } from '../../../app/referrals/suggest-services.js'
import { parseJsonColumn } from '../../../db/json-column.js'
import { CONSENT_SCOPES, CONSENT_SCOPE_LABELS, type ConsentScope } from '../../../domain/referrals/consent.js'
import { NOTE_MAX_LENGTH } from '../../../domain/referrals/notes.js'
import {
  OUTCOME_LABELS,
  STATUS_LABELS,
  allowedSteps,
  isPositive,
  recordedOutcomes,
  stepHint,
  stepLabel,
  stepValue,
  type Outcome,
  type Status
} from '../../../domain/referrals/status-lifecycle.js'
import type { PartnerView } from '../../../app/referrals/open-partner-link.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { escapeHtml } from '../../escape-html.js'
import type { FormErrors } from '../../form-errors.js'
import type { ReferralFormValues } from './schemas.js'

/** "Accepted", or the outcomes: "Outcome: device provided, skills gained" (the row's first outcome when no list is given). */
export const statusText = (r: Pick<ReferralRow, 'status' | 'outcome'>, outcomes?: readonly Outcome[]) => {
  const all = outcomes ?? recordedOutcomes([r.outcome])
  return r.status === 'outcome' && all.length
    ? `Outcome: ${all.map((o) => OUTCOME_LABELS[o].toLowerCase()).join(', ')}`
    : STATUS_LABELS[r.status as Status]
}

function errorFor(errors: FormErrors, field: string) {
  const error = errors.byField[field]
  return error ? { text: error.text } : undefined
}

const isoDay = (d: Date) => formatDate(d.toISOString().slice(0, 10))

/** Plain lines for people who may view but not refer. */
export const suggestionList = (suggestions: ServiceSuggestion[]) =>
  suggestions.map((s) => `${s.name}: ${s.reasons.join('; ')}`)

/** Table rows of the referrals made for a patient. */
export function patientReferralRows(referrals: ReferralListRow[]) {
  return referrals.map((r) => [
    { html: `<a href="/referrals/${r.id}">${escapeHtml(r.service_name)}</a>` },
    { text: statusText(r) },
    { text: r.referred_at ? isoDay(r.referred_at) : '' },
    { text: r.follow_up_due_on ? formatDate(r.follow_up_due_on) : '' }
  ])
}

/** The four questions of the referral form: radios, radios, checkboxes, radios. */
export function referralFormFields(suggestions: ServiceSuggestion[], values: ReferralFormValues, errors: FormErrors) {
  return {
    serviceId: {
      idPrefix: 'serviceId',
      name: 'serviceId',
      fieldset: { legend: { text: 'Which service?', size: 'm' } },
      hint: {
        text: 'Services are ranked by how well they fit, best first. Entries not checked in the last 12 months are marked: check they still run before referring.'
      },
      errorMessage: errorFor(errors, 'serviceId'),
      items: suggestions.map((s) => ({
        value: s.serviceId,
        text: s.name,
        checked: values.serviceId === s.serviceId,
        hint: {
          html: `<ul class="nhsuk-list nhsuk-list--bullet">${s.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
        }
      }))
    },
    consent: {
      idPrefix: 'consent',
      name: 'consent',
      fieldset: { legend: { text: 'Does the patient agree to be referred?', size: 'm' } },
      hint: { text: 'Explain what the service does and what will be shared. Do not refer without consent.' },
      errorMessage: errorFor(errors, 'consent'),
      items: [
        { value: 'yes', text: 'Yes', checked: values.consent === 'yes' },
        { value: 'no', text: 'No', checked: values.consent === 'no' }
      ]
    },
    consentScope: {
      idPrefix: 'consentScope',
      name: 'consentScope',
      fieldset: { legend: { text: 'What does the patient agree to share with the service?', size: 's' } },
      errorMessage: errorFor(errors, 'consentScope'),
      items: CONSENT_SCOPES.map((c) => ({
        value: c,
        text: CONSENT_SCOPE_LABELS[c],
        checked: values.consentScope.includes(c)
      }))
    },
    channel: {
      idPrefix: 'channel',
      name: 'channel',
      fieldset: { legend: { text: 'How should the referral be sent?', size: 's' } },
      errorMessage: errorFor(errors, 'channel'),
      items: [
        { value: 'email', text: 'Email to the service (queued)', checked: values.channel === 'email' },
        { value: 'letter', text: 'Letter to print', checked: values.channel === 'letter' }
      ]
    }
  }
}

/** Overdue follow-ups grouped by team (in the order the rows come), as table rows per team. */
export function followUpGroups(rows: OverdueRow[]) {
  const groups = new Map<string, { html?: string; text?: string }[][]>()
  for (const r of rows) {
    const team = r.team_name ?? 'No team'
    const group = groups.get(team) ?? []
    groups.set(team, group)
    group.push([
      { html: `<a href="/referrals/${r.id}">${escapeHtml(`${r.given_name} ${r.family_name}`)}</a>` },
      { text: r.service_name },
      { text: STATUS_LABELS[r.status as Status] },
      { text: r.follow_up_due_on ? formatDate(r.follow_up_due_on) : '' }
    ])
  }
  return [...groups].map(([team, teamRows]) => ({ team, rows: teamRows }))
}

/** The summary list of one referral. */
export function referralSummaryRows({
  referral,
  patient,
  outcomes
}: Pick<ReferralDetails, 'referral' | 'patient' | 'outcomes'>) {
  const reasons = parseJsonColumn<string[]>(referral.match_reasons)
  const date = (d: Date | null) => (d ? isoDay(d) : 'Not yet')
  return [
    {
      key: { text: 'Patient' },
      value: {
        html: patient
          ? `<a href="/patients/${patient.id}">${escapeHtml(`${patient.givenName} ${patient.familyName}`)}</a>`
          : ''
      }
    },
    { key: { text: 'Status' }, value: { text: statusText(referral, outcomes) } },
    { key: { text: 'Why this service' }, value: { text: reasons.join('; ') || 'Not recorded' } },
    {
      key: { text: 'Consent' },
      value: {
        text: referral.consent_given
          ? `Yes, to share: ${referral.consent_scope.map((c) => CONSENT_SCOPE_LABELS[c as ConsentScope]?.toLowerCase() ?? c).join('; ')}`
          : 'No'
      }
    },
    { key: { text: 'Referred' }, value: { text: date(referral.referred_at) } },
    { key: { text: 'Accepted' }, value: { text: date(referral.accepted_at) } },
    { key: { text: 'Attended' }, value: { text: date(referral.attended_at) } },
    { key: { text: 'First outcome recorded' }, value: { text: date(referral.outcome_at) } },
    {
      key: { text: 'Follow up by' },
      value: { text: referral.follow_up_due_on ? formatDate(referral.follow_up_due_on) : 'None' }
    }
  ]
}

type HistoryEvent = Pick<
  ReferralDetails['events'][number],
  'kind' | 'to_status' | 'outcome' | 'changed_by_partner' | 'occurred_at'
> & { note?: string | null; changed_by_name?: string | null }

/** What an event did, in words: "Accepted", "Outcome: device provided", "Another outcome: skills gained", "Note". */
export function eventText(e: HistoryEvent): string {
  if (e.kind === 'note') return 'Note'
  const outcome = e.outcome ? OUTCOME_LABELS[e.outcome as Outcome]?.toLowerCase() : undefined
  if (outcome) return e.kind === 'outcome' ? `Another outcome: ${outcome}` : `Outcome: ${outcome}`
  return STATUS_LABELS[e.to_status as Status] ?? e.to_status
}

/**
 * A note's text, escaped, its line breaks as <br> (the table macro re-indents raw line breaks). Patient data:
 * shown only on staff pages.
 */
const noteHtml = (note: string) => `<div class="reach-note">${escapeHtml(note).replace(/\n/g, '<br>')}</div>`

/** The history table's rows: date, what happened (with any note), who ("The service" for the partner link). */
export function referralEventRows(events: ReferralDetails['events']) {
  return events.map((e) => [
    { text: isoDay(e.occurred_at) },
    { html: `${escapeHtml(eventText(e))}${e.note ? noteHtml(e.note) : ''}` },
    { text: e.changed_by_partner ? 'The service' : (e.changed_by_name ?? '') }
  ])
}

/** The step radios (with what each outcome means) for a referral's status and recorded outcomes. */
function stepItems(status: Status, outcomes: readonly Outcome[], checked: string) {
  return allowedSteps(status, outcomes).map((s) => {
    const hint = stepHint(s)
    return {
      value: stepValue(s),
      text: stepLabel(s),
      checked: checked === stepValue(s),
      ...(hint ? { hint: { text: hint } } : {})
    }
  })
}

/** True once the referral has a positive outcome and more can be added: the form is "Add another outcome". */
export const addingOutcome = (status: Status, outcomes: readonly Outcome[]) =>
  status === 'outcome' && outcomes.some(isPositive) && allowedSteps(status, outcomes).length > 0

/** The radios of the staff status form: only the steps the lifecycle offers. */
export function stepField(status: Status, outcomes: readonly Outcome[], errors: FormErrors, checked = '') {
  return {
    idPrefix: 'step',
    name: 'step',
    fieldset: {
      legend: { text: addingOutcome(status, outcomes) ? 'Add another outcome' : 'Record what has happened', size: 's' }
    },
    errorMessage: errorFor(errors, 'step'),
    items: stepItems(status, outcomes, checked)
  }
}

/** An nhsuk character count for a note (the text is kept when the form comes back with an error). */
export function noteField(name: 'note' | 'stepNote', value: string, errors: FormErrors) {
  return {
    name,
    id: name,
    label: { text: name === 'note' ? 'Note' : 'Note (optional)', size: 's' },
    hint: {
      text:
        name === 'note'
          ? 'For example, a call with the patient or the service. Only staff in your organisation can see notes.'
          : 'Anything the next person should know. Only staff in your organisation can see notes.'
    },
    maxlength: NOTE_MAX_LENGTH,
    rows: 4,
    value,
    errorMessage: errorFor(errors, name)
  }
}

/** The partner page's choices (its own small form, not a macro), with what each outcome means. */
export const partnerSteps = (status: Status, outcomes: readonly Outcome[], checked = '') =>
  stepItems(status, outcomes, checked).map((s) => ({
    value: s.value,
    text: s.text,
    hint: s.hint?.text ?? null,
    checked: s.checked
  }))

/** The partner page's history: when, what, and whether the service or the care team did it. No notes, no names. */
export function partnerHistory(events: PartnerView['events']) {
  return events.map((e) => ({
    date: isoDay(e.occurred_at),
    text: eventText(e),
    by: e.changed_by_partner ? 'Your service' : 'The care team'
  }))
}
