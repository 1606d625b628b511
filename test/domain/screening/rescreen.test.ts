import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  addMonths,
  DEFAULT_RESCREEN_INTERVAL_MONTHS,
  isRescreenDue,
  rescreenDueDate,
  toCalendarDate
} from '../../../src/domain/screening/rescreen.js'

describe('re-screen dates', () => {
  it('defaults to 12 months', () => {
    assert.equal(DEFAULT_RESCREEN_INTERVAL_MONTHS, 12)
    assert.equal(rescreenDueDate('2024-03-15'), '2025-03-15')
  })

  it('is due on exactly 12 months, not the day before', () => {
    assert.equal(isRescreenDue('2024-03-15', '2025-03-14'), false)
    assert.equal(isRescreenDue('2024-03-15', '2025-03-15'), true)
    assert.equal(isRescreenDue('2024-03-15', '2025-03-16'), true)
  })

  it('uses the London calendar date of an instant (BST at midnight)', () => {
    // 23:30 UTC on 14 June is 00:30 BST on 15 June.
    assert.equal(toCalendarDate(new Date('2025-06-14T23:30:00Z')), '2025-06-15')
    assert.equal(isRescreenDue('2024-06-15', new Date('2025-06-14T23:30:00Z')), true)
    assert.equal(isRescreenDue('2024-06-15', '2025-06-14T22:59:59Z'), false)
    // In winter London is on UTC.
    assert.equal(toCalendarDate('2025-01-14T23:30:00Z'), '2025-01-14')
    assert.equal(toCalendarDate('2025-01-15T00:30:00+01:00'), '2025-01-14')
  })

  it('clamps to the end of shorter months', () => {
    assert.equal(rescreenDueDate('2024-02-29'), '2025-02-28')
    assert.equal(isRescreenDue('2024-02-29', '2025-02-28'), true)
    assert.equal(isRescreenDue('2024-02-29', '2025-02-27'), false)
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29')
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28')
    assert.equal(addMonths('2024-11-30', 3), '2025-02-28')
  })

  it('takes a configurable interval', () => {
    assert.equal(rescreenDueDate('2024-03-15', 6), '2024-09-15')
    assert.equal(isRescreenDue('2024-03-15', '2024-09-15', 6), true)
    assert.equal(rescreenDueDate('2024-12-01', 24), '2026-12-01')
  })

  it('rejects bad intervals and dates instead of guessing', () => {
    assert.throws(() => rescreenDueDate('2024-03-15', 0), RangeError)
    assert.throws(() => rescreenDueDate('2024-03-15', 1.5), RangeError)
    assert.throws(() => rescreenDueDate('2024-03-15', 121), RangeError)
    assert.throws(() => toCalendarDate('2024-02-30'), RangeError)
    assert.throws(() => toCalendarDate('15/03/2024'), RangeError)
    // No offset: would depend on the server's time zone.
    assert.throws(() => toCalendarDate('2024-03-15T10:00:00'), RangeError)
    assert.throws(() => toCalendarDate(new Date('nonsense')), RangeError)
  })
})
