// importDirectory / exportDirectory, the use cases behind `reach directory import|export`: every
// problem listed by record and field with nothing written, a dry run writes nothing, and an
// export imports back to the same services.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { ReachDatabase } from '../../../src/db/connect.js'
import { DirectoryImportError, importDirectory } from '../../../src/app/directory/import-directory.js'
import { exportDirectory } from '../../../src/app/directory/export-directory.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'

const svc = (id: string, name: string, barrier: string, offer: string) => ({
  id,
  name,
  description: `${name} helps.`,
  status: 'active',
  organization: { name: 'Charity' },
  service_areas: [{ name: 'London' }],
  attributes: [
    { taxonomy_term: { name: barrier, taxonomy: 'reach-digital-inclusion-barrier' } },
    { taxonomy_term: { name: offer, taxonomy: 'reach-digital-inclusion-offer-type' } }
  ],
  x_reach: { verified: true, last_verified_on: '2026-06-01' }
})
const services = [
  svc('device-bank', 'Device Bank', 'access', 'device'),
  svc('skills-club', 'Skills Club', 'skills', 'skills training')
]

for (const kind of await testDialects()) {
  describe(`directory import and export (${kind})`, () => {
    let database: ReachDatabase
    before(async () => {
      database = await freshDatabase(kind)
    })
    after(() => database.close())
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('support_service')
            .select(sql<string>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )
    const inTransaction = <T>(work: (trx: Parameters<typeof importDirectory>[0]) => Promise<T>) =>
      database.db.transaction().execute(work)

    test('problems: a typed error listing each by record and field; nothing written', async () => {
      const bad = [services[0], { ...services[1], name: '' }]
      await assert.rejects(
        inTransaction((trx) => importDirectory(trx, bad, { dryRun: false })),
        (error: unknown) => {
          assert.ok(error instanceof DirectoryImportError)
          assert.deepEqual(
            error.problems.map((p) => [p.index, p.field]),
            [[1, 'name']]
          )
          return true
        }
      )
      assert.equal(await count(), 0)
    })

    test('a dry run writes nothing; an import adds, a second one updates; export round-trips', async () => {
      assert.deepEqual(await inTransaction((trx) => importDirectory(trx, services, { dryRun: true })), {
        services: 2,
        added: 0,
        updated: 0,
        dryRun: true
      })
      assert.equal(await count(), 0)
      assert.deepEqual(await inTransaction((trx) => importDirectory(trx, services, { dryRun: false })), {
        services: 2,
        added: 2,
        updated: 0,
        dryRun: false
      })
      const exported = await exportDirectory(database.db)
      assert.deepEqual(
        exported.map((s) => s.id),
        ['device-bank', 'skills-club']
      )
      const again = await inTransaction((trx) => importDirectory(trx, exported, { dryRun: false }))
      assert.deepEqual([again.added, again.updated], [0, 2])
      assert.deepEqual(await exportDirectory(database.db), exported)
    })
  })
}
