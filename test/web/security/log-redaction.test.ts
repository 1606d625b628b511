// Finding 1: a database error carries the failed query's parameters (PGlite attaches them; both
// databases quote values in the message and detail). The error handler logs a whitelisted shape
// only, so no NHS number, name, email or date of birth reaches the log.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { testConfig } from '../../helpers/build.js'
import { freshDatabase, testDialects } from '../../helpers/databases.js'
import { loadFixture, type Fixture } from '../../helpers/fixture.js'
import { InjectSession } from '../../helpers/browser-session.js'
import type { ReachDatabase } from '../../../src/db/connect.js'
import { buildApp, logRedactPaths, redactUrl } from '../../../src/web/app.js'

const otherColumns = {
  postcode: 'E8 1DY',
  sex: '2',
  ethnic_category: 'A',
  main_language: 'en',
  interpreter_needed: false,
  disability: 'no',
  team_id: null,
  is_synthetic: true
}

/** The app with the production logger options, writing to `lines`, and two routes whose inserts fail. */
async function buildLogged(kind: 'pglite' | 'postgres', lines: string[]) {
  const database = await freshDatabase(kind)
  const fixture = await loadFixture(database.db)
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      done()
    }
  })
  const app = await buildApp({
    config: testConfig(),
    database,
    logger: {
      level: 'info',
      redact: { paths: logRedactPaths, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) })
      },
      stream
    }
  })
  const existing = fixture.orgA.patients[0]
  assert.ok(existing)
  // a unique violation: the detail names the NHS number, PGlite attaches every parameter
  app.post('/test/duplicate-patient', { config: { access: 'public', csrf: false } }, async () => {
    await database.db
      .insertInto('patient')
      .values({
        org_id: fixture.orgA.id,
        nhs_number: existing.nhsNumber,
        given_name: 'Zanzibarina',
        family_name: 'Quillfeather',
        date_of_birth: '1931-07-14',
        ...otherColumns
      })
      .execute()
  })
  // a malformed value: the message itself quotes it
  app.post('/test/malformed-insert', { config: { access: 'public', csrf: false } }, async () => {
    await database.db
      .insertInto('patient')
      .values({
        org_id: 'Marmaduke-Oddfellow',
        nhs_number: '9990001234',
        given_name: 'Zanzibarina',
        family_name: 'Quillfeather',
        date_of_birth: '1931-07-14',
        ...otherColumns
      })
      .execute()
  })
  await app.ready()
  return { app, database, fixture }
}

for (const kind of await testDialects()) {
  describe(`no patient data in the log on database errors (${kind})`, () => {
    const lines: string[] = []
    let app: FastifyInstance
    let database: ReachDatabase
    let fixture: Fixture
    before(async () => {
      ;({ app, database, fixture } = await buildLogged(kind, lines))
    })
    after(async () => {
      await app.close()
      await database.close()
    })

    const logged = () => lines.join('')
    const failures = () =>
      lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'request_failed')

    test('a unique violation is logged by code and constraint, without the values', async () => {
      lines.length = 0
      const res = await app.inject({ method: 'POST', url: '/test/duplicate-patient' })
      assert.equal(res.statusCode, 500)
      assert.match(res.body, /Sorry, there is a problem with the service/)
      const nhsNumber = fixture.orgA.patients[0]?.nhsNumber ?? ''
      for (const value of ['Zanzibarina', 'Quillfeather', '1931-07-14', nhsNumber, fixture.orgA.id])
        assert.ok(!logged().includes(value), `the log shows ${value}`)
      const [failure] = failures()
      assert.ok(failure, 'the failure is still logged')
      const error = failure.error as Record<string, unknown>
      assert.equal(error.code, '23505')
      assert.equal(error.route, '/test/duplicate-patient')
      const allowed = ['name', 'code', 'statusCode', 'message', 'route', 'table', 'constraint']
      for (const key of Object.keys(error)) assert.ok(allowed.includes(key), `the log has the error's ${key}`)
    })

    test('a value quoted in the error message is taken out', async () => {
      lines.length = 0
      const res = await app.inject({ method: 'POST', url: '/test/malformed-insert' })
      assert.equal(res.statusCode, 500)
      for (const value of ['Marmaduke-Oddfellow', 'Zanzibarina', 'Quillfeather', '9990001234', '1931-07-14'])
        assert.ok(!logged().includes(value), `the log shows ${value}`)
      assert.equal((failures()[0]?.error as Record<string, unknown> | undefined)?.code, '22P02')
    })

    test('a real route (sign-in) failing on the database logs no email address', async () => {
      const session = new InjectSession(app)
      await session.get('/sign-in')
      lines.length = 0
      await database.db.schema.alterTable('staff_user').renameTo('staff_user_moved').execute()
      try {
        const res = await session.post('/sign-in', { email: 'leaky.person@example.test', password: 'Hunter2-hunter2' })
        assert.equal(res.statusCode, 500)
      } finally {
        await database.db.schema.alterTable('staff_user_moved').renameTo('staff_user').execute()
      }
      assert.ok(failures().length > 0)
      assert.ok(!logged().includes('leaky.person'), 'the log shows the email')
      assert.ok(!logged().includes('Hunter2'), 'the log shows the password')
    })
  })
}

test('safeErrorMessage keeps the kind of error and drops the data', async () => {
  const { loggableError, safeErrorMessage } = await import('../../../src/web/plugins/errors.js')
  assert.equal(
    safeErrorMessage('invalid input syntax for type uuid: "Mary Smith"'),
    'invalid input syntax for type uuid: …'
  )
  assert.equal(
    safeErrorMessage(
      'duplicate key value violates unique constraint "patient_nhs_unique"\nKey (nhs_number)=(9990000018)'
    ),
    'duplicate key value violates unique constraint …'
  )
  assert.equal(safeErrorMessage('no account for mary@example.test on 1931-07-14'), 'no account for … on #-#-#')
  assert.ok(safeErrorMessage('x'.repeat(500)).length <= 120)
  const shape = loggableError(
    Object.assign(new Error('boom "secret"'), { code: '23505', params: ['secret'], table: 'patient' }),
    '/r'
  )
  assert.deepEqual(shape, {
    name: 'Error',
    code: '23505',
    statusCode: undefined,
    message: 'boom …',
    route: '/r',
    table: 'patient'
  })
})
