// Demo area seeding: the real files plus a synthetic postcode lookup labelled synthetic, quickly.
import { referenceDataDir } from '../../src/config.js'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { freshDatabase } from '../helpers/databases.js'
import { loadFixture } from '../helpers/fixture.js'
import { seedDemoArea, SYNTHETIC_POSTCODE_FILE } from '../../src/db/seed/demo-area.js'

const sharedDataDir = resolve(process.env.REACH_SHARED_DATA ?? referenceDataDir)
const skip = existsSync(join(sharedDataDir, 'area', 'MANIFEST.csv'))
  ? false
  : `shared area data not found in ${sharedDataDir}`

test(
  'the demo imports the real area files and a synthetic postcode lookup covering the demo postcodes',
  { skip },
  async (t) => {
    const database = await freshDatabase('pglite')
    t.after(() => database.close())
    const fixture = await loadFixture(database.db)
    const postcodes = ['E8 1DY', 'N16 5QQ', 'E5 0AB']
    const started = Date.now()
    await database.db.transaction().execute(async (trx) => {
      await seedDemoArea({
        trx,
        random: Math.random,
        sharedDataDir,
        today: '2026-11-25',
        log: () => {},
        organisations: [
          {
            id: fixture.orgA.id,
            code: fixture.orgA.code,
            kind: 'trust',
            teamIds: [],
            staff: [],
            patients: postcodes.map((postcode, i) => ({
              id: String(i),
              dateOfBirth: '1950-01-01',
              postcode,
              mainLanguage: 'en',
              interpreterNeeded: false,
              disability: 'no',
              teamId: ''
            }))
          }
        ]
      })
    })
    assert.ok(Date.now() - started < 10_000)
    const synthetic = await database.db.selectFrom('area_import').selectAll().where('is_synthetic', '=', true).execute()
    assert.deepEqual(
      synthetic.map((s) => s.file_name),
      [SYNTHETIC_POSTCODE_FILE]
    )
    assert.equal(synthetic[0]!.rows, 3)
    const placed = await database.db
      .selectFrom('postcode_lsoa')
      .innerJoin('lsoa', 'lsoa.code', 'postcode_lsoa.lsoa21_code')
      .select(['postcode', 'lsoa.lad_name'])
      .execute()
    assert.equal(placed.length, 3)
    assert.ok(placed.every((p) => p.lad_name === 'Hackney' || p.lad_name === 'City of London'))
    assert.equal(
      (await database.db.selectFrom('area_import').select('id').where('is_synthetic', '=', false).execute()).length,
      17
    )
  }
)

test('without the shared folder the demo logs and skips', async (t) => {
  const database = await freshDatabase('pglite')
  t.after(() => database.close())
  const lines: string[] = []
  await database.db.transaction().execute(async (trx) => {
    await seedDemoArea({
      trx,
      random: Math.random,
      sharedDataDir: '/nonexistent',
      today: '2026-11-25',
      log: (l) => lines.push(l),
      organisations: []
    })
  })
  assert.match(lines[0]!, /not found/)
})
