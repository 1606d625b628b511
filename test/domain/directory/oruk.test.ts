// ORUK import and export. The shared entry mirrors REACH_SHARED_DATA/screening/digital-support-directory.json
// (National Device Bank, trimmed); the round trip is import → export → import with equal services.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DELIVERY_TAXONOMY, parseDirectoryImport, serviceToOruk } from '../../../src/domain/directory/oruk.js'
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

  test("delivery: a shared entry's list and ORUK attributes in reach-delivery-mode, in a fixed order, round-tripped", () => {
    const shared = { ...sharedEntry, delivery: ['phone', 'in_person', 'phone'] }
    const oruk = {
      ...fullOruk,
      id: 'svc-local-2',
      attributes: [
        { taxonomy_term: { name: 'online', taxonomy: DELIVERY_TAXONOMY } },
        { taxonomy_term: { name: 'in_person', taxonomy: DELIVERY_TAXONOMY } }
      ],
      service_taxonomys: [...fullOruk.service_taxonomys, { taxonomy: { name: 'phone', vocabulary: DELIVERY_TAXONOMY } }]
    }
    const first = parseDirectoryImport([shared, oruk, fullOruk])
    assert.deepEqual(first.problems, [])
    assert.deepEqual(
      first.services.map((s) => s.delivery),
      [['in_person', 'phone'], ['in_person', 'phone', 'online'], []]
    )
    const exported = JSON.parse(JSON.stringify(first.services.map(serviceToOruk)))
    assert.deepEqual(
      exported[0].attributes
        .filter((a: { taxonomy_term: { taxonomy: string } }) => a.taxonomy_term.taxonomy === DELIVERY_TAXONOMY)
        .map((a: { taxonomy_term: { id: string; name: string } }) => [a.taxonomy_term.id, a.taxonomy_term.name]),
      [
        ['reach-delivery-mode:in_person', 'in_person'],
        ['reach-delivery-mode:phone', 'phone']
      ]
    )
    const second = parseDirectoryImport(exported)
    assert.deepEqual(second.problems, [])
    assert.deepEqual(second.services, first.services)
  })

  test('delivery: a term that is not in_person, phone or online is a problem, by field', () => {
    const result = parseDirectoryImport([
      { ...sharedEntry, delivery: ['in_person', 'by carrier pigeon'] },
      {
        ...fullOruk,
        id: 'svc-x',
        attributes: [{ taxonomy_term: { name: 'video', taxonomy: DELIVERY_TAXONOMY } }],
        service_taxonomys: [{ taxonomy: { name: 'Phone', vocabulary: DELIVERY_TAXONOMY } }]
      }
    ])
    assert.deepEqual(result.services, [])
    assert.deepEqual(
      result.problems.map((p) => [p.index, p.field]),
      [
        [0, 'delivery.1'],
        [1, 'attributes.0.taxonomy_term.name'],
        [1, 'service_taxonomys.0.taxonomy.name']
      ]
    )
    assert.match(
      result.problems[0]!.message,
      /"by carrier pigeon" is not a way of using a service: use in_person, phone, online/
    )
  })

  test('the shipped directory says how each of its 17 services is used', () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../reference/screening/digital-support-directory.json'), 'utf8')
    ) as { services: { id: string; delivery?: string[] }[] }
    assert.equal(file.services.length, 17)
    assert.ok(file.services.every((s) => Array.isArray(s.delivery)))
    const { services, problems } = parseDirectoryImport(file)
    assert.deepEqual(problems, [])
    const byName = (name: string) => services.find((s) => s.name === name)!.delivery
    assert.deepEqual(byName('Learn My Way'), ['online'])
    assert.deepEqual(byName('National Databank'), ['in_person'])
    assert.deepEqual(byName('National Device Bank'), ['in_person'])
    assert.deepEqual(byName('AbilityNet free tech support'), ['in_person', 'phone'])
    assert.deepEqual(byName('NHS App help and support'), ['online'])
    const withoutDelivery = { ...file, services: file.services.map(({ delivery: _, ...rest }) => rest) }
    assert.ok(parseDirectoryImport(withoutDelivery).services.every((s) => s.delivery.length === 0))
  })

  test('due for review after 12 months without a check', () => {
    assert.equal(isDueForReview({ lastVerifiedOn: '2025-11-26' }, '2026-11-25'), false)
    assert.equal(isDueForReview({ lastVerifiedOn: '2025-11-25' }, '2026-11-25'), true)
    assert.equal(isDueForReview({ lastVerifiedOn: null }, '2026-11-25'), true)
  })
})
