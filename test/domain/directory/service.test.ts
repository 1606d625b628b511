// The directory service model: how fresh a service's details are (worked dates), and how people use it.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  DELIVERY_MODES,
  deliveryModes,
  deliveryText,
  freshness,
  isDueForReview
} from '../../../src/domain/directory/service.js'

describe('freshness', () => {
  test('checked 11 months and 30 days ago: not due; exactly 12 months ago: due', () => {
    assert.deepEqual(freshness({ lastVerifiedOn: '2025-12-03' }, '2026-12-02'), {
      lastCheckedOn: '2025-12-03',
      dueForReview: false
    })
    assert.deepEqual(freshness({ lastVerifiedOn: '2025-12-02' }, '2026-12-02'), {
      lastCheckedOn: '2025-12-02',
      dueForReview: true
    })
  })

  test('checked today: not due; never checked: no date and due', () => {
    assert.deepEqual(freshness({ lastVerifiedOn: '2026-12-02' }, '2026-12-02'), {
      lastCheckedOn: '2026-12-02',
      dueForReview: false
    })
    assert.deepEqual(freshness({ lastVerifiedOn: null }, '2026-12-02'), { lastCheckedOn: null, dueForReview: true })
  })

  test('the shared file dates a 2023 source 2023-12-31: due by 2026; across a leap day', () => {
    assert.equal(freshness({ lastVerifiedOn: '2023-12-31' }, '2026-12-02').dueForReview, true)
    assert.equal(freshness({ lastVerifiedOn: '2023-12-31' }, '2024-12-30').dueForReview, false)
    assert.equal(freshness({ lastVerifiedOn: '2023-02-28' }, '2024-02-29').dueForReview, true)
    assert.equal(freshness({ lastVerifiedOn: '2023-03-01' }, '2024-02-29').dueForReview, false)
  })

  test('agrees with isDueForReview (which matching uses)', () => {
    for (const lastVerifiedOn of [null, '2020-01-01', '2025-12-02', '2025-12-03', '2026-12-02'])
      assert.equal(
        freshness({ lastVerifiedOn }, '2026-12-02').dueForReview,
        isDueForReview({ lastVerifiedOn }, '2026-12-02')
      )
  })
})

describe('delivery modes', () => {
  test('three modes; known ones once each in a fixed order; as a phrase', () => {
    assert.deepEqual([...DELIVERY_MODES], ['in_person', 'phone', 'online'])
    assert.deepEqual(deliveryModes(['online', 'phone', 'video', 'online']), ['phone', 'online'])
    assert.equal(deliveryText(['phone', 'in_person']), 'in person, by phone')
    assert.equal(deliveryText([]), '')
  })
})
