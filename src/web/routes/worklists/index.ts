/**
 * Work to do: the worklists behind the home page counts (links not used, self-completions to review,
 * incomplete screenings, open referrals) and patient lists by barrier, readiness or need, with CSV.
 */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { countWorkToDo, viewWorklist } from '../../../app/worklists/work-to-do.js'
import { listPatientsByNeed } from '../../../app/worklists/list-patients-by.js'
import { WORKLISTS } from '../../../db/repositories/worklists.js'
import { requestActor } from '../../plugins/auth.js'
import {
  filterItems,
  parseFilter,
  patientListCsv,
  patientListRows,
  WORKLIST_TEXT,
  workSummaryRows,
  worklistRows
} from './view-models.js'

const listParams = z.object({ list: z.enum(WORKLISTS) })
const patientListQuery = z.object({
  show: z.string().max(100).optional(),
  format: z.enum(['csv']).optional()
})
const crumbs = [{ href: '/home', text: 'Home' }]

export async function worklistRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/work', { config: { access: 'patient:read' } }, async (request, reply) => {
    const counts = await request.withOrg((trx) => countWorkToDo(trx, requestActor(request), new Date()))
    return reply.render('worklists/index.njk', { rows: workSummaryRows(counts), breadcrumbs: crumbs })
  })

  r.get(
    '/work/:list',
    { schema: { params: listParams }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const list = request.params.list
      const items = await request.withOrg((trx) => viewWorklist(trx, requestActor(request), list, new Date()))
      return reply.render('worklists/list.njk', {
        text: WORKLIST_TEXT[list],
        count: items.length,
        rows: worklistRows(items),
        breadcrumbs: [...crumbs, { href: '/work', text: 'Work to do' }]
      })
    }
  )

  r.get(
    '/patients/lists',
    { schema: { querystring: patientListQuery }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const show = request.query.show ?? ''
      const filter = show === '' ? null : parseFilter(show)
      const base = { items: filterItems(show), show, breadcrumbs: [...crumbs, { href: '/patients', text: 'Patients' }] }
      if (show !== '' && filter === null)
        return reply.code(400).render('worklists/patient-list.njk', {
          ...base,
          errors: { list: [{ text: 'Choose a list from the options', href: '#show' }], byField: {} },
          fieldError: { text: 'Choose a list from the options' }
        })
      if (filter === null) return reply.render('worklists/patient-list.njk', { ...base, rows: null })
      const format = request.query.format === 'csv' ? 'csv' : 'page'
      const rows = await request.withOrg((trx) => listPatientsByNeed(trx, requestActor(request), { filter, format }))
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="reach-patients-${show.replace(/[^a-z_]+/g, '-')}.csv"`)
          .send(patientListCsv(rows))
      const chosen = base.items.find((i) => i.selected)?.text ?? ''
      return reply.render('worklists/patient-list.njk', {
        ...base,
        rows: patientListRows(rows),
        count: rows.length,
        chosen,
        csvHref: `/patients/lists?show=${encodeURIComponent(show)}&format=csv`
      })
    }
  )
}
