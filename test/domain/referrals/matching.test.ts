// Matching worked examples. Services are shaped like entries of the shared directory
// (REACH_SHARED_DATA/screening/digital-support-directory.json): National Device Bank (access, device),
// Hackney Libraries (access/skills; device, data, assisted digital), an unverified council course.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  ageOrNull,
  exclusion,
  rankServices,
  scoreService,
  type PatientForMatching,
  type ServiceForMatching
} from '../../../src/domain/referrals/matching.js'
import { areasForDistrict, postcodeDistrict } from '../../../src/domain/referrals/postcode-area.js'

const service = (over: Partial<ServiceForMatching>): ServiceForMatching => ({
  id: 'x',
  name: 'X',
  status: 'active',
  verified: true,
  barriers: [],
  offerTypes: [],
  languages: [],
  areas: ['national'],
  eligibility: { audience: 'patients' },
  locations: [],
  ...over
})
const deviceBank = service({
  id: 'device-bank',
  name: 'National Device Bank',
  barriers: ['access'],
  offerTypes: ['device']
})
const libraries = service({
  id: 'libraries',
  name: 'Hackney Libraries',
  barriers: ['access', 'skills'],
  offerTypes: ['data/connectivity', 'device', 'assisted digital'],
  areas: ['Hackney'],
  locations: [{ postcode: 'E8 1GQ' }]
})
const course = service({
  id: 'course',
  name: 'Getting online course',
  barriers: ['skills', 'language'],
  offerTypes: ['skills training'],
  areas: ['Hackney'],
  verified: false
})
const learnMyWay = service({
  id: 'lmw',
  name: 'Learn My Way',
  barriers: ['skills', 'motivation'],
  offerTypes: ['skills training']
})
const patient = (over: Partial<PatientForMatching>): PatientForMatching => ({
  barriers: {},
  language: 'en',
  interpreterNeeded: false,
  age: 70,
  postcode: 'E8 3AB',
  ...over
})

describe('matching', () => {
  test('a high access barrier: Hackney Libraries (device, venue in E8) ranks above the national device bank', () => {
    const ranked = rankServices(patient({ barriers: { access: 'high', skills: 'none' } }), [
      deviceBank,
      libraries,
      learnMyWay
    ])
    assert.deepEqual(
      ranked.map((r) => r.serviceId),
      ['libraries', 'device-bank']
    )
    // libraries: access high 3 + offer 1 + venue in district 1 = 5; device bank: 3 + 1 = 4
    assert.equal(ranked[0]!.score, 5)
    assert.equal(ranked[1]!.score, 4)
    assert.equal(
      ranked[1]!.reasons[0],
      "Offers free or loaned devices, which matches the patient's high access (device or internet) barrier"
    )
    assert.ok(ranked[0]!.reasons.includes("Has a venue in the patient's postcode district (E8)"))
  })

  test('high barriers weigh more than some: skills high beats access some', () => {
    const ranked = rankServices(patient({ barriers: { access: 'some', skills: 'high' }, postcode: null }), [
      deviceBank,
      learnMyWay
    ])
    assert.deepEqual(
      ranked.map((r) => [r.serviceId, r.score]),
      [
        ['lmw', 4],
        ['device-bank', 2]
      ]
    )
  })

  test('unverified, retired, staff-only and out-of-area services are never suggested', () => {
    const p = patient({ barriers: { skills: 'high', language: 'high' } })
    assert.equal(exclusion(p, course), 'not verified')
    assert.equal(exclusion(p, { ...learnMyWay, status: 'retired' }), 'retired')
    assert.equal(exclusion(p, { ...learnMyWay, eligibility: { audience: 'staff' } }), 'for staff')
    assert.equal(exclusion(patient({ postcode: 'M1 1AA' }), libraries), 'outside area')
    assert.deepEqual(rankServices(p, [course]), [])
  })

  test('age limits apply when the age is known', () => {
    const over60 = { ...learnMyWay, eligibility: { audience: 'patients' as const, minimumAge: 60 } }
    assert.equal(exclusion(patient({ age: 45 }), over60), 'too young')
    assert.equal(exclusion(patient({ age: null }), over60), null)
  })

  test("language: the patient's language scores 2, interpreting help 1", () => {
    const turkish = { ...learnMyWay, id: 'tr', languages: ['tr'] }
    const s = scoreService(
      patient({ barriers: { skills: 'some' }, language: 'tr', interpreterNeeded: true, postcode: null }),
      turkish
    )!
    assert.equal(s.score, 1 + 1 + 2)
    assert.ok(s.reasons.includes("Works in Turkish, the patient's language"))
  })

  test('no barrier in common: no suggestion', () => {
    assert.equal(scoreService(patient({ barriers: { trust: 'high' } }), deviceBank), null)
  })

  test('postcode districts and areas (Royal Mail districts; E8 is Hackney, EC3 is the City)', () => {
    assert.equal(postcodeDistrict('e8 1dy'), 'E8')
    assert.equal(postcodeDistrict('EC2A 4NE'), 'EC2A')
    assert.equal(postcodeDistrict('nonsense'), null)
    assert.deepEqual(areasForDistrict('E8'), ['national', 'London', 'Hackney'])
    assert.deepEqual(areasForDistrict('EC3'), ['national', 'London', 'City'])
    assert.deepEqual(areasForDistrict('M1'), ['national'])
  })

  test('age on a date', () => {
    assert.equal(ageOrNull('1950-06-23', '2026-06-22'), 75)
    assert.equal(ageOrNull('1950-06-23', '2026-06-23'), 76)
    assert.equal(ageOrNull(null, '2026-06-23'), null)
  })

  describe('by reason (the screening answers behind the barrier)', () => {
    const databank = service({
      id: 'databank',
      name: 'National Databank',
      barriers: ['access'],
      offerTypes: ['data/connectivity'],
      delivery: ['in_person']
    })
    const needs = (over: Partial<NonNullable<PatientForMatching['needs']>>) => ({
      noDevice: false,
      cannotAfford: false,
      noConnection: false,
      prefersOffline: false,
      languages: [],
      ...over
    })
    const lmwOnline = { ...learnMyWay, delivery: ['online'] }

    test('data running out (affordability): free data first, and a device scheme is not offered', () => {
      const p = patient({ barriers: { access: 'high' }, needs: needs({ cannotAfford: true }), postcode: null })
      const ranked = rankServices(p, [deviceBank, databank])
      assert.deepEqual(
        ranked.map((r) => r.serviceId),
        ['databank']
      )
      assert.deepEqual(ranked[0]?.reasons, [
        'Offers free mobile data or internet access, for a patient who cannot always afford data or bills'
      ])
    })

    test('no device: device schemes; the reason says why', () => {
      const p = patient({ barriers: { access: 'high' }, needs: needs({ noDevice: true }), postcode: null })
      const ranked = rankServices(p, [databank, deviceBank])
      assert.deepEqual(
        ranked.map((r) => r.serviceId),
        ['device-bank']
      )
      assert.match(ranked[0]!.reasons[0]!, /has no smartphone, tablet or computer/)
    })

    test('would rather not go online: never an online-only course', () => {
      const p = patient({ barriers: { motivation: 'high', skills: 'some' }, needs: needs({ prefersOffline: true }) })
      assert.equal(exclusion(p, lmwOnline), 'online only, and the patient would rather not go online')
      assert.equal(exclusion(p, { ...lmwOnline, delivery: ['online', 'in_person'] }), null)
      assert.equal(exclusion(patient({ barriers: { skills: 'some' } }), lmwOnline), null)
    })

    test('cannot get online: online-only help is left out unless it brings the device or the data', () => {
      const p = patient({ barriers: { access: 'high', skills: 'some' }, needs: needs({ noDevice: true }) })
      assert.equal(exclusion(p, lmwOnline), 'online only, and the patient cannot get online')
      assert.equal(exclusion(p, { ...deviceBank, delivery: ['online'] }), null)
    })

    test('interpreter language matched to the languages a service works in', () => {
      const turkishHub = { ...learnMyWay, id: 'hub', languages: ['tr'] }
      const p = patient({ barriers: { skills: 'some' }, language: 'ku', needs: needs({ languages: ['ku', 'tr'] }) })
      assert.ok(scoreService(p, turkishHub)!.reasons.includes("Works in Turkish, the patient's language"))
    })

    test('not checked for 12 months: still suggested, ranked lower, with a warning', () => {
      const fresh = { ...deviceBank, id: 'fresh', name: 'B fresh', lastVerifiedOn: '2026-06-01' }
      const stale = { ...deviceBank, id: 'stale', name: 'A stale', lastVerifiedOn: '2023-12-31' }
      const p = patient({ barriers: { access: 'high' }, postcode: null })
      const ranked = rankServices(p, [stale, fresh], 5, '2026-12-02')
      assert.deepEqual(
        ranked.map((r) => r.serviceId),
        ['fresh', 'stale']
      )
      assert.ok(
        ranked[1]!.reasons.includes('Last checked 2023-12-31, over 12 months ago: check it still runs before referring')
      )
      assert.ok(!ranked[0]!.reasons.some((r) => r.includes('check it still runs')))
    })
  })
})
