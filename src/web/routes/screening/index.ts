/**
 * Screening in the patient record: the one-page clinician form (also used to key in a returned paper
 * form), the result page, the take-home handout, the printable paper form, and self-completion invitations.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../../config.js'
import { recordAudit } from '../../../db/repositories/audit.js'
import { findPatient, type Patient } from '../../../db/repositories/patients.js'
import { handoutServices } from '../../../db/repositories/referrals.js'
import {
  createInvite,
  findScreening,
  insertScreening,
  listScreenings,
  storedAssessment,
  type ScreeningMode
} from '../../../db/repositories/screenings.js'
import { assessScreening } from '../../../domain/screening/index.js'
import { isoDateFromParts, formatDate } from '../../../domain/shared/dates.js'
import { can } from '../../../domain/staff/roles.js'
import { dateParts, formErrors, noErrors, text, type FormErrors } from '../../form-errors.js'
import { hasKey, translate, unreviewed } from '../../i18n.js'
import { auditActor } from '../../plugins/auth.js'
import { answersFromBody, languageName, questionnaireSections, type RawAnswers } from './question-fields.js'
import { screeningFormErrors } from './form-errors.js'
import { barrierRows, localDate, planView, readinessView } from './result-view-models.js'
import { PATIENT_LANGUAGES, languageChoice } from './languages.js'

export interface ScreeningRouteOptions {
  config: Config
}

type PatientParams = { Params: { id: string } }
type ScreeningParams = { Params: { id: string; screeningId: string }; Querystring: { lang?: string; large?: string } }

const patientCrumbs = (p: Patient) => [
  { href: '/home', text: 'Home' },
  { href: '/patients', text: 'Patients' },
  { href: `/patients/${p.id}`, text: `${p.familyName.toUpperCase()}, ${p.givenName}` }
]

async function loadPatient(
  request: FastifyRequest,
  patientId: string,
  detail: Record<string, string>
): Promise<Patient | undefined> {
  const user = request.user!
  return request.withOrg(async (trx) => {
    const found = await findPatient(trx, user.orgId, patientId)
    if (found)
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'view',
        entityType: 'patient',
        entityId: found.id,
        patientId: found.id,
        detail
      })
    return found
  })
}

interface FormState {
  mode: 'clinician' | 'paper'
  answers: RawAnswers
  errors: FormErrors
  screenedOn: { day: string; month: string; year: string }
}

function renderForm(reply: FastifyReply, patient: Patient, state: FormState) {
  const paper = state.mode === 'paper'
  return reply.render('screening/form.njk', {
    patient,
    mode: state.mode,
    errors: state.errors,
    sections: questionnaireSections('en', state.answers, state.errors.byField, { staffHints: true }),
    pageTitle: paper ? 'Enter a returned paper screening form' : 'Digital inclusion screening',
    action: `/patients/${patient.id}/screening/new${paper ? '?mode=paper' : ''}`,
    screenedOn: {
      id: 'screenedOn',
      namePrefix: 'screenedOn',
      fieldset: { legend: { text: 'Date the patient filled in the form', size: 's' } },
      hint: { text: 'For example, 27 3 2026' },
      errorMessage: state.errors.byField.screenedOn,
      items: [
        {
          name: 'day',
          label: 'Day',
          classes: 'nhsuk-input--width-2',
          value: state.screenedOn.day,
          inputmode: 'numeric'
        },
        {
          name: 'month',
          label: 'Month',
          classes: 'nhsuk-input--width-2',
          value: state.screenedOn.month,
          inputmode: 'numeric'
        },
        {
          name: 'year',
          label: 'Year',
          classes: 'nhsuk-input--width-4',
          value: state.screenedOn.year,
          inputmode: 'numeric'
        }
      ]
    },
    gridColumn: 'nhsuk-grid-column-full',
    breadcrumbs: patientCrumbs(patient)
  })
}

/** Where the screening date comes from: now, or the date written on a paper form. */
function paperDate(
  parts: { day: string; month: string; year: string },
  today: string
): { ok: true; at: Date } | { ok: false; text: string } {
  if (!parts.day && !parts.month && !parts.year)
    return { ok: false, text: 'Enter the date the patient filled in the form' }
  const iso = isoDateFromParts(parts.day, parts.month, parts.year)
  if (!iso) return { ok: false, text: 'Date must be a real date, for example 27 3 2026' }
  if (iso > today) return { ok: false, text: 'Date must be today or in the past' }
  return { ok: true, at: new Date(`${iso}T12:00:00Z`) }
}

export async function screeningRoutes(app: FastifyInstance, opts: ScreeningRouteOptions): Promise<void> {
  app.get<PatientParams & { Querystring: { mode?: string } }>(
    '/patients/:id/screening/new',
    { config: { access: 'screening:write' } },
    async (request, reply) => {
      const patient = await loadPatient(request, request.params.id, { page: 'screening-form' })
      if (!patient) return reply.code(404).render('errors/404.njk')
      return renderForm(reply, patient, {
        mode: request.query.mode === 'paper' ? 'paper' : 'clinician',
        answers: {},
        errors: noErrors,
        screenedOn: { day: '', month: '', year: '' }
      })
    }
  )

  app.post<PatientParams & { Querystring: { mode?: string } }>(
    '/patients/:id/screening/new',
    { config: { access: 'screening:write' } },
    async (request, reply) => {
      const user = request.user!
      const body = (request.body ?? {}) as Record<string, unknown>
      const mode: ScreeningMode = request.query.mode === 'paper' ? 'paper' : 'clinician'
      const patient = await request.withOrg((trx) => findPatient(trx, user.orgId, request.params.id))
      if (!patient) return reply.code(404).render('errors/404.njk')
      const declined = text(body.action) === 'declined'
      const answers: RawAnswers = declined ? { participation: 'declined' } : answersFromBody(body)
      const screenedOn = dateParts(body, 'screenedOn')
      const state: FormState = { mode, answers, errors: noErrors, screenedOn }
      let screenedAt = new Date()
      const dateProblem: { field: string; text: string; anchor: string }[] = []
      if (mode === 'paper') {
        const d = paperDate(screenedOn, new Date().toISOString().slice(0, 10))
        if (d.ok) screenedAt = d.at
        else dateProblem.push({ field: 'screenedOn', text: d.text, anchor: 'screenedOn-day' })
      }
      const check = assessScreening(answers)
      const problems = screeningFormErrors(check.errors, 'en')
      if (problems.list.length > 0 || dateProblem.length > 0) {
        const all = formErrors([
          ...dateProblem,
          ...problems.list.map((e) => ({ field: e.href.slice(1), text: e.text }))
        ])
        return renderForm(reply, patient, { ...state, errors: all })
      }
      const saved = await request.withOrg(async (trx) => {
        const { row } = await insertScreening(trx, user.orgId, {
          patientId: patient.id,
          mode,
          language: 'en',
          answers,
          screenedAt,
          enteredBy: user.id,
          teamId: user.teamId ?? patient.teamId,
          rescreenIntervalMonths: opts.config.rescreenMonths
        })
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'create',
          entityType: 'screening',
          entityId: row.id,
          patientId: patient.id,
          detail: { mode, status: row.status }
        })
        return row
      })
      return reply
        .flash(saved.status === 'declined' ? 'Recorded that the patient declined screening' : 'Screening saved')
        .redirect(`/patients/${patient.id}/screening/${saved.id}`, 303)
    }
  )

  app.get<PatientParams>('/patients/:id/screening', { config: { access: 'patient:read' } }, async (request, reply) => {
    const user = request.user!
    const found = await request.withOrg(async (trx) => {
      const patient = await findPatient(trx, user.orgId, request.params.id)
      if (!patient) return null
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'view',
        entityType: 'screening',
        patientId: patient.id,
        detail: { page: 'history' }
      })
      return { patient, rows: await listScreenings(trx, user.orgId, patient.id) }
    })
    if (!found) return reply.code(404).render('errors/404.njk')
    return reply.render('screening/history.njk', {
      patient: found.patient,
      breadcrumbs: patientCrumbs(found.patient),
      rows: found.rows.map((r) => [
        {
          html: `<a href="/patients/${found.patient.id}/screening/${r.id}">${formatDate(r.screened_at)}</a>`,
          header: 'Date'
        },
        { text: r.status, header: 'Status' },
        { text: r.mode, header: 'Mode' },
        { text: r.readiness.replace(/_/g, ' '), header: 'Readiness' }
      ])
    })
  })

  app.get<ScreeningParams>(
    '/patients/:id/screening/:screeningId',
    { config: { access: 'patient:read' } },
    async (request, reply) => {
      const found = await loadScreening(request)
      if (!found) return reply.code(404).render('errors/404.njk')
      const { patient, row } = found
      const a = storedAssessment(row)
      return reply.render('screening/result.njk', {
        patient,
        row,
        gridColumn: 'nhsuk-grid-column-full',
        breadcrumbs: patientCrumbs(patient),
        barrierRows: barrierRows(a),
        readiness: readinessView(a),
        plan: planView(a),
        status: a.status,
        eheals: a.eheals.status === 'complete' ? a.eheals.score : null,
        rescreenDueOn: row.rescreen_due_on,
        rescreenMonths: opts.config.rescreenMonths,
        canScreen: can(request.user!.role, 'screening:write'),
        languages: PATIENT_LANGUAGES,
        languageName: languageName('en', row.language, row.language)
      })
    }
  )

  app.get<ScreeningParams>(
    '/patients/:id/screening/:screeningId/handout',
    { config: { access: 'patient:read' } },
    async (request, reply) => {
      const found = await loadScreening(request, 'handout')
      if (!found) return reply.code(404).render('errors/404.njk')
      const { patient, row } = found
      const choice = languageChoice(request.query.lang ?? patient.mainLanguage ?? 'en')
      const a = storedAssessment(row)
      const supportServices =
        a.status === 'declined'
          ? []
          : await request.withOrg((trx) => handoutServices(trx, request.user!.orgId, patient.id))
      return reply.render('screening/handout.njk', {
        supportServices,
        patient,
        row,
        plan: planView(a, choice.code),
        declined: a.status === 'declined',
        lang: choice.code,
        dir: choice.dir,
        large: request.query.large === '1',
        unreviewed: unreviewed.has(`screening/${choice.code}`),
        english: planView(a, 'en'),
        tr: translator(choice.code),
        trEn: translator('en'),
        screenedOn: localDate(choice.code, row.screened_at),
        screenedOnEn: formatDate(row.screened_at),
        organisationName: request.organisation?.name ?? '',
        languages: PATIENT_LANGUAGES,
        pageTitle: 'Handout',
        gridColumn: 'nhsuk-grid-column-full',
        backLinkHref: `/patients/${patient.id}/screening/${row.id}`
      })
    }
  )

  app.get<PatientParams & { Querystring: { lang?: string; large?: string } }>(
    '/patients/:id/screening/paper',
    { config: { access: 'patient:read' } },
    async (request, reply) => {
      const patient = await loadPatient(request, request.params.id, { page: 'screening-paper' })
      if (!patient) return reply.code(404).render('errors/404.njk')
      return renderPaper(reply, request.query, patient)
    }
  )

  app.get<{ Querystring: { lang?: string; large?: string } }>(
    '/screening/paper',
    { config: { access: 'signed-in' } },
    async (request, reply) => renderPaper(reply, request.query, null)
  )

  app.post<PatientParams>(
    '/patients/:id/screening/invite',
    { config: { access: 'screening:write' } },
    async (request, reply) => {
      const user = request.user!
      const body = (request.body ?? {}) as Record<string, unknown>
      const choice = languageChoice(text(body.language) || 'en')
      const easyRead = text(body.easyRead) === 'yes'
      const created = await request.withOrg(async (trx) => {
        const patient = await findPatient(trx, user.orgId, request.params.id)
        if (!patient) return null
        const invite = await createInvite(trx, user.orgId, {
          patientId: patient.id,
          language: choice.code,
          easyRead,
          createdBy: user.id
        })
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'create',
          entityType: 'screening_invite',
          entityId: invite.invite.id,
          patientId: patient.id
        })
        return { patient, ...invite }
      })
      if (!created) return reply.code(404).render('errors/404.njk')
      const origin = `${request.protocol}://${request.host}`
      return reply.render('screening/invite.njk', {
        patient: created.patient,
        link: `${origin}/s/${created.token}`,
        codeUrl: `${origin}/s`,
        shortCode: `${created.shortCode.slice(0, 4)} ${created.shortCode.slice(4)}`,
        expiresOn: formatDate(created.invite.expires_at),
        expiresOnLocal: localDate(choice.code, created.invite.expires_at),
        lang: choice.code,
        dir: choice.dir,
        tr: translator(choice.code),
        pageTitle: 'Self-completion link created',
        breadcrumbs: patientCrumbs(created.patient)
      })
    }
  )
}

async function loadScreening(request: FastifyRequest<ScreeningParams>, page = 'result') {
  const user = request.user!
  return request.withOrg(async (trx) => {
    const patient = await findPatient(trx, user.orgId, request.params.id)
    if (!patient) return null
    const row = await findScreening(trx, user.orgId, patient.id, request.params.screeningId)
    if (!row) return null
    await recordAudit(trx, {
      ...auditActor(request),
      action: 'view',
      entityType: 'screening',
      entityId: row.id,
      patientId: patient.id,
      detail: { page }
    })
    return { patient, row }
  })
}

function renderPaper(reply: FastifyReply, query: { lang?: string; large?: string }, patient: Patient | null) {
  const choice = languageChoice(query.lang ?? patient?.mainLanguage ?? 'en')
  return reply.render('screening/paper.njk', {
    patient,
    lang: choice.code,
    dir: choice.dir,
    tr: translator(choice.code),
    large: query.large === '1',
    sections: questionnaireSections(choice.code, {}, {}),
    languages: PATIENT_LANGUAGES,
    pageTitle: 'Paper screening form',
    gridColumn: 'nhsuk-grid-column-full',
    hasTranslation: hasKey(choice.code, 'screening.title'),
    unreviewed: unreviewed.has(`screening/${choice.code}`),
    backLinkHref: patient ? `/patients/${patient.id}` : '/home'
  })
}

/** `tr(key, vars)` for templates: words in one language. */
function translator(lang: string) {
  return (key: string, vars?: Record<string, string | number>) => translate(lang, key, vars)
}
