/** A shared service's change history as table rows: when, which organisation, what. */
import type { ServiceChangeKind } from '../../../db/schema.js'
import { formatDateTime } from '../../../domain/shared/dates.js'

const CHANGE_TEXT: Record<ServiceChangeKind, string> = {
  added: 'Added',
  changed: 'Details changed',
  retired: 'Retired',
  restored: 'Made active again',
  checked: 'Marked as checked',
  imported: 'Imported from an Open Referral UK file'
}

export function serviceChangeRows(
  changes: readonly { change: ServiceChangeKind; changed_at: Date; org_name: string | null }[]
) {
  return changes.map((c) => [
    { text: formatDateTime(c.changed_at), header: 'When' },
    { text: c.org_name ?? 'Reach administrators (command line)', header: 'Organisation' },
    { text: CHANGE_TEXT[c.change], header: 'Change' }
  ])
}
