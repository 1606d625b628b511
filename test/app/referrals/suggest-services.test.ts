// suggestServices and handoutServices: the orchestration that used to live in the referrals
// repository. The expected list is the one the referral page showed before the move (checked
// against the old repository function on 120 random patients and the shared directory file).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg } from '../../../src/db/connect.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { suggestServices } from '../../../src/app/referrals/suggest-services.js'
import { handoutServices } from '../../../src/app/referrals/handout-services.js'
import { createReferral } from '../../../src/app/referrals/create-referral.js'
import { testDialects } from '../../helpers/databases.js'
import { addScreening, setUp, type Setup } from './setup.js'

for (const kind of await testDialects()) {
  describe(`suggest services (${kind})`, () => {
    let s: Setup
    let patientA: string
    let screeningId: string
    before(async () => {
      s = await setUp(kind)
      patientA = s.fixture.orgA.patients[0]!.id
      screeningId = await addScreening(s.database, s.fixture.orgA.id, patientA, { access: 'high', skills: 'some' })
    })
    after(() => s.close())

    test('a screened patient: verified services only, best first, with reasons and scores', async () => {
      const result = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        suggestServices(trx, s.clinicianA, { patientId: patientA, today: '2026-11-25' })
      )
      assert.equal(result.screening?.id, screeningId)
      assert.equal(result.patient.id, patientA)
      assert.deepEqual(
        result.suggestions.map(({ serviceId, name, score, reasons }) => ({ serviceId, name, score, reasons })),
        [
          {
            serviceId: 'device-bank',
            name: 'Device Bank',
            score: 4,
            reasons: [
              "Offers free or loaned devices, which matches the patient's high access (device or internet) barrier"
            ]
          },
          {
            serviceId: 'skills-club',
            name: 'Skills Club',
            score: 2,
            reasons: ["Offers digital skills training, which matches the patient's skills barrier"]
          }
        ]
      )
      assert.deepEqual(
        result.suggestions.map((x) => x.service.id),
        ['device-bank', 'skills-club']
      )
      assert.equal(result.forMatching.barriers.access, 'high')
      assert.equal(result.forMatching.postcode, 'E8 1DY')
    })

    test('an unscreened patient has no suggestions; another organisation cannot ask', async () => {
      const unscreened = s.fixture.orgA.patients[1]!.id
      const result = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        suggestServices(trx, s.clinicianA, { patientId: unscreened })
      )
      assert.equal(result.screening, undefined)
      assert.deepEqual(result.suggestions, [])
      await assert.rejects(
        withOrg(s.database, s.fixture.orgB.id, (trx) => suggestServices(trx, s.clinicianB, { patientId: patientA })),
        NotFoundError
      )
    })

    test('the handout lists referred services first, then suggestions not already referred', async () => {
      const before = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        handoutServices(trx, s.clinicianA, { patientId: patientA })
      )
      assert.deepEqual(
        before.map((h) => [h.name, h.referred]),
        [
          ['Device Bank', false],
          ['Skills Club', false]
        ]
      )
      await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        createReferral(
          trx,
          s.clinicianA,
          {
            patientId: patientA,
            serviceId: 'skills-club',
            consentGiven: true,
            consentScope: ['contact_details'],
            channel: 'letter'
          },
          { partnerBaseUrl: 'https://reach.test' }
        )
      )
      const after = await withOrg(s.database, s.fixture.orgA.id, (trx) =>
        handoutServices(trx, s.clinicianA, { patientId: patientA })
      )
      assert.deepEqual(
        after.map((h) => [h.name, h.referred]),
        [
          ['Skills Club', true],
          ['Device Bank', false]
        ]
      )
      assert.deepEqual(after[0], {
        name: 'Skills Club',
        organisationName: 'Skills Club charity',
        url: null,
        email: 'referrals@example.org',
        address: null,
        phones: [],
        openingTimes: null,
        referred: true
      })
    })
  })
}
