/**
 * Referrals: suggestions with reasons and the consent form (/patients/:patientId/referrals),
 * one referral with its lifecycle, notes and history (/referrals/:referralId) and its letter to print
 * (/referrals/:referralId/letter), overdue follow-ups by team (/referrals),
 * and the partner link (/partner/:token: no account, expiring, only its sha256 stored).
 * A referral without consent is refused. Letters and emails are queued in outbox_message;
 * nothing is sent (sending needs an SMTP setting that does not exist yet: docs/referrals.md).
 * The work is in the use cases of src/app/referrals; these handlers parse, call one and render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from '../../../config.js'
import { withOrg } from '../../../db/connect.js'
import { NotFoundError } from '../../../app/errors.js'
import { changeReferralStatus } from '../../../app/referrals/change-referral-status.js'
import { createReferral } from '../../../app/referrals/create-referral.js'
import { addReferralNote } from '../../../app/referrals/add-referral-note.js'
import { NoteRefusedError, ServiceNotSuggestedError, StepRefusedError } from '../../../app/referrals/errors.js'
import { listOverdueFollowUps } from '../../../app/referrals/list-overdue-follow-ups.js'
import { viewPartnerLink, type PartnerView } from '../../../app/referrals/open-partner-link.js'
import { partnerActor } from '../../../app/referrals/partner-actor.js'
import { viewPatientReferrals } from '../../../app/referrals/view-patient-referrals.js'
import { viewReferral } from '../../../app/referrals/view-referral.js'
import { viewReferralLetter } from '../../../app/referrals/view-referral-letter.js'
import type { ConsentScope } from '../../../domain/referrals/consent.js'
import { NOTE_MAX_LENGTH } from '../../../domain/referrals/notes.js'
import { allowedSteps } from '../../../domain/referrals/status-lifecycle.js'
import { can } from '../../../domain/staff/roles.js'
import { formErrors, noErrors, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import {
  emptyReferralForm,
  emptyReferralPage,
  noteFormValues,
  partnerParams,
  patientParams,
  referralFormValues,
  referralParams,
  stepFormValues,
  validateReferralForm,
  type ReferralFormValues,
  type ReferralPageValues
} from './schemas.js'
import {
  addingOutcome,
  followUpGroups,
  noteField,
  partnerHistory,
  partnerSteps,
  patientReferralRows,
  referralEventRows,
  referralFormFields,
  referralSummaryRows,
  statusText,
  stepField,
  suggestionList
} from './view-models.js'

export interface ReferralsRouteOptions {
  config: Config
}

const fieldError = (field: string, message: string) => formErrors([{ field, text: message }])
const stepErrors = (message: string) => fieldError('step', message)

export async function referralsRoutes(fastify: FastifyInstance, opts: ReferralsRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  async function renderPatientPage(
    request: FastifyRequest,
    reply: FastifyReply,
    patientId: string,
    values: ReferralFormValues,
    errors: FormErrors
  ) {
    const { patient, screening, suggestions, referrals } = await request.withOrg((trx) =>
      viewPatientReferrals(trx, requestActor(request), { patientId })
    )
    const patientName = `${patient.givenName} ${patient.familyName}`
    return reply.render('referrals/patient.njk', {
      pageTitle: `Referrals for ${patientName}`,
      patientName,
      patientId: patient.id,
      errors,
      hasScreening: Boolean(screening),
      canRefer: can(currentUser(request).role, 'referral:write'),
      suggestionList: suggestionList(suggestions),
      referrals: patientReferralRows(referrals),
      suggestions,
      fields: referralFormFields(suggestions, values, errors),
      breadcrumbs: [
        { href: '/home', text: 'Home' },
        { href: '/patients', text: 'Patients' },
        { href: `/patients/${patient.id}`, text: patientName }
      ]
    })
  }

  app.get(
    '/patients/:patientId/referrals',
    { schema: { params: patientParams }, config: { access: 'patient:read' } },
    async (request, reply) => renderPatientPage(request, reply, request.params.patientId, emptyReferralForm, noErrors)
  )

  app.post(
    '/patients/:patientId/referrals',
    { schema: { params: patientParams }, config: { access: 'referral:write' } },
    async (request, reply) => {
      const { patientId } = request.params
      const values = referralFormValues(request.body)
      const parsed = validateReferralForm(values)
      if (!parsed.ok) return renderPatientPage(request, reply, patientId, values, parsed.errors)
      try {
        const created = await request.withOrg((trx) =>
          createReferral(
            trx,
            requestActor(request),
            {
              patientId,
              serviceId: parsed.data.serviceId,
              consentGiven: parsed.data.consent === 'yes',
              consentScope: parsed.data.consentScope as ConsentScope[],
              channel: parsed.data.channel
            },
            { partnerBaseUrl: opts.config.publicUrl }
          )
        )
        return reply
          .flash(
            created.channel === 'email'
              ? 'Referral made. The email is queued to send'
              : 'Referral made. Print the letter below'
          )
          .redirect(`/referrals/${created.referralId}`, 303)
      } catch (error) {
        if (!(error instanceof ServiceNotSuggestedError)) throw error
        return renderPatientPage(
          request,
          reply,
          patientId,
          values,
          formErrors([{ field: 'serviceId', text: error.message }])
        )
      }
    }
  )

  app.get('/referrals', { config: { access: 'referral:write' } }, async (request, reply) => {
    const rows = await request.withOrg((trx) => listOverdueFollowUps(trx, requestActor(request)))
    return reply.render('referrals/follow-ups.njk', {
      pageTitle: 'Referral follow-ups',
      groups: followUpGroups(rows),
      breadcrumbs: [{ href: '/home', text: 'Home' }]
    })
  })

  async function renderReferral(
    request: FastifyRequest,
    reply: FastifyReply,
    referralId: string,
    errors: FormErrors,
    values: ReferralPageValues = emptyReferralPage
  ) {
    const details = await request.withOrg((trx) => viewReferral(trx, requestActor(request), { referralId }))
    const { referral, patient, service, events, outcomes, outbox } = details
    const status = referral.status
    const field = stepField(status, outcomes, errors, values.step)
    return reply.render('referrals/show.njk', {
      pageTitle: `Referral to ${service?.name ?? 'a service'}`,
      serviceName: service?.name ?? referral.service_id,
      referralId: referral.id,
      version: status,
      errors,
      canWrite: can(currentUser(request).role, 'referral:write'),
      steps: field.items,
      stepField: field,
      addingOutcome: addingOutcome(status, outcomes),
      closed: status === 'outcome' && field.items.length === 0,
      stepNoteField: noteField('stepNote', values.stepNote, errors),
      noteField: noteField('note', values.note, errors),
      rows: referralSummaryRows(details),
      events: referralEventRows(events),
      outbox,
      breadcrumbs: [
        { href: '/home', text: 'Home' },
        ...(patient ? [{ href: `/patients/${patient.id}/referrals`, text: 'Referrals for this patient' }] : [])
      ]
    })
  }

  app.get(
    '/referrals/:referralId',
    { schema: { params: referralParams }, config: { access: 'patient:read' } },
    async (request, reply) => renderReferral(request, reply, request.params.referralId, noErrors)
  )

  app.get(
    '/referrals/:referralId/letter',
    { schema: { params: referralParams }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const letter = await request.withOrg((trx) =>
        viewReferralLetter(trx, requestActor(request), { referralId: request.params.referralId })
      )
      return reply.render('referrals/letter.njk', {
        pageTitle: `Referral letter to ${letter.serviceName}`,
        ...letter,
        breadcrumbs: [
          { href: '/home', text: 'Home' },
          { href: `/patients/${letter.patientId}/referrals`, text: 'Referrals for this patient' },
          { href: `/referrals/${letter.referralId}`, text: `Referral to ${letter.serviceName}` }
        ]
      })
    }
  )

  app.post(
    '/referrals/:referralId/status',
    { schema: { params: referralParams }, config: { access: 'referral:write' } },
    async (request, reply) => {
      const { referralId } = request.params
      const { step, stepValue, version, stepNote } = stepFormValues(request.body)
      const values = { ...emptyReferralPage, step: stepValue, stepNote }
      if (!step) return renderReferral(request, reply, referralId, stepErrors('Select what has happened'), values)
      try {
        await request.withOrg((trx) =>
          changeReferralStatus(trx, requestActor(request), {
            referralId,
            step,
            expectedStatus: version,
            note: stepNote
          })
        )
      } catch (error) {
        if (error instanceof StepRefusedError)
          return renderReferral(request, reply, referralId, stepErrors(error.message), values)
        if (error instanceof NoteRefusedError)
          return renderReferral(request, reply, referralId, fieldError('stepNote', error.message), values)
        throw error
      }
      return reply.flash('Referral updated').redirect(`/referrals/${referralId}`, 303)
    }
  )

  app.post(
    '/referrals/:referralId/notes',
    { schema: { params: referralParams }, config: { access: 'referral:write' } },
    async (request, reply) => {
      const { referralId } = request.params
      const { note } = noteFormValues(request.body)
      try {
        await request.withOrg((trx) => addReferralNote(trx, requestActor(request), { referralId, note }))
      } catch (error) {
        if (!(error instanceof NoteRefusedError)) throw error
        return renderReferral(request, reply, referralId, fieldError('note', error.message), {
          ...emptyReferralPage,
          note
        })
      }
      return reply.flash('Note added').redirect(`/referrals/${referralId}#history`, 303)
    }
  )

  function renderPartner(
    reply: FastifyReply,
    token: string,
    view: PartnerView,
    extra: { done?: string; errors?: FormErrors; values?: ReferralPageValues }
  ) {
    const { referral, outcomes, events } = view
    const errors = extra.errors ?? noErrors
    const values = extra.values ?? emptyReferralPage
    return reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .render('referrals/partner.njk', {
        pageTitle: `${errors.list.length ? 'Error: ' : ''}Update a referral to ${referral.service_name}`,
        serviceName: referral.service_name,
        token,
        version: referral.status,
        reference: referral.id.slice(0, 8).toUpperCase(),
        statusText: statusText(referral, outcomes),
        steps: partnerSteps(referral.status, outcomes, values.step),
        addingOutcome: addingOutcome(referral.status, outcomes),
        closed: referral.status === 'outcome' && allowedSteps(referral.status, outcomes).length === 0,
        history: partnerHistory(events),
        noteMaxLength: NOTE_MAX_LENGTH,
        errors,
        values,
        done: extra.done
      })
  }

  const partnerView = (token: string) => viewPartnerLink(app.database.db, { token })

  app.get(
    '/partner/:token',
    { schema: { params: partnerParams }, config: { access: 'public' } },
    async (request, reply) => renderPartner(reply, request.params.token, await partnerView(request.params.token), {})
  )

  app.post(
    '/partner/:token',
    { schema: { params: partnerParams }, config: { access: 'public' } },
    async (request, reply) => {
      const { token } = request.params
      const view = await partnerView(token)
      const { step, stepValue, version, stepNote } = stepFormValues(request.body)
      const values = { ...emptyReferralPage, step: stepValue, stepNote }
      if (!step) return renderPartner(reply, token, view, { errors: stepErrors('Select what has happened'), values })
      const actor = partnerActor(view.referral.org_id, request.ip, request.headers['user-agent'] ?? null)
      try {
        await withOrg(app.database, view.referral.org_id, (trx) =>
          changeReferralStatus(trx, actor, {
            referralId: view.referral.id,
            step,
            expectedStatus: version,
            note: stepNote
          })
        )
      } catch (error) {
        if (error instanceof StepRefusedError)
          return renderPartner(reply, token, view, { errors: stepErrors(error.message), values })
        if (error instanceof NoteRefusedError)
          return renderPartner(reply, token, view, { errors: fieldError('stepNote', error.message), values })
        throw error
      }
      const updated = await partnerView(token).catch((error: unknown) => {
        if (error instanceof NotFoundError) return view
        throw error
      })
      return renderPartner(reply, token, updated, {
        done: `Thank you. The referral is now: ${statusText(updated.referral, updated.outcomes)}.`
      })
    }
  )

  app.post(
    '/partner/:token/notes',
    { schema: { params: partnerParams }, config: { access: 'public' } },
    async (request, reply) => {
      const { token } = request.params
      const view = await partnerView(token)
      const { note } = noteFormValues(request.body)
      const actor = partnerActor(view.referral.org_id, request.ip, request.headers['user-agent'] ?? null)
      try {
        await withOrg(app.database, view.referral.org_id, (trx) =>
          addReferralNote(trx, actor, { referralId: view.referral.id, note })
        )
      } catch (error) {
        if (!(error instanceof NoteRefusedError)) throw error
        return renderPartner(reply, token, view, {
          errors: fieldError('note', error.message),
          values: { ...emptyReferralPage, note }
        })
      }
      return renderPartner(reply, token, view, { done: 'Thank you. Your note has been sent to the care team.' })
    }
  )
}
