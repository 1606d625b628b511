// The area use cases: an import plan with problems imports nothing (a good one loads every file,
// with provenance, in the caller's transaction); the risk index scores imported LSOAs and its CSV
// has the documented columns; the LSOA view is not found for a code that is not an LSOA's; the
// equity CSV has one row per group and one for all patients, counts hidden where small.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { withOrg, type ReachDatabase } from '../../../src/db/connect.js'
import type { Actor } from '../../../src/app/actor.js'
import { NotFoundError } from '../../../src/app/errors.js'
import { AreaImportProblemsError, importAreaFiles } from '../../../src/app/area/import-area-files.js'
import { exportRiskIndexCsv } from '../../../src/app/area/risk-index-csv.js'
import { viewLsoa } from '../../../src/app/area/view-lsoa.js'
import { exportEquityCsv } from '../../../src/app/area/equity-csv.js'
import { planAreaImport } from '../../../src/domain/area/import/plan.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'

const LOOKUP =
  '"lsoa21_name","lsoa21_code","ward24_name","ward24_code","ltla24_name","ltla24_code"\n"Hackney 001A","E01001709","Stoke Newington","E05009391","Hackney","E09000012"\n'
const BAD_RM121 =
  '2021 super output area - lower layer,Total,Aged 65 years,Aged 66 to 69 years,Aged 70 to 74 years,Aged 75 to 79 years,Aged 80 to 84 years,Aged 85 years and over\nX : Nowhere,1381,18,53,69,58,43,30\n'

for (const kind of await testDialects()) {
  describe(`area use cases (${kind})`, () => {
    let database: ReachDatabase
    let fixture: Fixture
    let analyst: Actor
    before(async () => {
      database = await freshDatabase(kind)
      fixture = await loadFixture(database.db)
      analyst = { orgId: fixture.orgA.id, userId: null, role: 'analyst', teamId: null, ip: null, userAgent: null }
    })
    after(() => database.close())

    const imports = () => database.db.selectFrom('area_import').select(['file_name', 'imported_by']).execute()

    test('a plan with problems imports nothing', async () => {
      const plan = planAreaImport([
        { name: 'lookup.csv', text: LOOKUP },
        { name: 'age.csv', text: BAD_RM121 }
      ])
      await assert.rejects(
        database.db.transaction().execute((trx) => importAreaFiles(trx, plan, { importedBy: 'test' })),
        AreaImportProblemsError
      )
      assert.deepEqual(await imports(), [])
    })

    test('a good plan loads every file with provenance', async () => {
      const plan = planAreaImport([{ name: 'lookup.csv', text: LOOKUP }])
      const done = await database.db
        .transaction()
        .execute((trx) => importAreaFiles(trx, plan, { importedBy: 'analyst' }))
      assert.deepEqual(
        done.map((d) => [d.file, d.rows]),
        [['lookup.csv', 1]]
      )
      assert.deepEqual(await imports(), [{ file_name: 'lookup.csv', imported_by: 'analyst' }])
    })

    test('risk index CSV: the documented header; an LSOA without indicators is not scored', async () => {
      const csv = await exportRiskIndexCsv(database.db, { comparison: 'lad' })
      assert.match(csv, /^lsoa,name,local_authority,rank,fifth,deri,demography,deprivation,broadband,s_pct_65_plus,/)
      assert.equal(csv.trim().split('\n').length, 1)
    })

    test('LSOA view: found by code in the organisation’s transaction; a malformed or unknown code is not found', async () => {
      const view = await withOrg(database, analyst.orgId, (trx) =>
        viewLsoa(trx, analyst, 'E01001709', { comparison: 'lad' })
      )
      assert.equal(view.lsoa.wardName, 'Stoke Newington')
      assert.equal(view.mine, null)
      assert.equal(view.patients, 0)
      for (const code of ['nonsense', 'E01999999'])
        await assert.rejects(
          withOrg(database, analyst.orgId, (trx) => viewLsoa(trx, analyst, code, { comparison: 'lad' })),
          NotFoundError
        )
    })

    test('equity CSV: one row per group and the overall row; small counts hidden with the reason', async () => {
      const csv = await withOrg(database, analyst.orgId, (trx) =>
        exportEquityCsv(trx, analyst, {
          dimension: 'sex',
          measure: 'coverage',
          scope: 'organisation',
          team: '',
          from: '2020-01-01',
          to: '2030-12-31'
        })
      )
      const lines = csv.trim().split('\n')
      assert.equal(
        lines[0],
        'dimension,group,measure,numerator,denominator,percent,lower_95,upper_95,comparison_with_overall,suppressed'
      )
      assert.match(lines[lines.length - 1] ?? '', /^sex,All patients,coverage,/)
      // the fixture's three patients: every denominator is a small number
      assert.ok(lines.slice(1, -1).every((l) => l.endsWith(',primary') || l.endsWith(',secondary')))
    })
  })
}
