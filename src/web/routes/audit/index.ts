/** The audit trail: read and export only. There is no route that changes it. */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { listAudit, recordAudit, type AuditListRow } from '../../../db/repositories/audit.js'
import { formatDateTime } from '../../../domain/shared/dates.js'
import { toCsv } from '../../../domain/shared/csv.js'
import { formErrors, noErrors, text } from '../../form-errors.js'
import { auditActor } from '../../plugins/auth.js'

const actions = [
  'view',
  'search',
  'create',
  'update',
  'export',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'account_locked'
] as const
const isoDate = /^\d{4}-\d{2}-\d{2}$/
const pageSize = 50

const querySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  action: z.string().optional(),
  page: z.coerce.number().int().min(1).max(100000).optional()
})

function readFilters(query: unknown) {
  const q = querySchema.safeParse(query)
  const raw = q.success ? q.data : {}
  const values = { from: text(raw.from), to: text(raw.to), action: text(raw.action) }
  const problems: { field: string; text: string }[] = []
  if (values.from && !isoDate.test(values.from))
    problems.push({ field: 'from', text: 'Enter the start date as YYYY-MM-DD, for example 2026-11-01' })
  if (values.to && !isoDate.test(values.to))
    problems.push({ field: 'to', text: 'Enter the end date as YYYY-MM-DD, for example 2026-11-30' })
  if (values.action && !(actions as readonly string[]).includes(values.action))
    problems.push({ field: 'action', text: 'Select an action from the list' })
  return { values, errors: problems.length ? formErrors(problems) : noErrors, page: raw.page ?? 1 }
}

function describe(row: AuditListRow): string {
  return `${row.entity_type}${row.entity_id ? ` ${row.entity_id}` : ''}`
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/audit', { config: { access: 'audit:read' } }, async (request, reply) => {
    const { values, errors, page } = readFilters(request.query)
    const filter = errors.list.length
      ? {}
      : { from: values.from || undefined, to: values.to || undefined, action: values.action || undefined }
    const rows = await request.withOrg((trx) =>
      listAudit(trx, request.user!.orgId, { ...filter, limit: pageSize + 1, offset: (page - 1) * pageSize })
    )
    const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])))
    const link = (p: number) => `/audit?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`
    return reply.render('audit/index.njk', {
      errors,
      queryString: params.size ? `?${params}` : '',
      fields: {
        from: {
          id: 'from',
          name: 'from',
          label: { text: 'From (YYYY-MM-DD)' },
          value: values.from,
          errorMessage: errors.byField.from,
          classes: 'nhsuk-input--width-10'
        },
        to: {
          id: 'to',
          name: 'to',
          label: { text: 'To (YYYY-MM-DD)' },
          value: values.to,
          errorMessage: errors.byField.to,
          classes: 'nhsuk-input--width-10'
        },
        action: {
          id: 'action',
          name: 'action',
          label: { text: 'Action' },
          errorMessage: errors.byField.action,
          items: [
            { value: '', text: 'All actions' },
            ...actions.map((a) => ({ value: a, text: a.replace(/_/g, ' '), selected: a === values.action }))
          ]
        }
      },
      rows: rows.slice(0, pageSize).map((r) => [
        { text: formatDateTime(r.occurred_at), header: 'When' },
        { text: r.actor_name ?? 'Unknown', header: 'Who' },
        { text: r.actor_role ?? '', header: 'Role' },
        { text: r.action.replace(/_/g, ' '), header: 'Action' },
        { text: describe(r), header: 'What' },
        { text: r.ip ?? '', header: 'From' }
      ]),
      pagination:
        page > 1 || rows.length > pageSize
          ? {
              previous: page > 1 ? { href: link(page - 1), labelText: `Page ${page - 1}` } : undefined,
              next: rows.length > pageSize ? { href: link(page + 1), labelText: `Page ${page + 1}` } : undefined
            }
          : null,
      breadcrumbs: [{ href: '/home', text: 'Home' }]
    })
  })

  app.get('/audit.csv', { config: { access: 'audit:read' } }, async (request, reply) => {
    const { values, errors } = readFilters(request.query)
    if (errors.list.length) return reply.code(400).render('errors/4xx.njk', { status: 400 })
    const rows = await request.withOrg(async (trx) => {
      const found = await listAudit(trx, request.user!.orgId, {
        from: values.from || undefined,
        to: values.to || undefined,
        action: values.action || undefined,
        limit: 100000
      })
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'export',
        entityType: 'audit_event',
        detail: { rows: found.length }
      })
      return found
    })
    const csv = toCsv(
      [
        'occurred_at',
        'actor_user_id',
        'actor_name',
        'actor_role',
        'action',
        'entity_type',
        'entity_id',
        'patient_id',
        'ip',
        'user_agent'
      ],
      rows.map((r) => [
        r.occurred_at.toISOString(),
        r.actor_user_id,
        r.actor_name,
        r.actor_role,
        r.action,
        r.entity_type,
        r.entity_id,
        r.patient_id,
        r.ip,
        r.user_agent
      ])
    )
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="reach-audit-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv)
  })
}
