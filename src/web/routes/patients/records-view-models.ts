/** The subject access page (one table per kind of record) and the erasure form (nhsuk macro params). */
import type { PatientRecords } from '../../../db/repositories/patient-records.js'
import { ERASURE_REASONS, type ErasureReason } from '../../../app/patients/subject-access.js'
import { formatDate, formatDateTime } from '../../../domain/shared/dates.js'
import type { FormErrors } from '../../form-errors.js'

type Cell = { text: string }

/** "1 screening", "2 screenings" */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const cell = (value: unknown): Cell => ({
  text:
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? formatDateTime(value)
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value)
})

export function subjectAccessSections(records: PatientRecords) {
  return [
    {
      heading: 'Screenings',
      caption: count(records.screenings.length, 'digital inclusion screening', 'digital inclusion screenings'),
      head: [{ text: 'Date' }, { text: 'Mode' }, { text: 'Status' }, { text: 'Readiness' }, { text: 'Language' }],
      rows: records.screenings.map((s) => [
        { text: formatDate(s.screened_at) },
        cell(s.mode),
        cell(s.status),
        cell(s.readiness.replace(/_/g, ' ')),
        cell(s.language)
      ])
    },
    {
      heading: 'Self-completion links',
      caption: count(records.invitations.length, 'link sent', 'links sent'),
      head: [{ text: 'Created' }, { text: 'Expires' }, { text: 'Used' }, { text: 'Language' }],
      rows: records.invitations.map((i) => [cell(i.created_at), cell(i.expires_at), cell(i.used_at), cell(i.language)])
    },
    {
      heading: 'Referrals',
      caption: count(records.referrals.length, 'referral to a support service', 'referrals to support services'),
      head: [
        { text: 'Created' },
        { text: 'Service' },
        { text: 'Status' },
        { text: 'Outcome' },
        { text: 'Consent to share' }
      ],
      rows: records.referrals.map((r) => [
        cell(r.created_at),
        cell(r.service_id),
        cell(r.status),
        cell(r.outcome),
        cell(r.consent_scope.join(', '))
      ])
    },
    {
      heading: 'Referral history',
      caption: count(
        records.referralEvents.length,
        'entry: status changes, outcomes and notes',
        'entries: status changes, outcomes and notes'
      ),
      head: [
        { text: 'When' },
        { text: 'Kind' },
        { text: 'From' },
        { text: 'To' },
        { text: 'Outcome' },
        { text: 'Note' },
        { text: 'By a partner' }
      ],
      rows: records.referralEvents.map((e) => [
        cell(e.occurred_at),
        cell(e.kind),
        cell(e.from_status),
        cell(e.to_status),
        cell(e.outcome),
        cell(e.note),
        cell(e.changed_by_partner ? 'yes' : 'no')
      ])
    },
    {
      heading: 'Letters and emails',
      caption: count(records.messages.length, 'message', 'messages'),
      head: [{ text: 'Created' }, { text: 'Channel' }, { text: 'Subject' }, { text: 'Status' }],
      rows: records.messages.map((m) => [cell(m.created_at), cell(m.channel), cell(m.subject), cell(m.status)])
    },
    {
      heading: 'Who viewed or changed the record',
      caption: count(records.auditEvents.length, 'audit trail entry', 'audit trail entries'),
      head: [{ text: 'When' }, { text: 'Role' }, { text: 'Action' }, { text: 'What' }],
      rows: records.auditEvents.map((a) => [
        cell(a.occurred_at),
        cell(a.actor_role),
        cell(a.action.replace(/_/g, ' ')),
        cell(a.entity_type)
      ])
    }
  ]
}

const REASON_TEXT: Record<ErasureReason, string> = {
  'patient-request': 'The patient asked for their records to be erased',
  'created-in-error': 'The record was created in error',
  'duplicate-record': 'The record duplicates another record'
}

export interface EraseFormValues {
  reason: string
  nhsNumber: string
}

export function eraseFormFields(values: EraseFormValues, errors: FormErrors) {
  return {
    reason: {
      idPrefix: 'reason',
      name: 'reason',
      fieldset: { legend: { text: 'Why are you erasing these records?', size: 's' } },
      errorMessage: errors.byField.reason,
      items: ERASURE_REASONS.map((r) => ({ value: r, text: REASON_TEXT[r], checked: values.reason === r }))
    },
    nhsNumber: {
      id: 'nhsNumber',
      name: 'nhsNumber',
      label: { text: "Type the patient's NHS number to confirm", size: 's' },
      hint: { text: 'This makes sure you erase the right person' },
      value: values.nhsNumber,
      errorMessage: errors.byField.nhsNumber,
      inputmode: 'numeric',
      classes: 'nhsuk-input--width-10',
      autocomplete: 'off'
    }
  }
}
