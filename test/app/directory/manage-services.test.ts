// The directory use cases the web form uses (add, change, retire/restore, mark as checked: each
// audited under the acting user's organisation) and the public view (never retired or staff-only).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg, type ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { addService } from '../../../src/app/directory/add-service.js'
import { editService } from '../../../src/app/directory/edit-service.js'
import { changeServiceStatus } from '../../../src/app/directory/change-service-status.js'
import { markServiceChecked } from '../../../src/app/directory/mark-service-checked.js'
import { findPublicService, listPublicServices } from '../../../src/app/directory/public-services.js'
import { findService } from '../../../src/db/repositories/directory.js'
import type { ServiceDetails } from '../../../src/domain/directory/service-details.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'

const details = (over: Partial<ServiceDetails> = {}): ServiceDetails => ({
  name: 'Tablet Loans',
  organisationName: 'Library',
  description: 'Loans tablets.',
  url: null,
  email: null,
  barriers: ['access'],
  offerTypes: ['device'],
  areas: ['Hackney'],
  languages: ['tr', 'pl'],
  delivery: [],
  eligibility: '',
  minimumAge: undefined,
  maximumAge: undefined,
  audience: 'patients',
  phone: null,
  venue: null,
  openingTimes: null,
  verified: true,
  ...over
})

for (const kind of await testDialects()) {
  describe(`directory management (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    let champion: Actor
    const audits = (id: string) =>
      database.db
        .selectFrom('audit_event')
        .select(['action', 'org_id', 'actor_role', 'detail'])
        .where('entity_type', '=', 'support_service')
        .where('entity_id', '=', id)
        .orderBy('occurred_at')
        .execute()
    const asChampion = <T>(work: Parameters<typeof withOrg<T>>[2]) => withOrg(database, fixture.orgA.id, work)
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
      const row = await database.db
        .selectFrom('staff_user')
        .select('id')
        .where('org_id', '=', fixture.orgA.id)
        .where('role', '=', 'champion')
        .executeTakeFirstOrThrow()
      champion = { orgId: fixture.orgA.id, userId: row.id, role: 'champion', teamId: null, ip: null, userAgent: null }
    })
    after(() => database.close())

    test('add, change, retire, restore and mark as checked; each audited', async () => {
      const added = await asChampion((trx) =>
        addService(trx, champion, { details: details() }, { today: '2026-11-25' })
      )
      assert.match(added.id, /^[0-9a-f-]{36}$/)
      assert.deepEqual(
        [added.status, added.verified, added.lastVerifiedOn, added.source],
        ['active', true, '2026-11-25', 'Added by staff']
      )
      const changed = await asChampion((trx) =>
        editService(
          trx,
          champion,
          { serviceId: added.id, details: details({ name: 'Tablet Library', verified: false, minimumAge: 16 }) },
          { today: '2026-12-01' }
        )
      )
      assert.deepEqual(
        [changed.name, changed.verified, changed.lastVerifiedOn, changed.eligibility.minimumAge],
        ['Tablet Library', false, '2026-11-25', 16]
      )
      await asChampion((trx) => changeServiceStatus(trx, champion, { serviceId: added.id, status: 'retired' }))
      assert.equal((await findService(database.db, added.id))?.status, 'retired')
      await asChampion((trx) => changeServiceStatus(trx, champion, { serviceId: added.id, status: 'active' }))
      await asChampion((trx) => markServiceChecked(trx, champion, { serviceId: added.id }, { today: '2026-12-02' }))
      const stored = await findService(database.db, added.id)
      assert.deepEqual([stored?.status, stored?.verified, stored?.lastVerifiedOn], ['active', true, '2026-12-02'])
      assert.deepEqual(
        (await audits(added.id)).map((a) => [a.action, a.org_id, a.actor_role, a.detail]),
        [
          ['create', fixture.orgA.id, 'champion', {}],
          ['update', fixture.orgA.id, 'champion', {}],
          ['update', fixture.orgA.id, 'champion', { status: 'retired' }],
          ['update', fixture.orgA.id, 'champion', { status: 'active' }],
          ['update', fixture.orgA.id, 'champion', { verified: true }]
        ]
      )
    })

    test('how people use a service is stored and read back (empty when not said)', async () => {
      const said = await asChampion((trx) =>
        addService(trx, champion, { details: details({ name: 'Phone Help', delivery: ['in_person', 'phone'] }) })
      )
      assert.deepEqual((await findService(database.db, said.id))?.delivery, ['in_person', 'phone'])
      const unsaid = await asChampion((trx) => addService(trx, champion, { details: details({ name: 'Quiet Help' }) }))
      assert.deepEqual((await findService(database.db, unsaid.id))?.delivery, [])
      await asChampion((trx) => changeServiceStatus(trx, champion, { serviceId: said.id, status: 'retired' }))
      await asChampion((trx) => changeServiceStatus(trx, champion, { serviceId: unsaid.id, status: 'retired' }))
    })

    test('an unknown service is not found, and nothing is audited', async () => {
      await assert.rejects(
        asChampion((trx) => editService(trx, champion, { serviceId: 'nope', details: details() })),
        NotFoundError
      )
      await assert.rejects(
        asChampion((trx) => changeServiceStatus(trx, champion, { serviceId: 'nope', status: 'retired' })),
        NotFoundError
      )
      await assert.rejects(
        asChampion((trx) => markServiceChecked(trx, champion, { serviceId: 'nope' })),
        NotFoundError
      )
      assert.deepEqual(await audits('nope'), [])
    })

    test('the public directory shows active services for patients only', async () => {
      const forStaff = await asChampion((trx) =>
        addService(trx, champion, { details: details({ name: 'Volunteer Help', audience: 'staff' }) })
      )
      const retired = await asChampion((trx) => addService(trx, champion, { details: details({ name: 'Old Help' }) }))
      await asChampion((trx) => changeServiceStatus(trx, champion, { serviceId: retired.id, status: 'retired' }))
      const listed = (await listPublicServices(database.db, {})).map((s) => s.name)
      assert.ok(listed.includes('Tablet Library'))
      assert.ok(!listed.includes('Volunteer Help') && !listed.includes('Old Help'))
      await assert.rejects(findPublicService(database.db, forStaff.id), NotFoundError)
      await assert.rejects(findPublicService(database.db, retired.id), NotFoundError)
      await assert.rejects(findPublicService(database.db, 'x'.repeat(300)), NotFoundError)
      assert.deepEqual(
        (await listPublicServices(database.db, { barrier: 'skills' })).map((s) => s.name),
        []
      )
    })
  })
}
