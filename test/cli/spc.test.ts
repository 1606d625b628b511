import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runReach } from '../helpers/run-cli.js'

/** Runs `reach ARGS` with files served from memory. */
const reach = runReach

interface JsonPoint {
  date: string
  value: number
  mean: number
  lpl: number | null
  upl: number | null
  pointType: string
}
interface JsonOutput {
  points: JsonPoint[]
  variation: string
  assurance: string
}

function csvOf(values: readonly number[], start = '2021-03-22'): string {
  const first = Date.parse(`${start}T00:00:00Z`)
  const rows = values.map((v, i) => `${new Date(first + i * 86_400_000).toISOString().slice(0, 10)},${v}`)
  return ['date,value', ...rows].join('\n') + '\n'
}

// vignettes/deviations.Rmd of NHSRplotthedots: UPL 4.6, mean 1.94, LPL −0.72 (screened)
const DEVIATIONS = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
const FILES = { 'data.csv': csvOf(DEVIATIONS) }

test('reach spc prints one JSON document with the required keys at full precision', async () => {
  const run = await reach(['spc', '--input', 'data.csv'], FILES)
  assert.equal(run.code, 0)
  assert.equal(run.stderr, '')
  const output = JSON.parse(run.stdout) as JsonOutput
  assert.deepEqual(Object.keys(output), ['points', 'variation', 'assurance'])
  assert.equal(output.points.length, 18)
  assert.deepEqual(Object.keys(output.points[0] ?? {}), ['date', 'value', 'mean', 'lpl', 'upl', 'pointType'])
  assert.deepEqual(output.points[0], {
    date: '2021-03-22',
    value: 1,
    mean: 1.9444444444444444,
    lpl: -0.7155555555555557,
    upl: 4.604444444444445,
    pointType: 'common_cause'
  })
  assert.equal(output.points[4]?.pointType, 'special_cause_improvement')
  assert.equal(output.variation, 'common_cause')
  assert.equal(output.assurance, 'none')
})

test("--no-outlier-screening gives the Excel tools' wider limits (vignettes/deviations.Rmd: 6.95 and −3.06)", async () => {
  const run = await reach(['spc', '--input', 'data.csv', '--no-outlier-screening'], FILES)
  const output = JSON.parse(run.stdout) as JsonOutput
  assert.equal(output.points[0]?.upl?.toFixed(2), '6.95')
  assert.equal(output.points[0]?.lpl?.toFixed(2), '-3.06')
})

test('--improvement and --target set the point colours and icons', async () => {
  const decrease = JSON.parse(
    (await reach(['spc', '--input', 'data.csv', '--improvement', 'decrease', '--target', '5'], FILES)).stdout
  ) as JsonOutput
  assert.equal(decrease.points[4]?.pointType, 'special_cause_concern')
  // a target of 5 is above the upper limit (4.6): always met when lower is better
  assert.equal(decrease.assurance, 'pass')
  const higher = JSON.parse((await reach(['spc', '--input', 'data.csv', '--target', '5'], FILES)).stdout) as JsonOutput
  assert.equal(higher.assurance, 'fail')
  const neutral = JSON.parse(
    (await reach(['spc', '--input', 'data.csv', '--improvement', 'neutral', '--target', '5'], FILES)).stdout
  ) as JsonOutput
  assert.equal(neutral.points[4]?.pointType, 'special_cause_neutral_high')
  assert.equal(neutral.assurance, 'none')
  // a negative target is read as the option's value
  const increase = JSON.parse(
    (await reach(['spc', '--input', 'data.csv', '--target', '-3'], FILES)).stdout
  ) as JsonOutput
  assert.equal(increase.assurance, 'pass')
})

test('the last point decides the variation icon', async () => {
  const files = { 'up.csv': csvOf([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 12]) }
  const output = JSON.parse((await reach(['spc', '--input', 'up.csv'], files)).stdout) as JsonOutput
  assert.equal(output.variation, 'improvement_high')
  const lower = JSON.parse(
    (await reach(['spc', '--input', 'up.csv', '--improvement', 'decrease'], files)).stdout
  ) as JsonOutput
  assert.equal(lower.variation, 'concern_high')
})

test('rows are sorted by date', async () => {
  const files = { 'shuffled.csv': 'date,value\n2021-03-24,3\n2021-03-22,1\n2021-03-23,2\n' }
  const output = JSON.parse((await reach(['spc', '--input', 'shuffled.csv'], files)).stdout) as JsonOutput
  assert.deepEqual(
    output.points.map((p) => p.date),
    ['2021-03-22', '2021-03-23', '2021-03-24']
  )
  assert.deepEqual(
    output.points.map((p) => p.value),
    [1, 2, 3]
  )
})

test('--rebase takes comma-separated dates and may be repeated', async () => {
  const values = [...DEVIATIONS, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21]
  const files = { 'long.csv': csvOf(values) }
  const once = JSON.parse(
    (await reach(['spc', '--input', 'long.csv', '--rebase', '2021-04-09'], files)).stdout
  ) as JsonOutput
  assert.equal(once.points[18]?.mean, 20.5)
  assert.equal(once.points[17]?.mean, 1.9444444444444444)
  const twice = JSON.parse(
    (await reach(['spc', '--input', 'long.csv', '--rebase', '2021-04-09', '--rebase', '2021-03-26'], files)).stdout
  ) as JsonOutput
  const listed = JSON.parse(
    (await reach(['spc', '--input', 'long.csv', '--rebase', '2021-03-26,2021-04-09'], files)).stdout
  ) as JsonOutput
  assert.deepEqual(twice, listed)
  assert.notEqual(listed.points[0]?.mean, listed.points[4]?.mean)
})

test('--fix-after computes the limits from the first N points', async () => {
  const values = [...DEVIATIONS.slice(0, 12), 30, 30, 30, 30]
  const files = { 'fix.csv': csvOf(values), 'first12.csv': csvOf(values.slice(0, 12)) }
  const fixed = JSON.parse(
    (await reach(['spc', '--input', 'fix.csv', '--fix-after', '12'], files)).stdout
  ) as JsonOutput
  const first = JSON.parse((await reach(['spc', '--input', 'first12.csv'], files)).stdout) as JsonOutput
  assert.equal(fixed.points[15]?.upl, first.points[0]?.upl)
  assert.equal(fixed.points[15]?.pointType, 'special_cause_improvement')
})

test('--format csv prints the documented columns; limits that cannot be computed are empty', async () => {
  const run = await reach(['spc', '--input', 'data.csv', '--format', 'csv'], FILES)
  assert.equal(run.code, 0)
  const lines = run.stdout.trimEnd().split('\n')
  assert.equal(lines[0], 'date,value,mean,lpl,upl,pointType')
  assert.equal(lines[1], '2021-03-22,1,1.9444444444444444,-0.7155555555555557,4.604444444444445,common_cause')
  assert.equal(lines.length, 19)
  const single = await reach(['spc', '--input', 'one.csv', '--format', 'csv'], {
    'one.csv': 'date,value\n2024-01-01,7\n'
  })
  assert.equal(single.stdout, 'date,value,mean,lpl,upl,pointType\n2024-01-01,7,7,,,common_cause\n')
  const json = JSON.parse(
    (await reach(['spc', '--input', 'one.csv'], { 'one.csv': 'date,value\n2024-01-01,7\n' })).stdout
  ) as JsonOutput
  assert.equal(json.points[0]?.lpl, null)
})

test('extra columns and a byte-order mark are tolerated', async () => {
  const run = await reach(['spc', '--input', 'x.csv'], {
    'x.csv': '\uFEFFDate,Value,Note\n2024-01-01,1,a\n2024-01-02,2,b\n'
  })
  assert.equal(run.code, 0)
  assert.equal((JSON.parse(run.stdout) as JsonOutput).points.length, 2)
})

/** Runs and expects exit 2, nothing on stdout, and stderr matching `pattern`. */
async function rejects(args: string[], files: Record<string, string>, pattern: RegExp): Promise<void> {
  const run = await reach(args, files)
  assert.equal(run.code, 2, `exit code for ${args.join(' ')}: ${run.stderr}`)
  assert.equal(run.stdout, '')
  assert.match(run.stderr, pattern)
}

test('bad input exits 2 with a message naming the line', async () => {
  const spc = (name: string): string[] => ['spc', '--input', name]
  await rejects(spc('a.csv'), { 'a.csv': 'day,value\n2024-01-01,1\n' }, /a\.csv: line 1: missing column date/)
  await rejects(spc('b.csv'), { 'b.csv': 'date\n2024-01-01\n' }, /b\.csv: line 1: missing column value/)
  await rejects(
    spc('c.csv'),
    { 'c.csv': 'date,value\n2024-01-01,1\n01/02/2024,2\n' },
    /c\.csv: line 3, column date: "01\/02\/2024" is not a date/
  )
  await rejects(
    spc('d.csv'),
    { 'd.csv': 'date,value\n2024-01-01,1\n2024-02-30,2\n' },
    /d\.csv: line 3, column date: "2024-02-30" is not a date/
  )
  await rejects(
    spc('e.csv'),
    { 'e.csv': 'date,value\n2024-01-01,1\n2024-01-02,n/a\n' },
    /e\.csv: line 3, column value: "n\/a" is not a number/
  )
  await rejects(
    spc('f.csv'),
    { 'f.csv': 'date,value\n2024-01-01,1\n2024-01-02,\n' },
    /f\.csv: line 3, column value: "" is not a number/
  )
  await rejects(
    spc('g.csv'),
    { 'g.csv': 'date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-01,3\n' },
    /g\.csv: line 4, column date: 2024-01-01 appears twice \(first on line 2\)/
  )
  await rejects(spc('h.csv'), { 'h.csv': '' }, /h\.csv: the file is empty/)
  await rejects(spc('i.csv'), { 'i.csv': 'date,value\n' }, /i\.csv: no data rows/)
  await rejects(
    spc('j.csv'),
    { 'j.csv': 'date,value\n2024-01-01,1,extra\n' },
    /j\.csv: line 2: expected 2 fields, found 3/
  )
})

test('bad flag values exit 2 naming the flag', async () => {
  const base = ['spc', '--input', 'data.csv']
  await rejects(
    [...base, '--improvement', 'up'],
    FILES,
    /--improvement: "up" is not one of increase, decrease, neutral/
  )
  await rejects([...base, '--target', 'high'], FILES, /--target: "high" is not a number/)
  await rejects([...base, '--fix-after', '11'], FILES, /--fix-after: 11 is too small/)
  await rejects([...base, '--fix-after', 'ten'], FILES, /--fix-after: "ten" is not a number/)
  await rejects([...base, '--rebase', '2021-03-26,26/03/2021'], FILES, /--rebase: "26\/03\/2021" is not a date/)
  await rejects([...base, '--format', 'xml'], FILES, /--format: "xml" is not one of json, csv/)
  await rejects(['spc'], FILES, /required option '--input <file>'/)
  await rejects([...base, '--colour', 'red'], FILES, /unknown option '--colour'/)
  await rejects(['spc', '--input', 'missing.csv'], FILES, /missing\.csv: cannot read the file/)
})
