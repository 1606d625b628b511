/**
 * Screening in the patient record: the one-page clinician form (also used to key in a returned paper
 * form), the result page, the take-home handout, the printable paper form, and self-completion invitations.
 * Screenings are stored by `recordScreening`, the one use case every entry point calls.
 */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from '../../../config.js'
import { found } from '../../../app/errors.js'
import { createScreeningInvite } from '../../../app/screening/create-invite.js'
import { applyScreeningToRecord } from '../../../app/screening/apply-to-record.js'
import { markScreeningReviewed } from '../../../app/screening/review-screening.js'
import { prefillAnswers } from '../../../domain/screening/prefill.js'
import { recordScreening } from '../../../app/screening/record-screening.js'
import {
  openScreeningForm,
  viewPatientForScreening,
  viewScreening,
  viewScreeningHistory
} from '../../../app/screening/view-screening.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { findPatient } from '../../../db/repositories/patients.js'
import { handoutServices } from '../../../app/referrals/handout-services.js'
import { screeningFromEasyReadLink, type ScreeningMode } from '../../../db/repositories/screenings.js'
import { screeningQuestionnaire, validateAnswers } from '../../../domain/screening/index.js'
import { isoDateFromParts } from '../../../domain/shared/dates.js'
import { can } from '../../../domain/staff/roles.js'
import { dateParts, formErrors, noErrors, text } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import { idParams, queryText, uuid } from '../../schemas.js'
import { answersFromBody, type RawAnswers } from './question-fields.js'
import { screeningFormErrors } from './form-errors.js'
import { languageChoice } from './languages.js'
import { hasEasyReadWording } from './easy-read.js'
import { easyHandoutChoice, easyHandoutView } from './handout-easy-view-model.js'
import {
  handoutView,
  historyRows,
  inviteView,
  paperFormView,
  patientCrumbs,
  resultView,
  screeningFormView,
  type DateParts
} from './view-models.js'

export interface ScreeningRouteOptions {
  config: Config
}

const modeQuery = z.object({ mode: queryText })
const languageQuery = z.object({ lang: queryText, large: queryText, easy: queryText })
const screeningParams = z.object({ id: uuid, screeningId: uuid })

const formMode = (mode: string | undefined): 'clinician' | 'paper' => (mode === 'paper' ? 'paper' : 'clinician')
const today = () => new Date().toISOString().slice(0, 10)

/** Where the screening date comes from: now, or the date written on a paper form. */
function paperDate(parts: DateParts, today: string): { ok: true; at: Date } | { ok: false; text: string } {
  if (!parts.day && !parts.month && !parts.year)
    return { ok: false, text: 'Enter the date the patient filled in the form' }
  const iso = isoDateFromParts(parts.day, parts.month, parts.year)
  if (!iso) return { ok: false, text: 'Date must be a real date, for example 27 3 2026' }
  if (iso > today) return { ok: false, text: 'Date must be today or in the past' }
  return { ok: true, at: new Date(`${iso}T12:00:00Z`) }
}

export async function screeningRoutes(app: FastifyInstance, opts: ScreeningRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/patients/:id/screening/new',
    { schema: { params: idParams, querystring: modeQuery }, config: { access: 'screening:write' } },
    async (request, reply) => {
      const mode = formMode(request.query.mode)
      const { patient, lastAnswers, lastScreenedAt } = await request.withOrg((trx) =>
        openScreeningForm(trx, requestActor(request), { patientId: request.params.id })
      )
      // A returned paper form is keyed in as written: nothing is pre-filled.
      const prefill = mode === 'paper' ? { answers: {}, source: null } : prefillAnswers(patient, lastAnswers)
      return reply.render(
        'screening/form.njk',
        screeningFormView(patient, {
          mode,
          answers: prefill.answers,
          errors: noErrors,
          screenedOn: { day: '', month: '', year: '' },
          prefilledFrom:
            prefill.source === 'screening' && lastScreenedAt
              ? `the last screening (${formatDate(lastScreenedAt)})`
              : prefill.source === 'record'
                ? 'the patient record'
                : null
        })
      )
    }
  )

  r.post(
    '/patients/:id/screening/new',
    { schema: { params: idParams, querystring: modeQuery }, config: { access: 'screening:write' } },
    async (request, reply) => {
      const actor = requestActor(request)
      const body = (request.body ?? {}) as Record<string, unknown>
      const mode: ScreeningMode = formMode(request.query.mode)
      const declined = text(body.action) === 'declined'
      const incomplete = text(body.action) === 'incomplete'
      if (text(body.action) === 'refresh') {
        // No JavaScript: show the questions that apply to the answers so far; nothing is saved.
        const patient = await request.withOrg((trx) =>
          viewPatientForScreening(trx, actor, { patientId: request.params.id, page: 'screening-form' })
        )
        return reply.render(
          'screening/form.njk',
          screeningFormView(patient, {
            mode: formMode(request.query.mode),
            answers: answersFromBody(body),
            errors: noErrors,
            screenedOn: dateParts(body, 'screenedOn')
          })
        )
      }
      const answers: RawAnswers = declined ? { participation: 'declined' } : answersFromBody(body)
      const screenedOn = dateParts(body, 'screenedOn')
      const date = mode === 'paper' ? paperDate(screenedOn, today()) : { ok: true as const, at: new Date() }
      const outcome = await request.withOrg(async (trx) => {
        const recorded = date.ok
          ? await recordScreening(
              trx,
              actor,
              { patient: { id: request.params.id }, mode, language: 'en', answers, screenedAt: date.at, incomplete },
              opts.config
            )
          : { ok: false as const, errors: validateAnswers(screeningQuestionnaire, answers) }
        if (recorded.ok) return recorded
        // the form is shown again: the patient must be one of ours (a 404 otherwise, as for a valid post)
        return { ...recorded, patient: found(await findPatient(trx, actor.orgId, request.params.id), 'patient') }
      })
      if (outcome.ok)
        return reply
          .flash(
            outcome.row.status === 'declined'
              ? 'Recorded that the patient declined screening'
              : outcome.row.status === 'partial'
                ? 'Saved as incomplete: finish it at the next contact'
                : 'Screening saved'
          )
          .redirect(`/patients/${outcome.patient.id}/screening/${outcome.row.id}`, 303)
      const dateProblem = date.ok ? [] : [{ field: 'screenedOn', text: date.text, anchor: 'screenedOn-day' }]
      const errors = formErrors([
        ...dateProblem,
        ...screeningFormErrors(outcome.errors, 'en').list.map((e) => ({ field: e.href.slice(1), text: e.text }))
      ])
      return reply.render(
        'screening/form.njk',
        screeningFormView(outcome.patient, { mode, answers, errors, screenedOn })
      )
    }
  )

  r.get(
    '/patients/:id/screening',
    { schema: { params: idParams }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const { patient, rows } = await request.withOrg((trx) =>
        viewScreeningHistory(trx, requestActor(request), { patientId: request.params.id })
      )
      return reply.render('screening/history.njk', {
        patient,
        breadcrumbs: patientCrumbs(patient),
        rows: historyRows(patient.id, rows)
      })
    }
  )

  r.get(
    '/patients/:id/screening/:screeningId',
    { schema: { params: screeningParams }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const { patient, row } = await request.withOrg((trx) =>
        viewScreening(trx, requestActor(request), {
          patientId: request.params.id,
          screeningId: request.params.screeningId,
          page: 'result'
        })
      )
      return reply.render(
        'screening/result.njk',
        resultView(patient, row, {
          rescreenMonths: opts.config.rescreenMonths,
          canScreen: can(currentUser(request).role, 'screening:write'),
          canUpdateRecord: can(currentUser(request).role, 'patient:write'),
          canRefer: can(currentUser(request).role, 'referral:write')
        })
      )
    }
  )

  r.post(
    '/patients/:id/screening/:screeningId/reviewed',
    { schema: { params: screeningParams }, config: { access: 'screening:write' } },
    async (request, reply) => {
      await request.withOrg((trx) =>
        markScreeningReviewed(trx, requestActor(request), {
          patientId: request.params.id,
          screeningId: request.params.screeningId
        })
      )
      return reply.redirect(`/patients/${request.params.id}/screening/${request.params.screeningId}`, 303)
    }
  )

  // Staff confirm what the screening says about language and needs: the record is updated to match.
  r.post(
    '/patients/:id/screening/:screeningId/apply-to-record',
    { schema: { params: screeningParams }, config: { access: 'patient:write' } },
    async (request, reply) => {
      await request.withOrg((trx) =>
        applyScreeningToRecord(trx, requestActor(request), {
          patientId: request.params.id,
          screeningId: request.params.screeningId
        })
      )
      return reply.redirect(
        `/patients/${request.params.id}/screening/${request.params.screeningId}?updated=record`,
        303
      )
    }
  )

  r.get(
    '/patients/:id/screening/:screeningId/handout',
    { schema: { params: screeningParams, querystring: languageQuery }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const actor = requestActor(request)
      const { patient, row } = await request.withOrg((trx) =>
        viewScreening(trx, actor, {
          patientId: request.params.id,
          screeningId: request.params.screeningId,
          page: 'handout'
        })
      )
      const choice = languageChoice(request.query.lang ?? patient.mainLanguage ?? 'en')
      const supportServices =
        row.status === 'declined'
          ? []
          : await request.withOrg((trx) => handoutServices(trx, actor, { patientId: patient.id }))
      const usedEasyReadLink =
        row.mode === 'self' && (await request.withOrg((trx) => screeningFromEasyReadLink(trx, actor.orgId, row.id)))
      const easyRead = easyHandoutChoice(request.query.easy, row, patient, usedEasyReadLink)
      const large = request.query.large === '1'
      const organisationName = request.organisation?.name ?? ''
      if (easyRead && hasEasyReadWording(choice.code))
        return reply.render(
          'screening/handout-easy.njk',
          easyHandoutView(patient, row, { choice, large, reason: easyRead, organisationName, supportServices })
        )
      return reply.render('screening/handout.njk', {
        ...handoutView(patient, row, { choice, large, organisationName, supportServices }),
        // Easy Read wanted, but there is no Easy Read wording in this language: the standard handout, and a link
        easyReadUnavailable: easyRead !== null
      })
    }
  )

  r.get(
    '/patients/:id/screening/paper',
    { schema: { params: idParams, querystring: languageQuery }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const patient = await request.withOrg((trx) =>
        viewPatientForScreening(trx, requestActor(request), { patientId: request.params.id, page: 'screening-paper' })
      )
      const choice = languageChoice(request.query.lang ?? patient.mainLanguage ?? 'en')
      return reply.render('screening/paper.njk', paperFormView(choice, request.query.large === '1', patient))
    }
  )

  r.get(
    '/screening/paper',
    { schema: { querystring: languageQuery }, config: { access: 'signed-in' } },
    async (request, reply) =>
      reply.render(
        'screening/paper.njk',
        paperFormView(languageChoice(request.query.lang ?? 'en'), request.query.large === '1', null)
      )
  )

  r.post(
    '/patients/:id/screening/invite',
    { schema: { params: idParams }, config: { access: 'screening:write' } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const choice = languageChoice(text(body.language) || 'en')
      const created = await request.withOrg((trx) =>
        createScreeningInvite(trx, requestActor(request), {
          patientId: request.params.id,
          language: choice.code,
          easyRead: text(body.easyRead) === 'yes'
        })
      )
      return reply.render('screening/invite.njk', inviteView(created, opts.config.publicUrl, choice))
    }
  )
}
