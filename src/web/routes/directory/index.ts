/**
 * The support directory: a public, low-bandwidth list at /services (no login), and staff
 * management at /directory (signed in to view, directory:manage to add, change, retire or
 * mark as checked). Every change is audited with the acting user's organisation.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Config } from '../../../config.js'
import { recordAudit } from '../../../db/repositories/audit.js'
import {
  findService,
  listServices,
  markServiceVerified,
  setServiceStatus,
  upsertServices
} from '../../../db/repositories/directory.js'
import {
  BARRIER_LABELS,
  DIRECTORY_BARRIERS,
  OFFER_PHRASES,
  OFFER_TYPES,
  SERVICE_AREAS,
  isDueForReview,
  type DirectoryService
} from '../../../domain/directory/service.js'
import { can } from '../../../domain/staff/roles.js'
import { noErrors, parseForm, type FormErrors } from '../../form-errors.js'
import { translate } from '../../i18n.js'
import { auditActor } from '../../plugins/auth.js'
import { publicFilterSchema, serviceFormSchema, serviceFormValues, type ServiceFormValues } from './schemas.js'
import {
  areaText,
  emptyServiceForm,
  serviceFormFields,
  serviceSummaryRows,
  serviceTableRows,
  serviceToFormValues
} from './view-models.js'
import { randomUUID } from 'node:crypto'
import { escapeHtml } from '../../escape-html.js'
import { formatDate } from '../../../domain/shared/dates.js'

export interface DirectoryRouteOptions {
  config: Config
}

const today = () => new Date().toISOString().slice(0, 10)
const t = (key: string) => translate('en', key)

export async function directoryRoutes(app: FastifyInstance, _opts: DirectoryRouteOptions): Promise<void> {
  app.get<{ Querystring: Record<string, string> }>(
    '/services',
    { config: { access: 'public' } },
    async (request, reply) => {
      const filter = publicFilterSchema.parse(request.query ?? {})
      const services = (await listServices(app.database.db, filter)).filter((s) => s.eligibility.audience !== 'staff')
      const option = (values: readonly string[], selected: string | undefined, labels: Record<string, string> = {}) =>
        values.map((v) => ({ value: v, text: labels[v] ?? v, selected: v === selected }))
      return reply.header('cache-control', 'public, max-age=300').render('directory/public-list.njk', {
        pageTitle: t('directory.public.title'),
        filters: [
          {
            name: 'barrier',
            label: t('directory.public.barrier'),
            options: option(DIRECTORY_BARRIERS, filter.barrier, BARRIER_LABELS)
          },
          { name: 'offerType', label: t('directory.public.offerType'), options: option(OFFER_TYPES, filter.offerType) },
          {
            name: 'area',
            label: t('directory.public.area'),
            options: option(SERVICE_AREAS, filter.area, { national: 'Across the UK', City: 'City of London' })
          }
        ],
        language: filter.language ?? '',
        services: services.map((s) => ({
          id: encodeURIComponent(s.id),
          name: s.name,
          organisationName: s.organisationName,
          description: s.description,
          offerTypes: s.offerTypes,
          areaText: areaText(s.areas)
        }))
      })
    }
  )

  app.get<{ Params: { serviceId: string } }>(
    '/services/:serviceId',
    { config: { access: 'public' } },
    async (request, reply) => {
      const service = await findService(app.database.db, request.params.serviceId)
      if (!service || service.status !== 'active' || service.eligibility.audience === 'staff')
        return reply.code(404).render('errors/404.njk')
      return reply.render('directory/public-show.njk', {
        pageTitle: service.name,
        service,
        dueForReview: isDueForReview(service, today()),
        areaText: areaText(service.areas),
        offerText: service.offerTypes.map((o) => OFFER_PHRASES[o] ?? o).join('. '),
        barrierText: service.barriers.map((b) => BARRIER_LABELS[b] ?? b).join(', ')
      })
    }
  )

  app.get('/directory', { config: { access: 'signed-in' } }, async (request, reply) => {
    const services = await listServices(app.database.db, { includeRetired: true })
    const now = today()
    const due = services.filter((s) => s.status === 'active' && isDueForReview(s, now))
    return reply.render('directory/index.njk', {
      pageTitle: 'Support directory',
      canManage: can(request.user!.role, 'directory:manage'),
      rows: serviceTableRows(services, now),
      dueRows: due.map((s) => [
        { html: `<a href="/directory/${encodeURIComponent(s.id)}">${escapeHtml(s.name)}</a>` },
        { text: s.lastVerifiedOn ? formatDate(s.lastVerifiedOn) : 'Never' }
      ]),
      breadcrumbs: [{ href: '/home', text: 'Home' }]
    })
  })

  app.get('/directory/new', { config: { access: 'directory:manage' } }, async (_request, reply) =>
    renderForm(reply, {
      values: emptyServiceForm(),
      errors: noErrors,
      action: '/directory/new',
      pageTitle: 'Add a service',
      submitText: 'Add service'
    })
  )

  app.post('/directory/new', { config: { access: 'directory:manage' } }, async (request, reply) => {
    const values = serviceFormValues(request.body)
    const parsed = parseForm(serviceFormSchema, values, {
      barriers: 'barriers',
      offerTypes: 'offerTypes',
      areas: 'areas',
      audience: 'audience',
      verified: 'verified'
    })
    if (!parsed.ok)
      return renderForm(reply, {
        values,
        errors: parsed.errors,
        action: '/directory/new',
        pageTitle: 'Add a service',
        submitText: 'Add service'
      })
    const service = formToService(randomUUID(), parsed.data, null)
    await request.withOrg(async (trx) => {
      await upsertServices(trx, [service])
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'create',
        entityType: 'support_service',
        entityId: service.id
      })
    })
    return reply.flash('Service added').redirect(`/directory/${encodeURIComponent(service.id)}`, 303)
  })

  app.get<{ Params: { serviceId: string } }>(
    '/directory/:serviceId',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const service = await findService(app.database.db, request.params.serviceId)
      if (!service) return reply.code(404).render('errors/404.njk')
      return reply.render('directory/show.njk', {
        pageTitle: service.name,
        service,
        rows: serviceSummaryRows(service),
        canManage: can(request.user!.role, 'directory:manage'),
        breadcrumbs: [
          { href: '/home', text: 'Home' },
          { href: '/directory', text: 'Support directory' }
        ]
      })
    }
  )

  app.get<{ Params: { serviceId: string } }>(
    '/directory/:serviceId/edit',
    { config: { access: 'directory:manage' } },
    async (request, reply) => {
      const service = await findService(app.database.db, request.params.serviceId)
      if (!service) return reply.code(404).render('errors/404.njk')
      return renderForm(reply, {
        values: serviceToFormValues(service),
        errors: noErrors,
        action: `/directory/${encodeURIComponent(service.id)}/edit`,
        pageTitle: 'Change service',
        submitText: 'Save changes'
      })
    }
  )

  app.post<{ Params: { serviceId: string } }>(
    '/directory/:serviceId/edit',
    { config: { access: 'directory:manage' } },
    async (request, reply) => {
      const existing = await findService(app.database.db, request.params.serviceId)
      if (!existing) return reply.code(404).render('errors/404.njk')
      const values = serviceFormValues(request.body)
      const action = `/directory/${encodeURIComponent(existing.id)}/edit`
      const parsed = parseForm(serviceFormSchema, values)
      if (!parsed.ok)
        return renderForm(reply, {
          values,
          errors: parsed.errors,
          action,
          pageTitle: 'Change service',
          submitText: 'Save changes'
        })
      const service = formToService(existing.id, parsed.data, existing)
      await request.withOrg(async (trx) => {
        await upsertServices(trx, [service])
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'update',
          entityType: 'support_service',
          entityId: service.id
        })
      })
      return reply.flash('Service saved').redirect(`/directory/${encodeURIComponent(service.id)}`, 303)
    }
  )

  for (const [verb, status] of [
    ['retire', 'retired'],
    ['restore', 'active']
  ] as const) {
    app.post<{ Params: { serviceId: string } }>(
      `/directory/:serviceId/${verb}`,
      { config: { access: 'directory:manage' } },
      async (request, reply) => {
        const existing = await findService(app.database.db, request.params.serviceId)
        if (!existing) return reply.code(404).render('errors/404.njk')
        await request.withOrg(async (trx) => {
          await setServiceStatus(trx, existing.id, status)
          await recordAudit(trx, {
            ...auditActor(request),
            action: 'update',
            entityType: 'support_service',
            entityId: existing.id,
            detail: { status }
          })
        })
        return reply
          .flash(status === 'retired' ? 'Service retired: it is no longer listed or suggested' : 'Service active again')
          .redirect(`/directory/${encodeURIComponent(existing.id)}`, 303)
      }
    )
  }

  app.post<{ Params: { serviceId: string } }>(
    '/directory/:serviceId/verify',
    { config: { access: 'directory:manage' } },
    async (request, reply) => {
      const existing = await findService(app.database.db, request.params.serviceId)
      if (!existing) return reply.code(404).render('errors/404.njk')
      await request.withOrg(async (trx) => {
        await markServiceVerified(trx, existing.id, today())
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'update',
          entityType: 'support_service',
          entityId: existing.id,
          detail: { verified: true }
        })
      })
      return reply
        .flash('Service marked as checked today')
        .redirect(`/directory/${encodeURIComponent(existing.id)}`, 303)
    }
  )
}

function formToService(
  id: string,
  f: import('zod').infer<typeof serviceFormSchema>,
  existing: DirectoryService | null
): DirectoryService {
  const verified = f.verified === 'yes'
  return {
    id,
    name: f.name,
    organisationName: f.organisationName,
    organisationId: existing?.organisationId ?? null,
    organisationDescription: existing?.organisationDescription ?? null,
    description: f.description,
    url: f.url,
    email: f.email,
    status: existing?.status ?? 'active',
    barriers: f.barriers,
    offerTypes: f.offerTypes,
    languages: f.languages,
    areas: f.areas,
    eligibility: {
      text: f.eligibility || undefined,
      minimumAge: f.minimumAge,
      maximumAge: f.maximumAge,
      audience: f.audience,
      requiresBenefits: existing?.eligibility.requiresBenefits
    },
    cost: existing?.cost ?? null,
    locations: existing?.locations ?? [],
    contacts: existing?.contacts ?? [],
    schedules: existing?.schedules ?? [],
    verified,
    lastVerifiedOn: verified ? today() : (existing?.lastVerifiedOn ?? null),
    source: existing?.source ?? 'Added by staff'
  }
}

function renderForm(
  reply: FastifyReply,
  context: { values: ServiceFormValues; errors: FormErrors; action: string; pageTitle: string; submitText: string }
) {
  return reply.render('directory/form.njk', {
    ...context,
    errors: context.errors,
    fields: serviceFormFields(context.values, context.errors),
    backLinkHref: '/directory'
  })
}
