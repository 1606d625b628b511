// Fuzzing the importers (fast-check): screening CSV, Open Referral UK JSON, FHIR
// QuestionnaireResponse and area files. Hostile input (control characters, formula cells, wrong
// encodings, deep or huge JSON) always gives a clear error or a clean result, never an unexpected
// exception or a 5xx, and rejected input leaves the database as it was.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { build, type Built } from '../helpers/build.js'
import { signedIn } from '../helpers/browser-session.js'
import { CliInputError } from '../../src/cli/io.js'
import { importScreeningCsv } from '../../src/cli/commands/screening.js'
import { importDirectory } from '../../src/cli/commands/directory.js'
import { parseDirectoryImport } from '../../src/domain/directory/oruk.js'
import { parseAreaFile } from '../../src/domain/area/import/parse-area-file.js'
import { parseScreeningCsv } from '../../src/domain/screening/csv-import.js'

const RUNS = Number(process.env.REACH_FUZZ_RUNS ?? 60)

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('=1+1', '@x', '\u0000', '"', '""', '\r', '\n', '2026-02-31', '9990000000', 'yes', 'smartphone', '')
)
const csv = fc
  .tuple(
    fc.constantFrom(
      'nhs_number,screened_on,participation',
      'nhs_number,screened_on,participation,devices,internet,afford',
      '\uFEFFnhs_number,screened_on',
      ''
    ),
    fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 6 })
  )
  .map(([header, rows]) => [header, ...rows.map((r) => r.join(','))].join('\n'))

/** JSON values up to some depth: objects, arrays, hostile strings, numbers, nulls. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    cell,
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'status',
        'description',
        'url',
        'email',
        'contents',
        'item',
        'linkId',
        'answer',
        'x'
      ),
      tie('value'),
      { maxKeys: 5 }
    )
  )
})).value

async function counts(built: Built) {
  const n = async (table: 'screening' | 'support_service' | 'audit_event') =>
    Number(
      (
        await built.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    )
  return { screening: await n('screening'), support_service: await n('support_service') }
}

describe('fuzzing the importers', () => {
  let built: Built
  before(async () => {
    built = await build('pglite', {}, undefined, { records: true })
  })
  after(() => built.close())

  test('screening CSV: problems with line numbers or a clean import, never a crash; rejected files change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const parsed = parseScreeningCsv(text, '2026-12-02')
        for (const p of parsed.problems) assert.ok(Number.isInteger(p.line) && p.line >= 1)
        const before = await counts(built)
        try {
          const result = await importScreeningCsv(
            built.database,
            'ORG-A',
            text,
            { dryRun: false },
            { rescreenMonths: 12 }
          )
          if (result.problems.length > 0) assert.deepEqual(await counts(built), before)
        } catch (error) {
          assert.ok(error instanceof CliInputError, `unexpected ${String(error)}`)
          assert.deepEqual(await counts(built), before)
        }
      }),
      { numRuns: RUNS }
    )
  })

  test('Open Referral UK: per-record problems or valid services, never a crash; nothing half-imported', async () => {
    await fc.assert(
      fc.asyncProperty(json, async (input) => {
        const result = parseDirectoryImport(input)
        assert.ok(Array.isArray(result.problems))
        const before = await counts(built)
        try {
          await importDirectory(built.database.db, JSON.stringify(input), false)
        } catch (error) {
          assert.ok(error instanceof CliInputError, `unexpected ${String(error)}`)
          assert.deepEqual(await counts(built), before)
        }
      }),
      { numRuns: RUNS }
    )
  })

  test('Open Referral UK: deep and huge JSON is refused cleanly', async () => {
    // built as text: JSON.stringify itself overflows on such values
    const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`
    for (const input of [deep, JSON.stringify({ contents: Array.from({ length: 2000 }, () => ({ id: 'a' })) })]) {
      try {
        await importDirectory(built.database.db, input, true)
      } catch (error) {
        assert.ok(error instanceof CliInputError, `unexpected ${String(error)}`)
      }
    }
  })

  test('FHIR: a very deep body is a 400, not a crash', async () => {
    const session = await signedIn(built.app, built.fixture.emailA('clinician'))
    await session.get('/home')
    const deep = `${'{"item":['.repeat(50_000)}1${']}'.repeat(50_000)}`
    const res = await built.app.inject({
      method: 'POST',
      url: '/fhir/QuestionnaireResponse',
      headers: { cookie: session.cookieHeader(), 'content-type': 'application/fhir+json' },
      payload: deep
    })
    assert.equal(res.statusCode, 400)
  })

  test('area files: recognised or not, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          csv,
          json.map((j) => JSON.stringify(j))
        ),
        (text) => {
          const parsed = parseAreaFile(text)
          assert.ok(parsed === null || typeof parsed === 'object')
        }
      ),
      { numRuns: RUNS * 3 }
    )
  })

  test('FHIR QuestionnaireResponse import: a 4xx OperationOutcome or a 201, never a 5xx', async () => {
    const session = await signedIn(built.app, built.fixture.emailA('clinician'))
    await session.get('/home')
    await fc.assert(
      fc.asyncProperty(json, async (body) => {
        const res = await built.app.inject({
          method: 'POST',
          url: '/fhir/QuestionnaireResponse',
          headers: { cookie: session.cookieHeader(), 'content-type': 'application/fhir+json' },
          payload: JSON.stringify(body)
        })
        assert.ok(res.statusCode < 500, `${res.statusCode} for ${JSON.stringify(body).slice(0, 200)}`)
      }),
      { numRuns: RUNS }
    )
  })
})
