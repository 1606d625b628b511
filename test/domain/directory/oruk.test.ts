// ORUK import and export. The shared entry mirrors REACH_SHARED_DATA/screening/digital-support-directory.json
// (National Device Bank, trimmed); the round trip is import → export → import with equal services.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parseDirectoryImport, serviceToOruk } from '../../../src/domain/directory/oruk.js'
import { isDueForReview } from '../../../src/domain/directory/service.js'

const sharedEntry = {
  id: 'gtf-national-device-bank',
  name: 'National Device Bank',
  organisation: 'Good Things Foundation',
  description: 'Free refurbished devices.',
  barriers: ['access'],
  offerTypes: ['device'],
  eligibility: 'People without a suitable device.',
  audience: 'patients',
  area: 'national',
  status: 'active',
  verified: true,
  sourceDate: '2022-2023',
  source: ['https://example.org/a'],
  oruk: {
    id: '5f0e3c1e-0000-5000-8000-000000000001',
    name: 'National Device Bank',
    status: 'active',
    url: 'https://www.goodthingsfoundation.org/',
    description: 'Free refurbished devices. Eligibility: People without a suitable device.',
    organization: {
      id: 'b6cc77bf-2d84-51b6-8d71-e0e082f19bfb',
      name: 'Good Things Foundation',
      description: 'Charity.'
    },
    service_areas: [{ name: 'United Kingdom' }],
    attributes: [
      { taxonomy_term: { name: 'access', taxonomy: 'reach-digital-inclusion-barrier' } },
      { taxonomy_term: { name: 'device', taxonomy: 'reach-digital-inclusion-offer-type' } }
    ]
  }
}

const fullOruk = {
  id: 'svc-local-1',
  name: 'Digital drop-in',
  description: 'Weekly drop-in for help with phones.',
  url: 'https://example.org/drop-in',
  email: 'help@example.org',
  status: 'active',
  organization: { name: 'Example Community Centre' },
  service_areas: [{ name: 'London Borough of Hackney' }],
  languages: [{ code: 'tr' }, { code: 'pl' }],
  eligibilitys: [{ eligibility: 'Adults aged 50 and over', minimum_age: 50 }],
  cost_options: [{ option: 'Free' }],
  service_at_locations: [
    {
      location: {
        name: 'Centre',
        physical_addresses: [{ address_1: '1 Mare Street', city: 'London', postal_code: 'E8 1AA' }]
      }
    }
  ],
  contacts: [{ name: 'Drop-in team', email: 'help@example.org' }],
  regular_schedules: [{ weekday: 'Tuesday', opens_at: '10:00', closes_at: '12:00' }],
  service_taxonomys: [
    { taxonomy: { name: 'skills', vocabulary: 'reach-digital-inclusion-barrier' } },
    { taxonomy: { name: 'one-to-one help', vocabulary: 'reach-digital-inclusion-offer-type' } }
  ],
  x_reach: { verified: true, last_verified_on: '2026-01-10' }
}

describe('ORUK directory import and export', () => {
  test('a shared-directory entry becomes a service (eligibility split from the description, area from service_areas)', () => {
    const { services, problems } = parseDirectoryImport({ services: [sharedEntry] })
    assert.deepEqual(problems, [])
    const s = services[0]!
    assert.equal(s.id, sharedEntry.oruk.id)
    assert.equal(s.description, 'Free refurbished devices.')
    assert.equal(s.eligibility.text, 'People without a suitable device.')
    assert.deepEqual([s.barriers, s.offerTypes, s.areas], [['access'], ['device'], ['national']])
    assert.equal(s.verified, true)
    assert.equal(s.lastVerifiedOn, '2023-12-31')
  })

  test('a full ORUK service keeps languages, ages, cost, locations with postcode, contacts and schedules', () => {
    const s = parseDirectoryImport([fullOruk]).services[0]!
    assert.deepEqual(s.languages, ['tr', 'pl'])
    assert.equal(s.eligibility.minimumAge, 50)
    assert.equal(s.cost, 'Free')
    assert.deepEqual(s.locations, [{ name: 'Centre', address: '1 Mare Street, London', postcode: 'E8 1AA' }])
    assert.deepEqual(s.schedules, [{ weekday: 'Tuesday', opensAt: '10:00', closesAt: '12:00' }])
    assert.deepEqual(s.areas, ['Hackney'])
  })

  test('round trip: import → export → import gives equal services', () => {
    const first = parseDirectoryImport([sharedEntry, fullOruk]).services
    const exported = JSON.parse(JSON.stringify(first.map(serviceToOruk)))
    const second = parseDirectoryImport(exported)
    assert.deepEqual(second.problems, [])
    assert.deepEqual(second.services, first)
  })

  test('problems are reported by record index and field, and nothing is returned', () => {
    const bad = { ...fullOruk, id: 'svc-2', name: '', status: 'open', email: 'not-an-email' }
    const result = parseDirectoryImport([fullOruk, bad, { ...fullOruk }])
    assert.deepEqual(result.services, [])
    assert.deepEqual(
      result.problems.map((p) => [p.index, p.field]),
      [
        [1, 'name'],
        [1, 'email'],
        [1, 'status'],
        [2, 'id']
      ]
    )
    assert.match(result.problems[3]!.message, /duplicate id/)
    assert.equal(parseDirectoryImport({ nothing: true }).problems[0]!.index, -1)
  })

  test('due for review after 12 months without a check', () => {
    assert.equal(isDueForReview({ lastVerifiedOn: '2025-11-26' }, '2026-11-25'), false)
    assert.equal(isDueForReview({ lastVerifiedOn: '2025-11-25' }, '2026-11-25'), true)
    assert.equal(isDueForReview({ lastVerifiedOn: null }, '2026-11-25'), true)
  })
})
