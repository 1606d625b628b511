/**
 * When to screen again. Pure: the current time is always passed in.
 *
 * Dates are calendar dates in London time ('YYYY-MM-DD'). An instant (a Date, or an ISO date-time string with 'Z'
 * or an offset) is first turned into its London calendar date, so a screening at 00:30 BST on 15 June counts as
 * 15 June. A date-time string without an offset is rejected: its meaning would depend on the server's time zone.
 *
 * Adding months keeps the day of the month, clamped to the end of shorter months:
 * 31 January + 1 month = 28 (or 29) February; 29 February 2024 + 12 months = 28 February 2025.
 * A re-screen is due ON the due date (exactly 12 months later) and after it.
 */

export const DEFAULT_RESCREEN_INTERVAL_MONTHS = 12
export const MAX_RESCREEN_INTERVAL_MONTHS = 120

export type DateInput = Date | string

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit'
})

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The London calendar date of a Date or ISO string, as 'YYYY-MM-DD'. Throws RangeError for anything else. */
export function toCalendarDate(value: DateInput): string {
  if (typeof value === 'string') {
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (dateOnly) {
      const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])]
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        throw new RangeError(`not a real date: ${value}`)
      return value
    }
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value)) {
      throw new RangeError(`expected YYYY-MM-DD or an ISO date-time with Z or an offset: ${value}`)
    }
    return toCalendarDate(new Date(value))
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date')
  const parts = londonDate.formatToParts(value)
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

function checkInterval(months: number): void {
  if (!Number.isInteger(months) || months < 1 || months > MAX_RESCREEN_INTERVAL_MONTHS) {
    throw new RangeError(
      `re-screen interval must be a whole number of months from 1 to ${MAX_RESCREEN_INTERVAL_MONTHS}: ${months}`
    )
  }
}

/** A calendar date plus whole months, clamped to the end of the month. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = toCalendarDate(date).split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = (index % 12) + 1
  return `${pad(newYear, 4)}-${pad(newMonth)}-${pad(Math.min(day, daysInMonth(newYear, newMonth)))}`
}

/** The date the next screening is due: the last screening date plus the interval. */
export function rescreenDueDate(
  lastScreenedAt: DateInput,
  intervalMonths: number = DEFAULT_RESCREEN_INTERVAL_MONTHS
): string {
  checkInterval(intervalMonths)
  return addMonths(toCalendarDate(lastScreenedAt), intervalMonths)
}

/** True when `now` (London date) is on or after the due date. */
export function isRescreenDue(
  lastScreenedAt: DateInput,
  now: DateInput,
  intervalMonths: number = DEFAULT_RESCREEN_INTERVAL_MONTHS
): boolean {
  // 'YYYY-MM-DD' strings sort in date order.
  return toCalendarDate(now) >= rescreenDueDate(lastScreenedAt, intervalMonths)
}
