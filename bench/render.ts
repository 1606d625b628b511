/**
 * Server-side rendering of the biggest staff form (add a patient) with our linear `trim` filter,
 * against the same environment using Nunjucks' built-in (quadratic) trim, in the same run.
 */
import nunjucks from 'nunjucks'
import { createViewEnvironment } from '../src/web/plugins/views.js'
import { patientFormFields, emptyPatientForm } from '../src/web/routes/patients/view-models.js'
import { noErrors } from '../src/web/form-errors.js'
import { printTable, timeIt } from './report.js'

export async function benchRender(): Promise<void> {
  const ours = createViewEnvironment()
  const builtIn = createViewEnvironment()
  builtIn.addFilter('trim', new nunjucks.Environment().getFilter('trim'))
  const context = {
    fields: patientFormFields(emptyPatientForm(), noErrors),
    action: '/patients/new',
    pageTitle: 'Add a patient',
    submitText: 'Add patient',
    user: { displayName: 'Bench', role: 'clinician' },
    organisation: { name: 'Bench organisation' },
    navigation: [{ href: '/home', text: 'Home' }],
    csrfToken: 'token',
    assetPath: '/nhsuk/assets'
  }
  const runs = 40
  const a = await timeIt(() => {
    for (let i = 0; i < runs; i++) ours.render('patients/form.njk', context)
  }, 3)
  const b = await timeIt(() => {
    for (let i = 0; i < runs; i++) builtIn.render('patients/form.njk', context)
  }, 3)
  printTable(
    ['render patients/form.njk', 'ms per page', 'ratio to built-in trim'],
    [
      ['Reach (String.prototype.trim)', a / runs, a / b],
      ['Nunjucks built-in trim', b / runs, 1]
    ]
  )
}
