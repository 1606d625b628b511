import { referenceDataDir } from '../../../../src/config.js'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { planAreaImport } from '../../../../src/domain/area/import/plan.js'
import { parseAreaFile } from '../../../../src/domain/area/import/parse-area-file.js'
import { parseManifest } from '../../../../src/domain/area/import/manifest.js'
import { syntheticPostcodeLookup } from '../../../../src/domain/area/import/synthetic-postcodes.js'

const areaDir = resolve(process.env.REACH_SHARED_DATA ?? referenceDataDir, 'area')
const present = existsSync(join(areaDir, 'MANIFEST.csv'))
const skip = present ? false : `shared area data not found at ${areaDir} (set REACH_SHARED_DATA)`

function readAll() {
  return readdirSync(areaDir).map((name) => ({ name, text: readFileSync(join(areaDir, name), 'utf8') }))
}

describe('area import plan on the real City and Hackney files', { skip }, () => {
  it('recognises every data file by its header, with row counts and hashes matching MANIFEST.csv', () => {
    const sources = readAll()
    const plan = planAreaImport(sources)
    assert.deepEqual(plan.problems, [])
    const manifest = parseManifest(sources.find((s) => s.name === 'MANIFEST.csv')!.text)
    assert.deepEqual(plan.files.map((f) => f.name).sort(), [...manifest.keys()].sort())
    for (const f of plan.files) {
      assert.equal(f.parsed.rows, manifest.get(f.name)!.rows, f.name)
      assert.equal(f.sha256, manifest.get(f.name)!.sha256, f.name)
      assert.equal(f.licence, manifest.get(f.name)!.licence)
    }
    assert.deepEqual(plan.skipped.sort(), ['DERI-METHOD.md', 'README.md'])
  })

  it('derives the DERI inputs: 65+ and 75+ from RM121 agree with the published counts', () => {
    const text = readFileSync(join(areaDir, 'census21_rm121_age65plus_lsoa21_hackney_city.csv'), 'utf8')
    const parsed = parseAreaFile(text)!
    assert.equal(parsed.kind, 'census21-rm121-age')
    // E01000001: total 1476; 65+ = 21+98+101+58+57+35 = 370; 75+ = 58+57+35 = 150
    const v = (name: string) => parsed.indicators.find((i) => i.lsoa === 'E01000001' && i.indicator === name)!.value
    assert.equal(v('census21_aged_65_plus'), 370)
    assert.ok(Math.abs(v('census21_pct_75_plus') - (100 * 150) / 1476) < 1e-9)
  })

  it('reads the 2021 boundaries: 155 LSOAs with polygons', () => {
    const parsed = parseAreaFile(readFileSync(join(areaDir, 'boundaries_lsoa21_hackney_city.geojson'), 'utf8'))!
    assert.equal(parsed.kind, 'boundaries-lsoa21')
    assert.equal(parsed.lsoas.length, 155)
    assert.ok(parsed.lsoas.every((l) => l.geometry !== undefined))
  })
})

describe('area import problems', () => {
  it('reports bad codes and numbers by file and line', () => {
    const bad =
      'lsoa21_code,disability,n,total_residents,prop\nE01000001,Disabled under the Equality Act,1,10,0.1\nX123,Disabled under the Equality Act,1,10,0.1\nE01000002,Disabled under the Equality Act,1,10,lots\n'
    const plan = planAreaImport([{ name: 'bad.csv', text: bad }])
    assert.deepEqual(
      plan.problems.map((p) => [p.file, p.line]),
      [
        ['bad.csv', 3],
        ['bad.csv', 4]
      ]
    )
    assert.match(plan.problems[0]!.message, /not an LSOA code/)
    assert.match(plan.problems[1]!.message, /prop: "lots" is not a number/)
  })

  it('skips files it does not recognise', () => {
    const plan = planAreaImport([
      { name: 'notes.csv', text: 'a,b\n1,2\n' },
      { name: 'x.txt', text: 'hello' }
    ])
    assert.deepEqual(plan.skipped, ['notes.csv', 'x.txt'])
    assert.equal(plan.files.length, 0)
  })

  it('a file the manifest lists but that cannot be recognised (cut short) is a problem, not a skip (security finding 15)', () => {
    const manifest = 'file,original_publisher,licence,rows,sha256\nlookup.csv,ONS,OGL v3.0,2,\n'
    const plan = planAreaImport([
      { name: 'MANIFEST.csv', text: manifest },
      { name: 'lookup.csv', text: '"lsoa21_name","lsoa21_co' }
    ])
    assert.deepEqual(plan.skipped, [])
    assert.deepEqual(
      plan.problems.map((p) => p.file),
      ['lookup.csv']
    )
    assert.match(plan.problems[0]?.message ?? '', /not a recognised area file/)
  })

  it('an LSOA listed twice in one file is a problem (security finding 15)', () => {
    const header = '"lsoa21_name","lsoa21_code","ward24_name","ward24_code","ltla24_name","ltla24_code"'
    const row = '"City of London 001A","E01000001","Aldersgate","E05009288","City of London","E09000001"'
    const plan = planAreaImport([{ name: 'ward.csv', text: `${header}\n${row}\n${row}\n` }])
    assert.ok(plan.problems.some((p) => p.file === 'ward.csv' && /E01000001 appears more than once/.test(p.message)))
  })

  it('flags a row count that differs from the manifest', () => {
    const manifest = 'file,original_publisher,licence,rows,sha256\npc.csv,ONS,OGL v3.0,3,\n'
    const plan = planAreaImport([
      { name: 'MANIFEST.csv', text: manifest },
      { name: 'pc.csv', text: 'pcds,lsoa21cd\nE8 1AA,E01000001\n' }
    ])
    assert.equal(plan.files[0]!.parsed.kind, 'postcode-lsoa')
    assert.equal(plan.files[0]!.parsed.postcodes[0]!.postcode, 'E81AA')
    assert.match(plan.problems[0]!.message, /has 1 rows; MANIFEST.csv says 3/)
  })
})

describe('synthetic postcode lookup', () => {
  it('places each distinct postcode in one of the LSOAs, the same way every time', () => {
    const a = syntheticPostcodeLookup(['E8 1AA', 'e81aa', 'N16 5QQ'], ['E01000002', 'E01000001'])
    assert.equal(a.length, 2)
    assert.deepEqual(a, syntheticPostcodeLookup(['N16 5QQ', 'E8 1AA'], ['E01000001', 'E01000002']))
  })
})
