// Finding 18, the rest (issue 13): the directory is shared, so a service changed by another organisation
// was audited only in that organisation's trail and nobody else could tell. Every change now shows on the
// service page, to every organisation, with the organisation that made it; the person stays in their own
// organisation's audit trail.
import { test } from 'node:test'
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import { build } from '../../helpers/build.js'
import { testDialects } from '../../helpers/databases.js'
import { signedIn } from '../../helpers/browser-session.js'
import { serviceForm } from '../../helpers/test-services.js'
import { importDirectory } from '../../../src/app/directory/import-directory.js'

const [kind] = await testDialects()
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const service = serviceForm({ languages: 'English' })

test("a change by another organisation shows on the service page for everyone, and in the editor's own trail", async (t) => {
  const built = await build(kind ?? 'pglite', {}, t)
  const adminA = await signedIn(built.app, built.fixture.emailA('admin'))
  const adminB = await signedIn(built.app, built.fixture.emailB('admin'))
  await adminA.get('/directory/new')
  const added = await adminA.post('/directory/new', service)
  assert.equal(added.statusCode, 303)
  const path = String(added.headers.location)
  const id = decodeURIComponent(path.split('/').pop() ?? '')
  await adminB.get(`${path}/edit`)
  assert.equal(
    (await adminB.post(`${path}/edit`, { ...service, description: 'Loans tablets and chargers.' })).statusCode,
    303
  )
  await adminB.get(path)
  assert.equal((await adminB.post(`${path}/retire`, {})).statusCode, 303)

  const page = text((await adminA.get(path)).body)
  assert.match(page, /Changes to this service, newest first/)
  assert.match(page, /Organisation Organisation B Change Retired/)
  assert.match(page, /Organisation Organisation B Change Details changed/)
  assert.match(page, /Organisation Organisation A Change Added/)
  assert.doesNotMatch(page, /admin of ORG-B/, 'the person is not named to other organisations')

  const trail = await built.database.db
    .selectFrom('audit_event')
    .select(['org_id', 'action'])
    .where('entity_type', '=', 'support_service')
    .where('entity_id', '=', id)
    .orderBy('occurred_at')
    .execute()
  assert.deepEqual(trail, [
    { org_id: built.fixture.orgA.id, action: 'create' },
    { org_id: built.fixture.orgB.id, action: 'update' },
    { org_id: built.fixture.orgB.id, action: 'update' }
  ])

  // an import at the command line has no organisation: it shows as the Reach administrators'
  const shipped = JSON.parse(
    readFileSync(new URL('../../../reference/screening/digital-support-directory.json', import.meta.url), 'utf8')
  ) as unknown
  const imported = await importDirectory(built.database.db, shipped, { dryRun: false })
  assert.ok(imported.services > 0)
  const anyImported = await built.database.db
    .selectFrom('support_service_change')
    .select(['service_id', 'org_id'])
    .where('change', '=', 'imported')
    .executeTakeFirstOrThrow()
  assert.equal(anyImported.org_id, null)
  const importedPage = text((await adminA.get(`/directory/${encodeURIComponent(anyImported.service_id)}`)).body)
  assert.match(importedPage, /Reach administrators \(command line\) Change Imported from an Open Referral UK file/)
})
