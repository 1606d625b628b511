/** The audit trail page and its CSV: filter fields, table rows, pagination (nhsuk macro params). */
import type { AuditListRow } from '../../../db/repositories/audit.js'
import { formatDateTime } from '../../../domain/shared/dates.js'
import { toCsv } from '../../../domain/shared/csv.js'
import type { FormErrors } from '../../form-errors.js'

export const AUDIT_ACTIONS = [
  'view',
  'search',
  'create',
  'update',
  'export',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'account_locked'
] as const

export interface AuditFilterValues {
  from: string
  to: string
  action: string
}

export function auditFilterFields(values: AuditFilterValues, errors: FormErrors) {
  return {
    from: {
      id: 'from',
      name: 'from',
      label: { text: 'From (YYYY-MM-DD)' },
      value: values.from,
      errorMessage: errors.byField.from,
      classes: 'nhsuk-input--width-10'
    },
    to: {
      id: 'to',
      name: 'to',
      label: { text: 'To (YYYY-MM-DD)' },
      value: values.to,
      errorMessage: errors.byField.to,
      classes: 'nhsuk-input--width-10'
    },
    action: {
      id: 'action',
      name: 'action',
      label: { text: 'Action' },
      errorMessage: errors.byField.action,
      items: [
        { value: '', text: 'All actions' },
        ...AUDIT_ACTIONS.map((a) => ({ value: a, text: a.replace(/_/g, ' '), selected: a === values.action }))
      ]
    }
  }
}

function describeEntity(row: AuditListRow): string {
  return `${row.entity_type}${row.entity_id ? ` ${row.entity_id}` : ''}`
}

export function auditTableRows(rows: readonly AuditListRow[]) {
  return rows.map((r) => [
    { text: formatDateTime(r.occurred_at), header: 'When' },
    { text: r.actor_name ?? 'Unknown', header: 'Who' },
    { text: r.actor_role ?? '', header: 'Role' },
    { text: r.action.replace(/_/g, ' '), header: 'Action' },
    { text: describeEntity(r), header: 'What' },
    { text: r.ip ?? '', header: 'From' }
  ])
}

/** nhsuk `pagination` params, or null on a single page. */
export function auditPagination(page: number, hasNext: boolean, link: (page: number) => string) {
  if (page <= 1 && !hasNext) return null
  return {
    previous: page > 1 ? { href: link(page - 1), labelText: `Page ${page - 1}` } : undefined,
    next: hasNext ? { href: link(page + 1), labelText: `Page ${page + 1}` } : undefined
  }
}

export function auditCsv(rows: readonly AuditListRow[]): string {
  return toCsv(
    [
      'occurred_at',
      'actor_user_id',
      'actor_name',
      'actor_role',
      'action',
      'entity_type',
      'entity_id',
      'patient_id',
      'ip',
      'user_agent',
      'detail'
    ],
    rows.map((r) => [
      r.occurred_at.toISOString(),
      r.actor_user_id,
      r.actor_name,
      r.actor_role,
      r.action,
      r.entity_type,
      r.entity_id,
      r.patient_id,
      r.ip,
      r.user_agent,
      JSON.stringify(r.detail ?? {})
    ])
  )
}
