/** The audit trail: read and export only. There is no route that changes it. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { exportAuditTrail, readAuditPage, type AuditFilter } from '../../../app/audit/read-audit-trail.js'
import { formErrors, noErrors, text } from '../../form-errors.js'
import { requestActor } from '../../plugins/auth.js'
import { queryText } from '../../schemas.js'
import {
  AUDIT_ACTIONS,
  auditCsv,
  auditFilterFields,
  auditPagination,
  auditTableRows,
  type AuditFilterValues
} from './view-models.js'

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const pageSize = 50

/** Lenient on purpose: a bad filter is shown on the page as a field error, not refused. */
const auditQuery = z.object({
  from: queryText,
  to: queryText,
  action: queryText,
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(10).optional())
})

function readFilters(query: z.infer<typeof auditQuery>) {
  const values: AuditFilterValues = { from: text(query.from), to: text(query.to), action: text(query.action) }
  const problems: { field: string; text: string }[] = []
  if (values.from && !isoDate.test(values.from))
    problems.push({ field: 'from', text: 'Enter the start date as YYYY-MM-DD, for example 2026-11-01' })
  if (values.to && !isoDate.test(values.to))
    problems.push({ field: 'to', text: 'Enter the end date as YYYY-MM-DD, for example 2026-11-30' })
  if (values.action && !(AUDIT_ACTIONS as readonly string[]).includes(values.action))
    problems.push({ field: 'action', text: 'Select an action from the list' })
  const pageNumber = Number(query.page ?? '1')
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 100000 ? pageNumber : 1
  const errors = problems.length ? formErrors(problems) : noErrors
  const filter: AuditFilter = errors.list.length
    ? {}
    : { from: values.from || undefined, to: values.to || undefined, action: values.action || undefined }
  return { values, errors, page, filter }
}

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/audit',
    { schema: { querystring: auditQuery }, config: { access: 'audit:read' } },
    async (request, reply) => {
      const { values, errors, page, filter } = readFilters(request.query)
      const rows = await request.withOrg((trx) =>
        readAuditPage(trx, requestActor(request), filter, { limit: pageSize + 1, offset: (page - 1) * pageSize })
      )
      const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])))
      const link = (p: number) => `/audit?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`
      return reply.render('audit/index.njk', {
        errors,
        queryString: params.size ? `?${params}` : '',
        fields: auditFilterFields(values, errors),
        rows: auditTableRows(rows.slice(0, pageSize)),
        pager: auditPagination(page, rows.length > pageSize, link),
        breadcrumbs: [{ href: '/home', text: 'Home' }]
      })
    }
  )

  app.get(
    '/audit.csv',
    { schema: { querystring: auditQuery }, config: { access: 'audit:read', recentAuth: true } },
    async (request, reply) => {
      const { errors, filter } = readFilters(request.query)
      if (errors.list.length) return reply.code(400).render('errors/4xx.njk', { status: 400 })
      const rows = await request.withOrg((trx) => exportAuditTrail(trx, requestActor(request), filter))
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="reach-audit-${new Date().toISOString().slice(0, 10)}.csv"`
        )
        .send(auditCsv(rows))
    }
  )
}
