import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { runReach } from '../helpers/run-cli.js'

const run = runReach

const HEADER =
  'lsoa,pct_65_plus,pct_75_plus,pct_limited_activities,pct_grade_de,pct_no_qualifications,pension_credit_per_1000,unemployment_rate,imd_score,pct_below_30mbit,pct_below_10mbit,avg_download_mbit'
const OUT_HEADER =
  'lsoa,demography,deprivation,broadband,deri,s_pct_65_plus,s_pct_75_plus,s_pct_limited_activities,s_pct_grade_de,s_pct_no_qualifications,s_pension_credit_per_1000,s_unemployment_rate,s_imd_score,s_pct_below_30mbit,s_pct_below_10mbit,s_avg_download_mbit'

// The worked example of test/domain/area/risk-index.test.ts (arithmetic shown there).
const ROW_A = 'E01000001,10,5,20,30,10,100,2,10,0,1,100'
const ROW_B = 'E01000002,20,10,15,40,20,200,4,30,5,2,50'
const ROW_C = 'E01000003,30,5,25,20,30,150,6,20,10,3,75'
const INPUT = [HEADER, ROW_A, ROW_B, ROW_C].join('\n') + '\n'

const EXPECTED: Record<string, number[]> = {
  // demography, deprivation, broadband, deri, then the eleven indicator scores
  E01000001: [20 / 14, 0, 0, 20 / 14 / 3, 0, 0, 5, 5, 0, 0, 0, 0, 0, 0, 0],
  E01000002: [95 / 14, 7, 60 / 9, (95 / 14 + 7 + 60 / 9) / 3, 5, 10, 0, 10, 5, 10, 5, 10, 5, 5, 10],
  E01000003: [5, 8, 75 / 9, (5 + 8 + 75 / 9) / 3, 10, 0, 10, 0, 10, 5, 10, 5, 10, 10, 5]
}

function assertClose(actual: number, expected: number, label: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${label}: expected ${expected}, got ${actual}`)
}

describe('reach area risk-index: output', () => {
  it('writes CSV with the documented header, one row per input row in input order', async () => {
    const { code, stdout, stderr } = await run(['area', 'risk-index', '--indicators', 'in.csv'], { 'in.csv': INPUT })
    assert.equal(stderr, '')
    assert.equal(code, 0)
    const lines = stdout.trimEnd().split('\n')
    assert.equal(lines[0], OUT_HEADER)
    assert.equal(lines.length, 4)
    for (const line of lines.slice(1)) {
      const [lsoa, ...cells] = line.split(',')
      const expected = EXPECTED[lsoa ?? '']
      assert.ok(expected, `unexpected LSOA ${lsoa}`)
      assert.equal(cells.length, 15)
      cells.forEach((cell, i) =>
        assertClose(Number(cell), expected[i] as number, `${lsoa} ${OUT_HEADER.split(',')[i + 1]}`)
      )
    }
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['E01000001', 'E01000002', 'E01000003']
    )
  })

  it('prints numbers at full precision, without rounding', async () => {
    const { stdout } = await run(['area', 'risk-index', '--indicators', 'in.csv'], { 'in.csv': INPUT })
    const rowA = stdout.split('\n')[1] ?? ''
    // demography of A is 20/14 and DERI 20/14/3, printed as JavaScript prints them
    assert.ok(rowA.startsWith(`E01000001,${String(20 / 14)},0,0,`), rowA)
    assert.match(rowA, /,0\.476190476190476\d*,/)
  })

  it('writes JSON: an array of objects with the CSV column names as keys and numbers as numbers', async () => {
    const { code, stdout } = await run(['area', 'risk-index', '--indicators', 'in.csv', '--format', 'json'], {
      'in.csv': INPUT
    })
    assert.equal(code, 0)
    const records = JSON.parse(stdout) as Record<string, unknown>[]
    assert.ok(Array.isArray(records))
    assert.equal(records.length, 3)
    for (const record of records) {
      assert.deepEqual(Object.keys(record), OUT_HEADER.split(','))
      const expected = EXPECTED[String(record.lsoa)] ?? []
      OUT_HEADER.split(',')
        .slice(1)
        .forEach((key, i) => {
          const value = record[key]
          assert.equal(typeof value, 'number', key)
          assertClose(value as number, expected[i] as number, key)
        })
    }
  })

  it('accepts columns in any order and ignores extra columns', async () => {
    const cols = HEADER.split(',')
    const reorder = (line: string): string => {
      const cells = line.split(',')
      return ['Hackney', ...cols.map((_, i) => cells[cols.length - 1 - i])].join(',')
    }
    const input = [reorder(HEADER).replace('Hackney', 'lad_name'), reorder(ROW_A), reorder(ROW_B), reorder(ROW_C)].join(
      '\n'
    )
    const reordered = await run(['area', 'risk-index', '--indicators', 'in.csv'], { 'in.csv': input })
    const plain = await run(['area', 'risk-index', '--indicators', 'in.csv'], { 'in.csv': INPUT })
    assert.equal(reordered.code, 0)
    assert.equal(reordered.stdout, plain.stdout)
  })

  it('uses the printed GMCA demography formula with --demography-formula gmca-printed', async () => {
    const { code, stdout } = await run(
      ['area', 'risk-index', '--indicators', 'in.csv', '--demography-formula', 'gmca-printed', '--format', 'json'],
      { 'in.csv': INPUT }
    )
    assert.equal(code, 0)
    const records = JSON.parse(stdout) as { lsoa: string; demography: number; deri: number }[]
    // B: 5*0.5 + 10*0.5 + 0*(2/14) + 10*(2/14) = 7.5 + 10/7
    assertClose(records[1]?.demography ?? Number.NaN, 7.5 + 10 / 7, 'B demography')
    assertClose(records[1]?.deri ?? Number.NaN, (7.5 + 10 / 7 + 7 + 60 / 9) / 3, 'B deri')
  })

  it('scores 0 for an indicator that is the same in every row', async () => {
    const input = [HEADER, 'X1,10,5,20,30,10,100,2,10,0,1,80', 'X2,20,5,20,30,10,100,2,10,0,1,80'].join('\n')
    const { code, stdout } = await run(['area', 'risk-index', '--indicators', 'in.csv', '--format', 'json'], {
      'in.csv': input
    })
    assert.equal(code, 0)
    const records = JSON.parse(stdout) as Record<string, number>[]
    // only pct_65_plus varies: X2 scores 10 on it, demography 5*10/14, DERI one third of that
    assert.equal(records[1]?.s_pct_75_plus, 0)
    assert.equal(records[1]?.s_avg_download_mbit, 0)
    assertClose(records[1]?.demography ?? Number.NaN, 50 / 14, 'X2 demography')
    assertClose(records[1]?.deri ?? Number.NaN, 50 / 14 / 3, 'X2 deri')
  })
})

describe('reach area risk-index: weights file', () => {
  it('applies a partial override and keeps the other defaults', async () => {
    const weights = JSON.stringify({
      pct_65_plus: 10,
      pct_75_plus: 0,
      pct_limited_activities: 0,
      pct_grade_de: 0,
      demography: 1,
      deprivation: 0,
      broadband: 0
    })
    const { code, stdout } = await run(
      ['area', 'risk-index', '--indicators', 'in.csv', '--weights', 'w.json', '--format', 'json'],
      { 'in.csv': INPUT, 'w.json': weights }
    )
    assert.equal(code, 0)
    const records = JSON.parse(stdout) as Record<string, number>[]
    // demography = pct_65_plus score; DERI = demography; deprivation keeps default weights
    assert.deepEqual(
      records.map((r) => r.deri),
      [0, 5, 10]
    )
    assert.deepEqual(
      records.map((r) => r.deprivation),
      [0, 7, 8]
    )
  })

  it('gives the default result for an empty weights object', async () => {
    const withEmpty = await run(['area', 'risk-index', '--indicators', 'in.csv', '--weights', 'w.json'], {
      'in.csv': INPUT,
      'w.json': '{}'
    })
    const plain = await run(['area', 'risk-index', '--indicators', 'in.csv'], { 'in.csv': INPUT })
    assert.equal(withEmpty.code, 0)
    assert.equal(withEmpty.stdout, plain.stdout)
  })

  const badWeights: [string, string, RegExp][] = [
    ['unknown key', '{"pct_65":5}', /w\.json: unknown weight "pct_65"/],
    ['value above 10', '{"imd_score":12}', /w\.json: weight imd_score must be from 0 to 10, got 12/],
    ['negative value', '{"broadband":-1}', /w\.json: weight broadband must be from 0 to 10/],
    ['string value', '{"demography":"3"}', /w\.json: weight demography must be a number/],
    ['not an object', '[3,3,3]', /w\.json: weights must be a JSON object/],
    ['invalid JSON', '{"imd_score":', /w\.json: not valid JSON/],
    [
      'all-zero component',
      '{"pct_no_qualifications":0,"pension_credit_per_1000":0,"unemployment_rate":0,"imd_score":0}',
      /w\.json: the deprivation indicator weights .* are all zero/
    ],
    [
      'all-zero components',
      '{"demography":0,"deprivation":0,"broadband":0}',
      /w\.json: the component weights .* are all zero/
    ]
  ]
  for (const [name, json, message] of badWeights) {
    it(`rejects a weights file with ${name} (exit 2)`, async () => {
      const { code, stdout, stderr } = await run(
        ['area', 'risk-index', '--indicators', 'in.csv', '--weights', 'w.json'],
        { 'in.csv': INPUT, 'w.json': json }
      )
      assert.equal(code, 2)
      assert.equal(stdout, '')
      assert.match(stderr, message)
    })
  }
})

describe('reach area risk-index: bad input (exit 2, message names line and column)', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a missing column',
      [HEADER.replace(',imd_score', ''), ROW_A.replace(',10,0,1,100', ',0,1,100')].join('\n'),
      /in\.csv: line 1: missing column imd_score/
    ],
    [
      'a non-numeric value',
      [HEADER, ROW_A, ROW_B.replace(',30,5,2,50', ',high,5,2,50')].join('\n'),
      /in\.csv: line 3, column imd_score: "high" is not a number/
    ],
    [
      'an empty value',
      [HEADER, ROW_A.replace(',0,1,100', ',,1,100')].join('\n'),
      /in\.csv: line 2, column pct_below_30mbit: "" is not a number/
    ],
    [
      'a duplicate LSOA',
      [HEADER, ROW_A, ROW_B, ROW_A].join('\n'),
      /in\.csv: line 4, column lsoa: duplicate LSOA E01000001 \(first on line 2\)/
    ],
    [
      'an empty LSOA code',
      [HEADER, ROW_A, ROW_B.replace('E01000002', '')].join('\n'),
      /in\.csv: line 3, column lsoa: the LSOA code is empty/
    ],
    ['an empty file', '', /in\.csv: the file is empty/],
    ['a header with no rows', HEADER + '\n', /in\.csv: no data rows/],
    ['a ragged row', [HEADER, ROW_A + ',9'].join('\n'), /in\.csv: line 2: expected 12 fields, found 13/]
  ]
  for (const [name, input, message] of cases) {
    it(`rejects ${name}`, async () => {
      const { code, stdout, stderr } = await run(['area', 'risk-index', '--indicators', 'in.csv'], { 'in.csv': input })
      assert.equal(code, 2)
      assert.equal(stdout, '')
      assert.match(stderr, message)
    })
  }

  it('rejects a file that cannot be read', async () => {
    const { code, stderr } = await run(['area', 'risk-index', '--indicators', 'nope.csv'], {})
    assert.equal(code, 2)
    assert.match(stderr, /cannot read indicators file nope\.csv/)
  })

  it('rejects a missing --indicators option and unknown option values', async () => {
    assert.equal((await run(['area', 'risk-index'], {})).code, 2)
    assert.equal(
      (await run(['area', 'risk-index', '--indicators', 'in.csv', '--format', 'xml'], { 'in.csv': INPUT })).code,
      2
    )
    assert.equal(
      (await run(['area', 'risk-index', '--indicators', 'in.csv', '--demography-formula', 'mean'], { 'in.csv': INPUT }))
        .code,
      2
    )
  })
})
