// The directory pages (issue 12): how people use a service (the staff form, the staff and public pages),
// languages by name everywhere, the public language search by name or code, and honest freshness
// ("Last checked", "Not checked yet", "Due for review"; nothing looks checked when it is due for review).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { serviceForm } from '../helpers/test-services.js'
import { build, type Built } from '../helpers/build.js'
import { testDialects } from '../helpers/databases.js'
import { signedIn, InjectSession } from '../helpers/browser-session.js'
import { parseDirectoryImport } from '../../src/domain/directory/oruk.js'
import { upsertServices } from '../../src/db/repositories/directory.js'

const today = new Date().toISOString().slice(0, 10)
const svc = (id: string, name: string, extra: Record<string, unknown>) => ({
  id,
  name,
  description: `${name} helps people get online.`,
  status: 'active',
  organization: { name: `${name} charity` },
  service_areas: [{ name: 'United Kingdom' }],
  attributes: [
    { taxonomy_term: { name: 'skills', taxonomy: 'reach-digital-inclusion-barrier' } },
    { taxonomy_term: { name: 'one-to-one help', taxonomy: 'reach-digital-inclusion-offer-type' } }
  ],
  x_reach: { verified: true, last_verified_on: today },
  ...extra
})
const services = [
  svc('phone-friends', 'Phone Friends', {
    languages: [{ code: 'tr' }, { code: 'pl' }],
    attributes: [
      { taxonomy_term: { name: 'skills', taxonomy: 'reach-digital-inclusion-barrier' } },
      { taxonomy_term: { name: 'phone support', taxonomy: 'reach-digital-inclusion-offer-type' } },
      { taxonomy_term: { name: 'phone', taxonomy: 'reach-delivery-mode' } },
      { taxonomy_term: { name: 'in_person', taxonomy: 'reach-delivery-mode' } }
    ]
  }),
  svc('old-club', 'Old Club', { x_reach: { verified: true, last_verified_on: '2020-01-01' } }),
  svc('never-checked', 'Never Checked', { x_reach: { verified: false } })
]

const form = serviceForm
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

for (const kind of await testDialects()) {
  describe(`directory pages (${kind})`, () => {
    let built: Built
    let champion: InjectSession
    const anon = () => new InjectSession(built.app)
    before(async () => {
      built = await build(kind)
      await upsertServices(built.database.db, parseDirectoryImport(services).services)
      champion = await signedIn(built.app, built.fixture.emailA('champion'))
    })
    after(() => built.close())

    test('staff form: "How people use it" is optional, saved in order, shown by name; a made-up mode is refused', async () => {
      const page = await champion.get('/directory/new')
      assert.match(page.body, /How people use it/)
      assert.match(page.body, /value="in_person"[^>]*>/)
      assert.match(text(page.body), /In person By phone Online/)

      const bad = await champion.post('/directory/new', form({ delivery: ['phone', 'teleport'] }))
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Select how people use the service from the list/)
      assert.match(bad.body, /href="#delivery"/)

      const none = await champion.post('/directory/new', form({ name: 'No Delivery Said' }))
      assert.equal(none.statusCode, 303)

      const good = await champion.post('/directory/new', form({ delivery: ['online', 'in_person'] }))
      assert.equal(good.statusCode, 303)
      const id = decodeURIComponent(String(good.headers.location).split('/').pop()!)
      const row = await built.database.db
        .selectFrom('support_service')
        .select(['delivery', 'languages'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        [row.delivery, row.languages],
        [
          ['in_person', 'online'],
          ['tr', 'pl']
        ]
      )
      const noneRow = await built.database.db
        .selectFrom('support_service')
        .select('delivery')
        .where('name', '=', 'No Delivery Said')
        .executeTakeFirstOrThrow()
      assert.deepEqual(noneRow.delivery, [])

      const show = text((await champion.get(`/directory/${id}`)).body)
      assert.match(show, /How people use it In person, online/)
      assert.match(show, /Languages English, Turkish, Polish/)

      const edit = await champion.get(`/directory/${id}/edit`)
      assert.match(edit.body, /value="Turkish, Polish"/)
      assert.match(edit.body, /value="online" checked/)
      const saved = await champion.post(
        `/directory/${id}/edit`,
        form({ delivery: 'phone', languages: 'Turkish, Polish' })
      )
      assert.equal(saved.statusCode, 303)
      const after = await built.database.db
        .selectFrom('support_service')
        .select(['delivery', 'languages'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual([after.delivery, after.languages], [['phone'], ['tr', 'pl']])
    })

    test('staff form: a language that is not one is named in the error', async () => {
      await champion.get('/directory/new')
      const bad = await champion.post('/directory/new', form({ languages: 'Turkish, Klingon' }))
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /We could not find a language called Klingon/)
    })

    test('public pages: how to use it, languages by name, last checked', async () => {
      const show = text((await anon().get('/services/phone-friends')).body)
      assert.match(show, /How to use it in person, by phone/)
      assert.match(show, /Languages English, Turkish, Polish/)
      assert.doesNotMatch(show, /\btr\b|\bpl\b/)
      assert.match(show, /Last checked \d{1,2} \w+ \d{4}/)
      assert.doesNotMatch(show, /Due for review/)
      const list = text((await anon().get('/services')).body)
      assert.match(list, /Phone Friends .* How to use it: in person, by phone Languages: English, Turkish, Polish/)
    })

    test('public language search: a name in any case or in the language itself, or a code; an unknown one is said', async () => {
      for (const typed of ['Turkish', 'turkish', 'Türkçe', 'tr']) {
        const body = (await anon().get(`/services?language=${encodeURIComponent(typed)}`)).body
        assert.match(body, /Phone Friends/, typed)
        assert.doesNotMatch(body, /Old Club/, typed)
        assert.match(body, /Services that work in Turkish/, typed)
      }
      const welsh = (await anon().get('/services?language=Welsh')).body
      assert.match(welsh, /0 services found/)
      assert.doesNotMatch(welsh, /could not find/)
      const english = (await anon().get('/services?language=English')).body
      assert.match(english, /Old Club/)
      assert.match(english, /Phone Friends/)
      const unknown = await anon().get('/services?language=Klingon')
      assert.equal(unknown.statusCode, 200)
      assert.match(unknown.body, /We could not find a language called Klingon/)
      assert.match(unknown.body, /value="Klingon"/)
      assert.doesNotMatch(unknown.body, /Phone Friends|Old Club/)
      const script = (await anon().get('/services?language=%3Cscript%3E')).body
      assert.match(script, /We could not find a language called &lt;script&gt;/)
    })

    test('freshness: due for review and never checked say so, and never look checked', async () => {
      const old = text((await anon().get('/services/old-club')).body)
      assert.match(old, /Due for review/)
      assert.match(old, /Last checked 1 January 2020/)
      const never = text((await anon().get('/services/never-checked')).body)
      assert.match(never, /Last checked Not checked yet/)
      assert.match(never, /Due for review/)
      const list = text((await anon().get('/services')).body)
      assert.match(list, /Old Club .*Last checked: 1 January 2020 Due for review/)

      const staff = await champion.get('/directory')
      const [dueTable, allTable] = staff.body.split('<h2>All services</h2>')
      assert.match(dueTable!, />Old Club<\/a>/)
      assert.doesNotMatch(dueTable!, />Phone Friends<\/a>/)
      const rowOf = (name: string) => allTable!.split('<tr').find((r) => r.includes(`>${name}</a>`)) ?? ''
      assert.match(rowOf('Old Club'), /Due for review/)
      assert.doesNotMatch(rowOf('Old Club'), /Active|Verified|Checked/)
      assert.match(rowOf('Never Checked'), /Not checked: never suggested/)
      assert.match(rowOf('Never Checked'), /Due for review/)
      assert.match(text(rowOf('Never Checked')), /Not checked yet/)
      assert.match(rowOf('Phone Friends'), /Active/)
      assert.doesNotMatch(rowOf('Phone Friends'), /Due for review/)

      const oldPage = text((await champion.get('/directory/old-club')).body)
      assert.match(oldPage, /Checked with the service Not in the last 12 months/)
      assert.match(oldPage, /Due for review/)
      assert.doesNotMatch(oldPage, /Verified/)
      const form = await champion.get('/directory/new')
      assert.doesNotMatch(form.body, /Only checked services are suggested/)
    })

    test('contact details: phone, venue and opening times on the form and pages, a bad phone or postcode is a field error, kept on error', async () => {
      await champion.get('/directory/new')
      const bad = await champion.post(
        '/directory/new',
        form({ name: 'Ring Us', phone: 'call me', venuePostcode: 'NOT A CODE', venueName: 'Hall' })
      )
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Enter a phone number, like 020 7946 0123/)
      assert.match(bad.body, /Enter a real postcode, like E8 1DY/)
      assert.match(bad.body, /Enter the address of the venue/)
      assert.match(bad.body, /href="#phone"/)
      assert.match(bad.body, /value="call me"/)
      assert.match(bad.body, /value="Hall"/)

      const good = await champion.post(
        '/directory/new',
        form({
          name: 'Ring Us',
          phone: ' 020  7946 0999 ',
          phoneDescription: 'Helpline',
          venueName: 'Hackney Central Library',
          venueAddress: '1 Reading Lane',
          venuePostcode: 'e8 1gq',
          openingTimes: 'Mondays and Thursdays, 10am to 1pm'
        })
      )
      assert.equal(good.statusCode, 303)
      const id = decodeURIComponent(String(good.headers.location).split('/').pop()!)
      const row = await built.database.db
        .selectFrom('support_service')
        .select(['phones', 'locations', 'opening_times', 'oruk'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row.phones, [{ number: '020 7946 0999', description: 'Helpline' }])
      assert.deepEqual(row.locations, [
        { name: 'Hackney Central Library', address: '1 Reading Lane', postcode: 'E8 1GQ' }
      ])
      assert.equal(row.opening_times, 'Mondays and Thursdays, 10am to 1pm')
      const oruk = row.oruk as { phones: { number: string }[]; schedules: { description: string }[] }
      assert.equal(oruk.phones[0]?.number, '020 7946 0999')
      assert.equal(oruk.schedules[0]?.description, 'Mondays and Thursdays, 10am to 1pm')

      const staff = text((await champion.get(`/directory/${id}`)).body)
      assert.match(staff, /Phone 020 7946 0999 \(Helpline\)/)
      assert.match(staff, /Venue Hackney Central Library, 1 Reading Lane, E8 1GQ/)
      assert.match(staff, /Opening times Mondays and Thursdays, 10am to 1pm/)
      const unknown = text((await champion.get('/directory/phone-friends')).body)
      assert.match(unknown, /Phone Not known/)

      const page = await anon().get(`/services/${encodeURIComponent(id)}`)
      assert.match(page.body, /<a href="tel:02079460999"><bdi dir="ltr">020 7946 0999<\/bdi><\/a>/)
      assert.match(
        text(page.body),
        /Hackney Central Library 1 Reading Lane, E8 1GQ Opening times Mondays and Thursdays/
      )
      const list = await anon().get('/services')
      assert.match(text(list.body), /Helpline: 020 7946 0999/)

      const edit = await champion.get(`/directory/${id}/edit`)
      assert.match(edit.body, /value="020 7946 0999"/)
      assert.match(edit.body, /Mondays and Thursdays, 10am to 1pm<\/textarea>/)
    })

    test('public postcode search: services that work there and across the UK; a postcode that is not one is said', async () => {
      await upsertServices(
        built.database.db,
        parseDirectoryImport([
          svc('hackney-only', 'Hackney Only', { service_areas: [{ name: 'London Borough of Hackney' }] })
        ]).services
      )
      const hackney = text((await anon().get('/services?postcode=e8%201dy')).body)
      assert.match(hackney, /Help for E8 1DY and across the UK/)
      assert.match(hackney, /Hackney Only/)
      assert.match(hackney, /Phone Friends/)
      const leeds = text((await anon().get('/services?postcode=LS1%204AP')).body)
      assert.doesNotMatch(leeds, /Hackney Only/)
      assert.match(leeds, /Phone Friends/)
      const bad = await anon().get('/services?postcode=hello')
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Enter a real postcode, like E8 1DY, or leave it blank/)
      assert.match(bad.body, /aria-invalid="true"/)
      assert.doesNotMatch(text(bad.body), /services found/)
    })
  })
}
