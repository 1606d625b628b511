/**
 * FHIR R4 endpoints for the screening: the Questionnaire definition (public), QuestionnaireResponse
 * export (audited) and import (validated against the definition, errors by item linkId path).
 * The import accepts only JSON bodies, which a browser cannot send cross-site without a CORS preflight
 * (which we never allow), so it needs no CSRF form token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Bundle, OperationOutcome, QuestionnaireResponse } from '@medplum/fhirtypes'
import type { Config } from '../../../config.js'
import { NotFoundError } from '../../../app/errors.js'
import { recordScreening } from '../../../app/screening/record-screening.js'
import { exportScreening, exportScreeningHistory } from '../../../app/screening/view-screening.js'
import { storedAnswers, type ScreeningRow } from '../../../db/repositories/screenings.js'
import { screeningQuestionnaire, validateAnswers } from '../../../domain/screening/index.js'
import { parseQuestionnaireResponse, toQuestionnaireResponse } from '../../../fhir/questionnaire-response.js'
import { requestActor } from '../../plugins/auth.js'
import { queryText, uuid } from '../../schemas.js'
import { jsonDepthExceeds } from '../../../domain/shared/json-depth.js'

export interface FhirRouteOptions {
  config: Config
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8'

/** `_format=json` (or application/fhir+json) asks for JSON even from a browser. */
const formatQuery = z.object({ _format: queryText })

/** A browser asking for a page gets the resource shown in a readable page; everything else gets FHIR JSON. */
function wantsPage(request: FastifyRequest): boolean {
  const query = formatQuery.safeParse(request.query)
  const format = query.success ? query.data._format : undefined
  if (format === 'json' || format === 'application/fhir+json') return false
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
  const r = app.withTypeProvider<ZodTypeProvider>()

  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_request, body, done) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(String(body))
    } catch {
      return done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }), undefined)
    }
    if (jsonDepthExceeds(parsed))
      return done(Object.assign(new Error('Body nests too deeply for a FHIR resource'), { statusCode: 400 }), undefined)
    done(null, parsed)
  })

  r.get(
    '/fhir/Questionnaire/digital-inclusion-screen',
    { schema: { querystring: formatQuery }, config: { access: 'public' } },
    async (request, reply) =>
      sendResource(request, reply, screeningQuestionnaire, 'FHIR Questionnaire: digital inclusion screening')
  )

  r.get(
    '/patients/:id/screening/:screeningId/fhir',
    { schema: { params: z.object({ id: uuid, screeningId: uuid }) }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const { patient, row } = await request.withOrg((trx) =>
        exportScreening(trx, requestActor(request), {
          patientId: request.params.id,
          screeningId: request.params.screeningId,
          format: 'fhir'
        })
      )
      return reply
        .type(FHIR_JSON)
        .header('content-disposition', `attachment; filename="screening-${row.id}.json"`)
        .send(toResource(row, patient.nhsNumber))
    }
  )

  r.get(
    '/fhir/QuestionnaireResponse',
    {
      schema: { querystring: formatQuery.extend({ patient: queryText }) },
      config: { access: 'patient:read' }
    },
    async (request, reply) => {
      const exported = await request
        .withOrg((trx) =>
          exportScreeningHistory(trx, requestActor(request), { patientId: request.query.patient ?? '', format: 'fhir' })
        )
        .catch((error: unknown) => {
          // a page gets the NHS 404 page (the error handler); an API client gets an OperationOutcome
          if (error instanceof NotFoundError && !wantsPage(request)) return null
          throw error
        })
      if (!exported)
        return outcome(reply, 404, [{ message: 'No patient with this id in your organisation', code: 'not-found' }])
      const bundle: Bundle<QuestionnaireResponse> = {
        resourceType: 'Bundle',
        type: 'searchset',
        total: exported.rows.length,
        entry: exported.rows.map((row) => ({ resource: toResource(row, exported.patient.nhsNumber) }))
      }
      return sendResource(request, reply, bundle, 'FHIR QuestionnaireResponse search')
    }
  )

  r.post(
    '/fhir/QuestionnaireResponse',
    { config: { access: 'screening:write', csrf: false } },
    async (request, reply) => {
      if (!String(request.headers['content-type'] ?? '').match(/^application\/(fhir\+)?json/))
        return outcome(reply, 415, [{ message: 'Send application/fhir+json' }])
      const parsed = parseQuestionnaireResponse(request.body)
      if (!parsed.ok)
        return outcome(
          reply,
          422,
          parsed.errors.map((e) => ({ path: e.path, message: e.message }))
        )
      // checked here as well as by the use case, so that answer errors are reported before the date and the patient
      const answerErrors = validateAnswers(screeningQuestionnaire, parsed.answers)
      if (answerErrors.length)
        return outcome(
          reply,
          422,
          answerErrors.map((e) => ({ path: `item(linkId=${e.linkId})`, message: e.code }))
        )
      if (parsed.authored.getTime() > Date.now() + 5 * 60_000)
        return outcome(reply, 422, [{ path: 'authored', message: 'authored is in the future' }])
      const recorded = await request
        .withOrg((trx) =>
          recordScreening(
            trx,
            requestActor(request),
            {
              patient: { nhsNumber: parsed.nhsNumber },
              mode: 'import',
              language: parsed.language,
              answers: parsed.answers,
              screenedAt: parsed.authored,
              source: { format: 'fhir' }
            },
            opts.config
          )
        )
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) return null
          throw error
        })
      if (!recorded)
        return outcome(reply, 422, [
          { path: 'subject.identifier.value', message: 'No patient with this NHS number in your organisation' }
        ])
      if (!recorded.ok)
        return outcome(
          reply,
          422,
          recorded.errors.map((e) => ({ path: `item(linkId=${e.linkId})`, message: e.code }))
        )
      const saved = toResource(recorded.row, recorded.patient.nhsNumber)
      return reply.code(201).type(FHIR_JSON).header('location', `/fhir/QuestionnaireResponse/${saved.id}`).send(saved)
    }
  )
}
