/**
 * FHIR R4 endpoints for the screening: the Questionnaire definition (public), QuestionnaireResponse
 * export (audited) and import (validated against the definition, errors by item linkId path).
 * The import accepts only JSON bodies, which a browser cannot send cross-site without a CORS preflight
 * (which we never allow), so it needs no CSRF form token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Bundle, OperationOutcome, QuestionnaireResponse } from '@medplum/fhirtypes'
import type { Config } from '../../../config.js'
import { recordAudit } from '../../../db/repositories/audit.js'
import { findPatient, findPatientByNhsNumber } from '../../../db/repositories/patients.js'
import {
  findScreening,
  insertScreening,
  listScreenings,
  storedAnswers,
  type ScreeningRow
} from '../../../db/repositories/screenings.js'
import { assessScreening, screeningQuestionnaire } from '../../../domain/screening/index.js'
import { parseQuestionnaireResponse, toQuestionnaireResponse } from '../../../fhir/questionnaire-response.js'
import { auditActor } from '../../plugins/auth.js'

export interface FhirRouteOptions {
  config: Config
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8'

/** A browser asking for a page gets the resource shown in a readable page; everything else gets FHIR JSON. */
function wantsPage(request: FastifyRequest): boolean {
  const query = request.query as Record<string, string | undefined>
  if (query._format === 'json' || query._format === 'application/fhir+json') return false
  return String(request.headers.accept ?? '').includes('text/html')
}

function sendResource(request: FastifyRequest, reply: FastifyReply, resource: object, title: string, status = 200) {
  if (!wantsPage(request)) return reply.code(status).type(FHIR_JSON).send(resource)
  const url = new URL(request.url, 'http://local')
  url.searchParams.set('_format', 'json')
  return reply.code(status).render('screening/fhir.njk', {
    pageTitle: title,
    json: JSON.stringify(resource, null, 2),
    jsonHref: url.pathname + url.search,
    gridColumn: 'nhsuk-grid-column-full'
  })
}

function outcome(reply: FastifyReply, status: number, issues: { path?: string; message: string; code?: string }[]) {
  const body: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: 'error',
      code: (i.code ?? 'invalid') as 'invalid',
      diagnostics: i.message,
      expression: i.path ? [i.path] : undefined
    }))
  }
  return reply.code(status).type(FHIR_JSON).send(body)
}

function toResource(row: ScreeningRow, nhsNumber: string): QuestionnaireResponse {
  return toQuestionnaireResponse({
    id: row.id,
    status: row.status,
    questionnaireVersion: row.questionnaire_version,
    language: row.language,
    screenedAt: row.screened_at,
    answers: storedAnswers(row),
    nhsNumber
  })
}

export async function fhirRoutes(app: FastifyInstance, opts: FhirRouteOptions): Promise<void> {
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)))
    } catch {
      done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }), undefined)
    }
  })

  app.get('/fhir/Questionnaire/digital-inclusion-screen', { config: { access: 'public' } }, async (request, reply) =>
    sendResource(request, reply, screeningQuestionnaire, 'FHIR Questionnaire: digital inclusion screening')
  )

  app.get<{ Params: { id: string; screeningId: string } }>(
    '/patients/:id/screening/:screeningId/fhir',
    { config: { access: 'patient:read' } },
    async (request, reply) => {
      const user = request.user!
      const found = await request.withOrg(async (trx) => {
        const patient = await findPatient(trx, user.orgId, request.params.id)
        const row = patient ? await findScreening(trx, user.orgId, patient.id, request.params.screeningId) : undefined
        if (!patient || !row) return null
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'export',
          entityType: 'screening',
          entityId: row.id,
          patientId: patient.id,
          detail: { format: 'fhir' }
        })
        return toResource(row, patient.nhsNumber)
      })
      if (!found) return reply.code(404).render('errors/404.njk')
      return reply
        .type(FHIR_JSON)
        .header('content-disposition', `attachment; filename="screening-${found.id}.json"`)
        .send(found)
    }
  )

  app.get<{ Querystring: { patient?: string } }>(
    '/fhir/QuestionnaireResponse',
    { config: { access: 'patient:read' } },
    async (request, reply) => {
      const user = request.user!
      const patientId = request.query.patient ?? ''
      const bundle = await request.withOrg(async (trx) => {
        const patient = await findPatient(trx, user.orgId, patientId)
        if (!patient) return null
        const rows = await listScreenings(trx, user.orgId, patient.id)
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'export',
          entityType: 'screening',
          patientId: patient.id,
          detail: { format: 'fhir', count: rows.length }
        })
        const b: Bundle<QuestionnaireResponse> = {
          resourceType: 'Bundle',
          type: 'searchset',
          total: rows.length,
          entry: rows.map((r) => ({ resource: toResource(r, patient.nhsNumber) }))
        }
        return b
      })
      if (!bundle) {
        if (wantsPage(request)) return reply.code(404).render('errors/404.njk')
        return outcome(reply, 404, [{ message: 'No patient with this id in your organisation', code: 'not-found' }])
      }
      return sendResource(request, reply, bundle, 'FHIR QuestionnaireResponse search')
    }
  )

  app.post(
    '/fhir/QuestionnaireResponse',
    { config: { access: 'screening:write', csrf: false } },
    async (request, reply) => {
      const user = request.user!
      if (!String(request.headers['content-type'] ?? '').match(/^application\/(fhir\+)?json/))
        return outcome(reply, 415, [{ message: 'Send application/fhir+json' }])
      const parsed = parseQuestionnaireResponse(request.body)
      if (!parsed.ok)
        return outcome(
          reply,
          422,
          parsed.errors.map((e) => ({ path: e.path, message: e.message }))
        )
      const check = assessScreening(parsed.answers)
      if (check.errors.length)
        return outcome(
          reply,
          422,
          check.errors.map((e) => ({ path: `item(linkId=${e.linkId})`, message: e.code }))
        )
      if (parsed.authored.getTime() > Date.now() + 5 * 60_000)
        return outcome(reply, 422, [{ path: 'authored', message: 'authored is in the future' }])
      const saved = await request.withOrg(async (trx) => {
        const patient = await findPatientByNhsNumber(trx, user.orgId, parsed.nhsNumber)
        if (!patient) return null
        const { row } = await insertScreening(trx, user.orgId, {
          patientId: patient.id,
          mode: 'import',
          language: parsed.language,
          answers: parsed.answers,
          screenedAt: parsed.authored,
          enteredBy: user.id,
          teamId: user.teamId,
          rescreenIntervalMonths: opts.config.rescreenMonths
        })
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'create',
          entityType: 'screening',
          entityId: row.id,
          patientId: patient.id,
          detail: { mode: 'import', format: 'fhir' }
        })
        return toResource(row, patient.nhsNumber)
      })
      if (!saved)
        return outcome(reply, 422, [
          { path: 'subject.identifier.value', message: 'No patient with this NHS number in your organisation' }
        ])
      return reply.code(201).type(FHIR_JSON).header('location', `/fhir/QuestionnaireResponse/${saved.id}`).send(saved)
    }
  )
}
