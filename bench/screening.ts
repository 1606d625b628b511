/**
 * Screening: the transferred size of the first self-completion pages (HTML + patient.css + every picture, raw and
 * gzip, as a browser with an empty cache fetches them) against the 60 KB budget, in English and in Arabic (right
 * to left), standard and Easy Read (with its Mulberry Symbols pictures); and the clinician form render time.
 */
import { gzipSync } from 'node:zlib'
import { createViewEnvironment } from '../src/web/plugins/views.js'
import { build } from '../test/helpers/build.js'
import { InjectSession, signedIn } from '../test/helpers/browser-session.js'
import { questionnaireSections } from '../src/web/routes/screening/question-fields.js'
import { noErrors } from '../src/web/form-errors.js'
import { printTable, timeIt } from './report.js'

const BUDGET = 60 * 1024

export async function benchScreening(): Promise<void> {
  const built = await build('pglite')
  try {
    const staff = await signedIn(built.app, built.fixture.emailA('clinician'))
    const patient = built.fixture.orgA.patients[0]!
    const rows: (string | number)[][] = []
    const css = (await built.app.inject({ method: 'GET', url: '/static/patient.css' })).body
    /** Everything a cold browser fetches for a page: the HTML, patient.css and each picture once. */
    const transferred = async (url: string) => {
      const html = (await built.app.inject({ method: 'GET', url })).body
      const images = [...new Set([...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!))]
      const files = [html, css]
      for (const src of images) files.push((await built.app.inject({ method: 'GET', url: src })).body)
      const raw = files.reduce((n, f) => n + Buffer.byteLength(f), 0)
      const gz = files.reduce((n, f) => n + gzipSync(f).length, 0)
      return { raw, gz, images: images.length }
    }
    for (const [lang, easy] of [
      ['en', false],
      ['ar', false],
      ['en', true],
      ['ar', true]
    ] as const) {
      await staff.get(`/patients/${patient.id}`)
      const invite = await staff.post(`/patients/${patient.id}/screening/invite`, {
        language: lang,
        ...(easy ? { easyRead: 'yes' } : {})
      })
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(invite.body)?.[1]
      if (!token) throw new Error('no invitation link')
      const version = `${lang}${easy ? ', Easy Read' : ''}`
      const pages: [string, string][] = [
        ['start', `/s/${token}`],
        ['question 1', `/s/${token}/q/participation`]
      ]
      if (easy) {
        // the page with the most pictures: the devices question (one for the question, six for the answers)
        const session = new InjectSession(built.app)
        await session.get(`/s/${token}/q/participation`)
        await session.post(`/s/${token}/q/participation`, { participation: 'agreed' })
        pages.push(['question 2 (most pictures)', `/s/${token}/q/devices`])
      }
      for (const [page, url] of pages) {
        const { raw, gz, images } = await transferred(url)
        rows.push([`${page} (${version})`, String(images), raw, gz, `${((raw / BUDGET) * 100).toFixed(0)}%`])
      }
    }
    printTable(
      ['self-completion page + patient.css + pictures', 'pictures', 'bytes raw', 'bytes gzip', 'raw vs 60 KB budget'],
      rows
    )
  } finally {
    await built.close()
  }
  const env = createViewEnvironment()
  const context = {
    patient: { id: 'p', givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '9990000018' },
    mode: 'clinician',
    errors: noErrors,
    sections: questionnaireSections('en', {}, {}),
    pageTitle: 'Digital inclusion screening',
    action: '/x',
    screenedOn: { id: 'screenedOn', namePrefix: 'screenedOn', items: [] },
    user: { displayName: 'Bench', role: 'clinician' },
    organisation: { name: 'Bench organisation' },
    navigation: [],
    csrfToken: 'token',
    assetPath: '/nhsuk/assets'
  }
  const runs = 20
  const ms = await timeIt(() => {
    for (let i = 0; i < runs; i++) env.render('screening/form.njk', context)
  }, 3)
  printTable(
    ['clinician screening form', 'ms per render (incl. view model built once)'],
    [['screening/form.njk', ms / runs]]
  )
}
