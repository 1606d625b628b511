// reach screening import: line-numbered errors, all or nothing, dry run, identical assessment to other modes.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabase } from '../helpers/databases.js'
import { loadFixture, type Fixture } from '../helpers/fixture.js'
import { importScreeningCsv } from '../../src/cli/commands/screening.js'
import { runReach } from '../helpers/run-cli.js'
import type { ReachDatabase } from '../../src/db/connect.js'
import { parseScreeningCsv } from '../../src/domain/screening/csv-import.js'

/** The configured re-screen interval (REACH_RESCREEN_MONTHS); the default here. */
const settings = { rescreenMonths: 12 }

const header =
  'nhs_number,screened_at,participation,devices,motivation,worries,difficulties,main-language,interpreter,helpers,communication-needs'

describe('reach screening import', () => {
  let database: ReachDatabase
  let fixture: Fixture
  before(async () => {
    database = await freshDatabase('pglite')
    fixture = await loadFixture(database.db)
  })
  after(() => database.close())
  const count = async () => (await database.db.selectFrom('screening').select('id').execute()).length

  test('a bad line is reported with its number and nothing is stored', async () => {
    const [a, b] = fixture.orgA.patients
    const csv = [
      header,
      `${a!.nhsNumber},2026-03-02,agreed,landline,prefers-not,none,none,en,no,none,none`,
      `${b!.nhsNumber},2026-03-02,agreed,landline;none,happy,none,none,en,no,none,none`,
      `1234567890,2099-01-01,agreed,landline,happy,none,none,en,no,none,none`
    ].join('\n')
    const result = await importScreeningCsv(
      database,
      fixture.orgA.code,
      csv,
      { dryRun: false, today: '2026-11-25' },
      settings
    )
    assert.equal(result.imported, 0)
    assert.deepEqual(
      [...new Set(result.problems.map((p) => `${p.line} ${p.column}`))],
      ['3 devices', '4 nhs_number', '4 screened_at']
    )
    assert.equal(await count(), 0)
  })

  test('valid file: dry run stores nothing, then the import stores every line', async () => {
    const [a] = fixture.orgA.patients
    const csv = `${header}\n${a!.nhsNumber},2026-03-02,agreed,landline,prefers-not,none,none,en,no,none,none\n${a!.nhsNumber},2026-04-02,declined,,,,,,,,\n`
    assert.equal(
      (await importScreeningCsv(database, fixture.orgA.code, csv, { dryRun: true, today: '2026-11-25' }, settings))
        .imported,
      0
    )
    assert.equal(await count(), 0)
    assert.equal(
      (await importScreeningCsv(database, fixture.orgA.code, csv, { dryRun: false, today: '2026-11-25' }, settings))
        .imported,
      2
    )
    const rows = await database.db.selectFrom('screening').selectAll().orderBy('screened_at').execute()
    assert.deepEqual(
      rows.map((r) => [r.mode, r.status, r.readiness]),
      [
        ['import', 'complete', 'offline'],
        ['import', 'declined', 'declined']
      ]
    )
  })

  test('patients of another organisation are not found', async () => {
    const b = fixture.orgB.patients[0]!
    const result = await importScreeningCsv(
      database,
      fixture.orgA.code,
      `${header}\n${b.nhsNumber},2026-03-02,declined,,,,,,,,`,
      { dryRun: true, today: '2026-11-25' },
      settings
    )
    assert.match(result.problems[0]!.message, /no patient/)
  })

  test('unknown columns are refused on line 1', () => {
    assert.deepEqual(
      parseScreeningCsv('nhs_number,screened_at,shoe-size\n', '2026-11-25').problems.map((p) => p.line),
      [1]
    )
  })

  test('the command is registered and asks for --org and --file', async () => {
    const run = await runReach(['screening', 'import'])
    assert.notEqual(run.code, 0)
    assert.match(run.stderr, /--org/)
  })
})
