// `reach directory import/export`: per-record errors with nothing written, dry run, and the
// round trip through the database (import → export → import gives the same export).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { freshDatabase } from '../helpers/databases.js'
import type { ReachDatabase } from '../../src/db/connect.js'
import { exportDirectory, importDirectory } from '../../src/cli/commands/directory.js'
import { CliInputError } from '../../src/cli/io.js'

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
const testServices = [
  svc('device-bank', 'Device Bank', 'access', 'device'),
  svc('skills-club', 'Skills Club', 'skills', 'skills training'),
  svc('unchecked', 'Unchecked', 'trust', 'one-to-one help')
]

describe('reach directory import and export (pglite)', () => {
  let database: ReachDatabase
  before(async () => {
    database = await freshDatabase('pglite')
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

  test('errors are reported per record and field; nothing is half-imported', async () => {
    const bad = [testServices[0], { ...testServices[1], name: '' }, { ...testServices[2], status: 'maybe' }]
    await assert.rejects(importDirectory(database.db, JSON.stringify(bad), false), (error: unknown) => {
      assert.ok(error instanceof CliInputError)
      assert.match(error.message, /record 1, name: name is required/)
      assert.match(error.message, /record 2, status:/)
      return true
    })
    assert.equal(await count(), 0)
    await assert.rejects(importDirectory(database.db, '{not json', false), /not valid JSON/)
  })

  test('dry run writes nothing; import then export round-trips', async () => {
    assert.match(await importDirectory(database.db, JSON.stringify(testServices), true), /dry run: 3 services/)
    assert.equal(await count(), 0)
    assert.match(await importDirectory(database.db, JSON.stringify(testServices), false), /3 added/)
    const first = await exportDirectory(database.db)
    assert.match(await importDirectory(database.db, first, false), /3 updated/)
    assert.equal(await exportDirectory(database.db), first)
    const parsed = JSON.parse(first) as { id: string; attributes: unknown[] }[]
    assert.deepEqual(parsed.map((s) => s.id).sort(), ['device-bank', 'skills-club', 'unchecked'])
  })
})
