/**
 * Retention periods: how long Reach keeps screenings and the audit trail before the purge deletes
 * them. Defaults follow the NHS Records Management Code of Practice (2023) for adult health records
 * (8 years after the last entry) and keep the audit trail as long as the records it explains.
 */
export interface RetentionPeriods {
  /** Screenings (with their answers) older than this many months are deleted. */
  screeningMonths: number
  /** Audit trail rows older than this many months are deleted. */
  auditMonths: number
}

export const DEFAULT_RETENTION: RetentionPeriods = { screeningMonths: 96, auditMonths: 96 }

/** The first instant that is kept: `months` calendar months before `now` (UTC), clamped to the month's end. */
export function retentionCutoff(now: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError('a retention period is a whole number of months, at least 1')
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(
    Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds())
  )
}
