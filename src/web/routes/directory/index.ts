/**
 * The support directory: a public, low-bandwidth list at /services (no login), and staff
 * management at /directory (signed in to view, directory:manage to add, change, retire or
 * mark as checked). Every change is audited with the acting user's organisation, in the use
 * cases of src/app/directory.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from '../../../config.js'
import { serviceChangeRows } from './change-rows.js'
import { findService, listServiceChanges, listServices } from '../../../db/repositories/directory.js'
import { addService } from '../../../app/directory/add-service.js'
import { changeServiceStatus } from '../../../app/directory/change-service-status.js'
import { editService } from '../../../app/directory/edit-service.js'
import { markServiceChecked } from '../../../app/directory/mark-service-checked.js'
import { findPublicService, searchPublicServices } from '../../../app/directory/public-services.js'
import { found } from '../../../app/errors.js'
import { can } from '../../../domain/staff/roles.js'
import { noErrors, parseForm, type FormErrors } from '../../form-errors.js'
import { translate } from '../../i18n.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import {
  publicFilterSchema,
  serviceFormSchema,
  serviceFormValues,
  serviceParams,
  type ServiceFormValues
} from './schemas.js'
import {
  dueForReviewRows,
  emptyServiceForm,
  publicFilters,
  publicLanguageText,
  publicServiceItems,
  publicServiceText,
  publicPostcodeText,
  serviceFormFields,
  serviceSummaryRows,
  serviceTableRows,
  serviceToFormValues
} from './view-models.js'

export interface DirectoryRouteOptions {
  config: Config
}

const today = () => new Date().toISOString().slice(0, 10)
const t = (key: string, vars: Record<string, string> = {}) => translate('en', key, vars)
const servicePath = (id: string) => `/directory/${encodeURIComponent(id)}`
/** Checkbox groups whose error links to the first box. */
const boxAnchors = {
  barriers: 'barriers',
  offerTypes: 'offerTypes',
  areas: 'areas',
  delivery: 'delivery',
  audience: 'audience',
  verified: 'verified'
}

export async function directoryRoutes(fastify: FastifyInstance, _opts: DirectoryRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/services',
    { schema: { querystring: publicFilterSchema }, config: { access: 'public' } },
    async (request, reply) => {
      const filter = request.query
      const { services, language, postcode } = await searchPublicServices(app.database.db, filter)
      return reply.header('cache-control', 'public, max-age=300').render('directory/public-list.njk', {
        pageTitle: t('directory.public.title'),
        filters: publicFilters(filter, t),
        language: filter.language ?? '',
        ...publicLanguageText(language, t),
        postcode: filter.postcode ?? '',
        ...publicPostcodeText(postcode, t),
        services: publicServiceItems(services, today())
      })
    }
  )

  app.get(
    '/services/:serviceId',
    { schema: { params: serviceParams }, config: { access: 'public' } },
    async (request, reply) => {
      const service = await findPublicService(app.database.db, request.params.serviceId)
      return reply.render('directory/public-show.njk', {
        pageTitle: service.name,
        service,
        ...publicServiceText(service, today())
      })
    }
  )

  app.get('/directory', { config: { access: 'signed-in' } }, async (request, reply) => {
    const services = await listServices(app.database.db, { includeRetired: true })
    const now = today()
    return reply.render('directory/index.njk', {
      pageTitle: 'Support directory',
      canManage: can(currentUser(request).role, 'directory:manage'),
      rows: serviceTableRows(services, now),
      dueRows: dueForReviewRows(services, now),
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
    const parsed = parseForm(serviceFormSchema(), values, boxAnchors)
    if (!parsed.ok)
      return renderForm(reply, {
        values,
        errors: parsed.errors,
        action: '/directory/new',
        pageTitle: 'Add a service',
        submitText: 'Add service'
      })
    const service = await request.withOrg((trx) => addService(trx, requestActor(request), { details: parsed.data }))
    return reply.flash('Service added').redirect(servicePath(service.id), 303)
  })

  app.get(
    '/directory/:serviceId',
    { schema: { params: serviceParams }, config: { access: 'signed-in' } },
    async (request, reply) => {
      const service = found(await findService(app.database.db, request.params.serviceId), 'support_service')
      // the directory is shared: every organisation sees which organisation changed an entry, and when
      const changes = await listServiceChanges(app.database.db, service.id)
      return reply.render('directory/show.njk', {
        pageTitle: service.name,
        service,
        rows: serviceSummaryRows(service, today()),
        changeRows: serviceChangeRows(changes),
        canManage: can(currentUser(request).role, 'directory:manage'),
        breadcrumbs: [
          { href: '/home', text: 'Home' },
          { href: '/directory', text: 'Support directory' }
        ]
      })
    }
  )

  app.get(
    '/directory/:serviceId/edit',
    { schema: { params: serviceParams }, config: { access: 'directory:manage' } },
    async (request, reply) => {
      const service = found(await findService(app.database.db, request.params.serviceId), 'support_service')
      return renderForm(reply, {
        values: serviceToFormValues(service),
        errors: noErrors,
        action: `${servicePath(service.id)}/edit`,
        pageTitle: 'Change service',
        submitText: 'Save changes'
      })
    }
  )

  app.post(
    '/directory/:serviceId/edit',
    { schema: { params: serviceParams }, config: { access: 'directory:manage' } },
    async (request, reply) => {
      const existing = found(await findService(app.database.db, request.params.serviceId), 'support_service')
      const values = serviceFormValues(request.body)
      const parsed = parseForm(serviceFormSchema(existing.languages), values, boxAnchors)
      if (!parsed.ok)
        return renderForm(reply, {
          values,
          errors: parsed.errors,
          action: `${servicePath(existing.id)}/edit`,
          pageTitle: 'Change service',
          submitText: 'Save changes'
        })
      const service = await request.withOrg((trx) =>
        editService(trx, requestActor(request), { serviceId: existing.id, details: parsed.data })
      )
      return reply.flash('Service saved').redirect(servicePath(service.id), 303)
    }
  )

  for (const [verb, status] of [
    ['retire', 'retired'],
    ['restore', 'active']
  ] as const) {
    app.post(
      `/directory/:serviceId/${verb}`,
      { schema: { params: serviceParams }, config: { access: 'directory:manage' } },
      async (request, reply) => {
        const id = await request.withOrg((trx) =>
          changeServiceStatus(trx, requestActor(request), { serviceId: request.params.serviceId, status })
        )
        return reply
          .flash(status === 'retired' ? 'Service retired: it is no longer listed or suggested' : 'Service active again')
          .redirect(servicePath(id), 303)
      }
    )
  }

  app.post(
    '/directory/:serviceId/verify',
    { schema: { params: serviceParams }, config: { access: 'directory:manage' } },
    async (request, reply) => {
      const id = await request.withOrg((trx) =>
        markServiceChecked(trx, requestActor(request), { serviceId: request.params.serviceId })
      )
      return reply.flash('Service marked as checked today').redirect(servicePath(id), 303)
    }
  )
}

function renderForm(
  reply: FastifyReply,
  context: { values: ServiceFormValues; errors: FormErrors; action: string; pageTitle: string; submitText: string }
) {
  return reply.render('directory/form.njk', {
    ...context,
    fields: serviceFormFields(context.values, context.errors),
    backLinkHref: '/directory'
  })
}
