import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { runReach } from '../helpers/run-cli.js'

const run = runReach

/** Splits simple CSV output (no quoted commas in these tests) into rows of cells. */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','))
}

function assertClose(actual: string | undefined, expected: number, relative = 1e-12, message?: string): void {
  const value = Number(actual)
  assert.ok(
    actual !== undefined &&
      actual !== '' &&
      Math.abs(value - expected) <= relative * Math.max(Math.abs(expected), Number.MIN_VALUE),
    `${message ?? ''} expected ${expected}, got ${actual}`
  )
}

describe('reach stats proportion-ci', () => {
  it('adds value, lower and upper (Wilson, phe_proportion) after the input columns', async () => {
    const input = 'area,numerator,denominator,confidence\nA,65,100,0.95\nB,1045,5000,0.998\nC,0,50,\nD,50,50,0.95\n'
    const r = await run(['stats', 'proportion-ci', '--input', 'p.csv'], { 'p.csv': input })
    assert.equal(r.code, 0, r.stderr)
    const rows = csvRows(r.stdout)
    assert.deepEqual(rows[0], ['area', 'numerator', 'denominator', 'confidence', 'value', 'lower', 'upper'])
    assert.deepEqual(rows[1]?.slice(0, 5), ['A', '65', '100', '0.95', '0.65'])
    assertClose(rows[1]?.[5], 0.55254443296887962)
    assertClose(rows[1]?.[6], 0.73635751756902468)
    assertClose(rows[2]?.[4], 0.209)
    assertClose(rows[2]?.[5], 0.1917938179901526)
    assertClose(rows[2]?.[6], 0.22731562902525795)
    // numerator 0: lower 0; an empty confidence cell means 0.95
    assert.deepEqual(rows[3]?.slice(0, 6), ['C', '0', '50', '', '0', '0'])
    assertClose(rows[3]?.[6], 0.071347599133358704)
    // numerator = denominator: upper 1 (up to rounding, as in R)
    assertClose(rows[4]?.[6], 1, 1e-15)
  })

  it('defaults to 95% without a confidence column', async () => {
    const r = await run(['stats', 'proportion-ci', '--input', 'p.csv'], { 'p.csv': 'numerator,denominator\n81,263\n' })
    assert.equal(r.code, 0, r.stderr)
    const rows = csvRows(r.stdout)
    assert.deepEqual(rows[0], ['numerator', 'denominator', 'value', 'lower', 'upper'])
    assert.equal(Number(rows[1]?.[3]).toFixed(4), '0.2553')
    assert.equal(Number(rows[1]?.[4]).toFixed(4), '0.3662')
  })

  it('prints empty value and limits for a missing (empty or NA) numerator, as R gives NA', async () => {
    const r = await run(['stats', 'proportion-ci', '--input', 'p.csv'], {
      'p.csv': 'numerator,denominator\nNA,100\n,100\n'
    })
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(csvRows(r.stdout).slice(1), [
      ['NA', '100', '', '', ''],
      ['', '100', '', '', '']
    ])
  })

  it('names the line and column of bad input and exits 2', async () => {
    const cases: [string, RegExp][] = [
      ['numerator,denominator\n65,100\n-1,100\n', /line 3, column numerator/],
      ['numerator,denominator\n65,100\n120,100\n', /line 3, column numerator: 120 is greater than the denominator 100/],
      ['numerator,denominator\n65,0\n', /line 2, column denominator/],
      ['numerator,denominator\nabc,100\n', /line 2, column numerator: "abc" is not a number/],
      ['numerator,denominator,confidence\n65,100,0.9\n', /line 2, column confidence: "0.9" must be 0.95 or 0.998/],
      ['numerator,denominator,confidence\n65,100,95\n', /line 2, column confidence/],
      ['numerator\n65\n', /line 1: missing column denominator/],
      ['numerator,denominator,value\n1,2,3\n', /column value is an output column/]
    ]
    for (const [input, message] of cases) {
      const r = await run(['stats', 'proportion-ci', '--input', 'p.csv'], { 'p.csv': input })
      assert.equal(r.code, 2, input)
      assert.match(r.stderr, message)
      assert.equal(r.stdout, '')
    }
  })

  it('exits 2 when the file cannot be read or --input is missing', async () => {
    const missing = await run(['stats', 'proportion-ci', '--input', 'nope.csv'], {})
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /nope\.csv: cannot read the file/)
    const noOption = await run(['stats', 'proportion-ci'], {})
    assert.equal(noOption.code, 2)
  })
})

describe('reach stats rate-ci', () => {
  it('uses exact limits below 10 and Byar from 10 (phe_rate), default multiplier 100000', async () => {
    const input = 'count,denominator,multiplier,confidence\n0,1000,,\n5,1000,100,0.998\n65,100000,,\n9,100000,,0.95\n'
    const r = await run(['stats', 'rate-ci', '--input', 'r.csv'], { 'r.csv': input })
    assert.equal(r.code, 0, r.stderr)
    const rows = csvRows(r.stdout)
    assert.deepEqual(rows[0], ['count', 'denominator', 'multiplier', 'confidence', 'value', 'lower', 'upper'])
    assert.deepEqual(rows[1]?.slice(0, 6), ['0', '1000', '', '', '0', '0'])
    assertClose(rows[1]?.[6], 368.88794541139354)
    assertClose(rows[2]?.[4], 0.5)
    assertClose(rows[2]?.[5], 0.073937173191783267)
    assertClose(rows[2]?.[6], 1.6454745203680105)
    assertClose(rows[3]?.[4], 65)
    assertClose(rows[3]?.[5], 50.163187710459444)
    assertClose(rows[3]?.[6], 82.849138545939856)
    assertClose(rows[4]?.[5], 4.1153730973783331)
    assertClose(rows[4]?.[6], 17.084803451419169)
  })

  it('works with just count and denominator', async () => {
    const r = await run(['stats', 'rate-ci', '--input', 'r.csv'], { 'r.csv': 'count,denominator\n10,100000\n' })
    assert.equal(r.code, 0, r.stderr)
    const rows = csvRows(r.stdout)
    assert.deepEqual(rows[0], ['count', 'denominator', 'value', 'lower', 'upper'])
    assertClose(rows[1]?.[3], 4.7874499139675625)
    assertClose(rows[1]?.[4], 18.391458605756474)
  })

  it('rejects bad rows with line and column', async () => {
    const cases: [string, RegExp][] = [
      ['count,denominator\n5,100\n-5,100\n', /line 3, column count/],
      ['count,denominator\n5,0\n', /line 2, column denominator/],
      ['count,denominator,multiplier\n5,10,0\n', /line 2, column multiplier/],
      ['count,denominator,confidence\n5,10,0.99\n', /line 2, column confidence/]
    ]
    for (const [input, message] of cases) {
      const r = await run(['stats', 'rate-ci', '--input', 'r.csv'], { 'r.csv': input })
      assert.equal(r.code, 2, input)
      assert.match(r.stderr, message)
    }
  })
})

describe('reach stats dsr', () => {
  const ages = [
    '0-4',
    '5-9',
    '10-14',
    '15-19',
    '20-24',
    '25-29',
    '30-34',
    '35-39',
    '40-44',
    '45-49',
    '50-54',
    '55-59',
    '60-64',
    '65-69',
    '70-74',
    '75-79',
    '80-84',
    '85-89',
    '90+'
  ]
  const esp = [
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000
  ]
  // PHEindicatormethods DSR vignette example (pops2 / deaths2; NA deaths in three bands)
  const pops2 = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15]
  const deaths2 = ['1', '1', 'NA', '', 'NA', '1', '1', '3', '3', '3', '3', '10', '10', '10', '10', '8', '8', '8', '8']
  const small = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2]
  const lines = ['group,ageband,count,population,stdpop']
  ages.forEach((age, i) => lines.push(`Vignette,${age},${deaths2[i]},${pops2[i]},${esp[i]}`))
  ages.forEach((age, i) => lines.push(`Small,${age},${small[i]},1000,${esp[i]}`))
  const input = `${lines.join('\n')}\n`

  it('prints one row per group in first-appearance order, suppressing totals below 10', async () => {
    const r = await run(['stats', 'dsr', '--input', 'd.csv'], { 'd.csv': input })
    assert.equal(r.code, 0, r.stderr)
    const rows = csvRows(r.stdout)
    assert.deepEqual(rows[0], [
      'group',
      'total_count',
      'total_pop',
      'value',
      'lower95',
      'upper95',
      'lower99_8',
      'upper99_8'
    ])
    assert.deepEqual(rows[1]?.slice(0, 3), ['Vignette', '88', '860'])
    assertClose(rows[1]?.[3], 8283.015873015873)
    assertClose(rows[1]?.[4], 6570.8187978036745)
    assertClose(rows[1]?.[5], 10289.647638821614)
    assertClose(rows[1]?.[6], 5709.7219261062422)
    assertClose(rows[1]?.[7], 11530.09886786735)
    assert.deepEqual(rows[2], ['Small', '9', '19000', '', '', '', '', ''])
    assert.equal(rows.length, 3)
  })

  it('takes --multiplier', async () => {
    const r = await run(['stats', 'dsr', '--input', 'd.csv', '--multiplier', '1000'], { 'd.csv': input })
    assert.equal(r.code, 0, r.stderr)
    assertClose(csvRows(r.stdout)[1]?.[3], 82.83015873015873)
  })

  it('rejects bad input', async () => {
    const header = 'group,ageband,count,population,stdpop\n'
    const cases: [string, RegExp][] = [
      [`${header}A,0-4,5,0,5000\n`, /line 2, column population/],
      [`${header}A,0-4,-5,100,5000\n`, /line 2, column count/],
      [`${header}A,0-4,5,100,x\n`, /line 2, column stdpop/],
      [
        `${header}A,0-4,5,100,5000\nA,0-4,5,100,5000\n`,
        /line 3, column ageband: age band "0-4" appears twice for group "A" \(first on line 2\)/
      ]
    ]
    for (const [text, message] of cases) {
      const r = await run(['stats', 'dsr', '--input', 'd.csv'], { 'd.csv': text })
      assert.equal(r.code, 2, text)
      assert.match(r.stderr, message)
    }
    const badMultiplier = await run(['stats', 'dsr', '--input', 'd.csv', '--multiplier', '-5'], { 'd.csv': input })
    assert.equal(badMultiplier.code, 2)
    assert.match(badMultiplier.stderr, /--multiplier/)
  })
})

describe('reach stats sii', () => {
  // the phe_sii documentation example, Area2 (deciles, 1 = most deprived)
  const populations = [21675, 20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312]
  const values = [70.5, 71.6, 72.5, 73.5, 73.1, 76.2, 78.7, 80.6, 80.9, 80]
  const input = `quantile,population,value\n${populations.map((p, i) => `${i + 1},${p},${values[i]}`).join('\n')}\n`

  it('prints the SII, RII and intercept as JSON', async () => {
    const r = await run(['stats', 'sii', '--input', 's.csv'], { 's.csv': input })
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as { sii: number; rii: number; intercept: number }
    assert.deepEqual(Object.keys(out), ['sii', 'rii', 'intercept'])
    assertClose(String(out.sii), 12.622738563631686)
    assertClose(String(out.rii), 1.1820343480014966)
    assertClose(String(out.intercept), 69.342619688059704)
  })

  it('applies --transform log and --multiplier as phe_sii does', async () => {
    const r = await run(['stats', 'sii', '--input', 's.csv', '--transform', 'log', '--multiplier', '-100'], {
      's.csv': input
    })
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as { sii: number; rii: number; intercept: number }
    assertClose(String(out.sii), -1260.7730758205861)
    assertClose(String(out.rii), 0.84648476168017189)
    assertClose(String(out.intercept), 6951.9170103188561)
  })

  it('rejects bad input and bad options with exit 2', async () => {
    const header = 'quantile,population,value\n'
    const five = (rows: string[]): string => `${header}${rows.join('\n')}\n`
    const cases: [string[], string, RegExp][] = [
      [[], five(['1,100,5', '2,100,6', '3,100,7', '4,100,8']), /expected 5 to 100 quantiles/],
      [[], five(['1,100,5', '2,100,6', '3,0,7', '4,100,8', '5,100,9']), /line 4, column population/],
      [
        [],
        five(['1,100,5', '2,100,6', '2,100,7', '4,100,8', '5,100,9']),
        /line 4, column quantile: quantile 2 appears twice/
      ],
      [
        ['--transform', 'logit'],
        five(['1,100,0.5', '2,100,0.6', '3,100,1', '4,100,0.8', '5,100,0.9']),
        /line 4, column value/
      ],
      [['--transform', 'log'], five(['1,100,5', '2,100,0', '3,100,7', '4,100,8', '5,100,9']), /line 3, column value/],
      [['--transform', 'sqrt'], input, /invalid/],
      [['--multiplier', 'abc'], input, /--multiplier/]
    ]
    for (const [extra, text, message] of cases) {
      const r = await run(['stats', 'sii', '--input', 's.csv', ...extra], { 's.csv': text })
      assert.equal(r.code, 2, `${extra.join(' ')} ${text}`)
      assert.match(r.stderr, message)
    }
  })
})
