// Findings 8, 16 and 17: importers refuse what the staff forms refuse, and say so clearly.
// Screening CSV: impossible dates refused, line numbers true despite blank lines, a re-run adds
// nothing, UTF-16 files named as such. Directory: only http(s) web addresses, the form's length
// limits for ids and text, and Latin-1 files refused instead of stored as mojibake.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabase } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'
import { runReach } from '../../helpers/run-cli.js'
import { importScreeningCsv } from '../../../src/cli/commands/screening.js'
import { parseScreeningCsv } from '../../../src/domain/screening/csv-import.js'
import { parseDirectoryImport } from '../../../src/domain/directory/oruk.js'
import { assertUtf8Text } from '../../../src/cli/text-encoding.js'
import { CliInputError } from '../../../src/cli/io.js'
import type { ReachDatabase } from '../../../src/db/connect.js'

const header = 'nhs_number,screened_at,participation'

describe('screening CSV import (finding 16)', () => {
  let database: ReachDatabase
  let fixture: Fixture
  before(async () => {
    database = await freshDatabase('pglite')
    fixture = await loadFixture(database.db)
  })
  after(() => database.close())
  const nhs = () => fixture.orgA.patients[0]?.nhsNumber ?? ''

  test('2026-02-31 is refused, not stored as 3 March', () => {
    const { problems } = parseScreeningCsv(`${header}\n${nhs()},2026-02-31,declined\n`, '2026-12-02')
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [[2, 'screened_at']]
    )
  })

  test('blank lines do not shift the reported line numbers', () => {
    const { problems } = parseScreeningCsv(
      `${header}\n\n${nhs()},2026-01-05,declined\n\n\n${nhs()},2026-13-01,declined\n`,
      '2026-12-02'
    )
    assert.deepEqual(
      problems.map((p) => p.line),
      [6]
    )
  })

  test('running the same file twice stores each screening once', async () => {
    const csv = `${header}\n${nhs()},2026-01-05,declined\n${nhs()},2026-02-05,declined\n`
    const settings = { rescreenMonths: 12 }
    const first = await importScreeningCsv(database, fixture.orgA.code, csv, { dryRun: false }, settings)
    assert.deepEqual([first.imported, first.alreadyImported], [2, 0])
    const again = await importScreeningCsv(database, fixture.orgA.code, csv, { dryRun: false }, settings)
    assert.deepEqual([again.imported, again.alreadyImported], [0, 2])
    const rows = await database.db.selectFrom('screening').select('id').where('org_id', '=', fixture.orgA.id).execute()
    assert.equal(rows.length, 2)
  })

  test('a UTF-16 file gets a message that says so', async () => {
    const utf16 = Buffer.from(`\uFEFF${header}\n`, 'utf16le').toString('utf8')
    assert.throws(
      () => assertUtf8Text(utf16, 'f.csv'),
      (e) => e instanceof CliInputError && /UTF-16/.test(e.message)
    )
    const run = await runReach(['screening', 'import', '--org', 'ORG-A', '--file', 'f.csv'], { 'f.csv': utf16 })
    assert.equal(run.code, 2)
    assert.match(run.stderr, /UTF-16/)
  })
})

describe('directory import (findings 8 and 17)', () => {
  const service = (over: Record<string, unknown>) => [
    {
      id: 'svc-1',
      name: 'Help',
      description: 'Help with phones',
      status: 'active',
      organization: { name: 'Library' },
      ...over
    }
  ]
  const fields = (input: unknown) => parseDirectoryImport(input).problems.map((p) => p.field)

  test('only http and https web addresses', () => {
    assert.ok(fields(service({ url: 'javascript:alert(1)' })).includes('url'))
    assert.ok(fields(service({ url: 'data:text/html,<script>' })).includes('url'))
    assert.deepEqual(fields(service({ url: 'https://example.org/help' })), [])
  })

  test("the staff form's limits: ids a URL can hold, names and descriptions of the form's lengths", () => {
    assert.ok(fields(service({ id: 'x'.repeat(5000) })).includes('id'))
    assert.ok(fields(service({ id: 'a b/c' })).includes('id'))
    assert.ok(fields(service({ description: 'd'.repeat(5 * 1024 * 1024) })).includes('description'))
    assert.ok(fields(service({ name: 'n'.repeat(201) })).includes('name'))
  })

  test('a Latin-1 file is refused with its line, not stored as mojibake', async () => {
    const latin1 = Buffer.from('[{"id":"svc-1",\n"name":"Caf\u00e9"}]', 'latin1').toString('utf8')
    const run = await runReach(['directory', 'import', '--file', 'd.json', '--dry-run'], { 'd.json': latin1 })
    assert.equal(run.code, 2)
    assert.match(run.stderr, /line 2: the file is not UTF-8/)
  })
})
