/**
 * Screening: the transferred size of the first self-completion page (HTML + patient.css, raw and gzip)
 * against the 60 KB budget, in English and in Arabic (right to left); and the clinician form render time.
 */
import { gzipSync } from 'node:zlib'
import { createViewEnvironment } from '../src/web/plugins/views.js'
import { build } from '../test/helpers/build.js'
import { signedIn } from '../test/helpers/browser-session.js'
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
    const css = await built.app.inject({ method: 'GET', url: '/static/patient.css' })
    for (const lang of ['en', 'ar']) {
      await staff.get(`/patients/${patient.id}`)
      const invite = await staff.post(`/patients/${patient.id}/screening/invite`, { language: lang })
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(invite.body)?.[1]
      if (!token) throw new Error('no invitation link')
      for (const [page, url] of [
        ['start', `/s/${token}`],
        ['question 1', `/s/${token}/q/participation`]
      ] as const) {
        const html = (await built.app.inject({ method: 'GET', url })).body
        const raw = Buffer.byteLength(html) + Buffer.byteLength(css.body)
        const gz = gzipSync(html).length + gzipSync(css.body).length
        rows.push([`${page} (${lang})`, raw, gz, `${((raw / BUDGET) * 100).toFixed(0)}%`])
      }
    }
    printTable(['first self-completion page + patient.css', 'bytes raw', 'bytes gzip', 'raw vs 60 KB budget'], rows)
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
