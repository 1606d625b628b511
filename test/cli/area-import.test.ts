// reach area import --from DIR: recognition by header, per-line problems (nothing imported), provenance.
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runReach } from '../helpers/run-cli.js'
import { connectDatabase } from '../../src/db/connect.js'

const GOOD_LOOKUP =
  '"lsoa21_name","lsoa21_code","ward24_name","ward24_code","ltla24_name","ltla24_code"\n"Hackney 001A","E01001709","Stoke Newington","E05009391","Hackney","E09000012"\n'
const GOOD_POSTCODES = 'pcds,lsoa21cd,lsoa11cd\nE8 1DY,E01001709,E01001709\n'
const BAD_RM121 =
  '2021 super output area - lower layer,Total,Aged 65 years,Aged 66 to 69 years,Aged 70 to 74 years,Aged 75 to 79 years,Aged 80 to 84 years,Aged 85 years and over\nE01000001 : City of London 001A,1476,21,98,101,58,57,35\nX : Nowhere,1381,18,53,69,58,43,30\nE01000003 : City of London 001C,lots,1,1,1,1,1,1\n'

describe('reach area import', () => {
  const dirs: string[] = []
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'reach-area-'))
    dirs.push(dir)
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    return dir
  }
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('reports problems by file and line, lists unknown files as skipped, and imports nothing', async () => {
    const dir = folder({ 'age.csv': BAD_RM121, 'notes.txt': 'hello', 'lookup.csv': GOOD_LOOKUP })
    const { code, stdout, stderr } = await runReach(['area', 'import', '--from', dir])
    assert.equal(code, 2)
    assert.match(stdout, /recognised age\.csv: Census 2021 RM121/)
    assert.match(stdout, /skipped notes\.txt/)
    assert.match(stderr, /age\.csv:3: "X" is not an LSOA code/)
    assert.match(stderr, /age\.csv:4: Total: "lots" is not a number/)
    assert.match(stderr, /nothing was imported/)
  })

  it('imports good files in one transaction with provenance', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reach-data-'))
    dirs.push(dataDir)
    const saved = { REACH_DATA_DIR: process.env.REACH_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL }
    process.env.REACH_DATA_DIR = dataDir
    delete process.env.DATABASE_URL
    try {
      const dir = folder({
        'lookup.csv': GOOD_LOOKUP,
        'postcodes.csv': GOOD_POSTCODES,
        'MANIFEST.csv': 'file,original_publisher,licence,rows,sha256\npostcodes.csv,ONS (ONSPD),OGL v3.0,1,\n'
      })
      const { code, stdout, stderr } = await runReach(['area', 'import', '--from', dir, '--by', 'analyst'])
      assert.equal(stderr, '')
      assert.equal(code, 0)
      assert.match(stdout, /imported 2 files/)
      const database = await connectDatabase({ databaseUrl: undefined, pgliteDir: join(dataDir, 'pglite') })
      try {
        const rows = await database.db
          .selectFrom('area_import')
          .select(['file_name', 'publisher', 'licence', 'rows', 'imported_by', 'is_synthetic'])
          .orderBy('file_name')
          .execute()
        assert.deepEqual(
          rows.map((r) => [r.file_name, r.publisher, r.rows, r.imported_by, r.is_synthetic]),
          [
            ['lookup.csv', 'ONS (Open Geography Portal)', 1, 'analyst', false],
            ['postcodes.csv', 'ONS (ONSPD)', 1, 'analyst', false]
          ]
        )
        const lsoa = await database.db.selectFrom('lsoa').selectAll().executeTakeFirstOrThrow()
        assert.equal(lsoa.ward_name, 'Stoke Newington')
        const pc = await database.db.selectFrom('postcode_lsoa').selectAll().executeTakeFirstOrThrow()
        assert.equal(pc.postcode, 'E81DY')
      } finally {
        await database.close()
      }
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
    }
  })
})
