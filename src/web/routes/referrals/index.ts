/**
 * Referrals: suggestions with reasons and the consent form (/patients/:patientId/referrals),
 * one referral with its lifecycle (/referrals/:referralId), overdue follow-ups by team (/referrals),
 * and the partner link (/partner/:token: no account, expiring, only its sha256 stored).
 * A referral without consent is refused. Letters and emails are queued in outbox_message;
 * nothing is sent (sending needs an SMTP setting that does not exist yet: docs/referrals.md).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Config } from '../../../config.js'
import { withOrg } from '../../../db/connect.js'
import { recordAudit } from '../../../db/repositories/audit.js'
import { findPatient } from '../../../db/repositories/patients.js'
import {
  changeReferralStatus,
  createReferral,
  findReferral,
  findReferralByPartnerToken,
  listPatientReferrals,
  outboxForReferral,
  overdueFollowUps,
  queueOutboxMessage,
  referralEvents,
  suggestServicesForPatient,
  type ReferralRow
} from '../../../db/repositories/referrals.js'
import { findService } from '../../../db/repositories/directory.js'
import { BARRIER_LABELS } from '../../../domain/directory/service.js'
import { CONSENT_SCOPES, CONSENT_SCOPE_LABELS, type ConsentScope } from '../../../domain/referrals/consent.js'
import { referralLetter } from '../../../domain/referrals/letter.js'
import {
  OUTCOME_LABELS,
  STATUS_LABELS,
  allowedSteps,
  parseStep,
  stepLabel,
  stepValue,
  type Outcome,
  type Status
} from '../../../domain/referrals/status-lifecycle.js'
import { can } from '../../../domain/staff/roles.js'
import { formErrors, list, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { auditActor } from '../../plugins/auth.js'
import { escapeHtml } from '../../escape-html.js'
import { formatDate } from '../../../domain/shared/dates.js'

export interface ReferralsRouteOptions {
  config: Config
}

const referralFormSchema = z.object({
  serviceId: z.string().min(1, 'Select a service to refer to'),
  consent: z
    .enum(['yes', 'no'], { message: 'Select yes if the patient agrees to the referral' })
    .refine((v) => v === 'yes', "You cannot refer without the patient's consent. Ask the patient, or do not refer"),
  consentScope: z.array(z.enum(CONSENT_SCOPES)),
  channel: z.enum(['email', 'letter'], { message: 'Select how to send the referral' })
})

/** Consent scope is checked whatever else is wrong, so every error shows at once. */
function validateReferralForm(values: { serviceId: string; consent: string; consentScope: string[]; channel: string }) {
  const parsed = parseForm(referralFormSchema, values)
  const scopeMissing = values.consent === 'yes' && values.consentScope.length === 0
  if (!scopeMissing) return parsed
  const scopeError = { field: 'consentScope', text: 'Select what the patient agrees to share with the service' }
  const earlier = parsed.ok ? [] : parsed.errors.list.map((e) => ({ field: e.href.slice(1), text: e.text }))
  const order = ['serviceId', 'consent', 'consentScope', 'channel']
  const all = [...earlier, scopeError].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
  return { ok: false as const, errors: formErrors(all) }
}

const statusText = (r: Pick<ReferralRow, 'status' | 'outcome'>) =>
  r.status === 'outcome' && r.outcome
    ? `Outcome: ${OUTCOME_LABELS[r.outcome as Outcome].toLowerCase()}`
    : STATUS_LABELS[r.status as Status]

export async function referralsRoutes(app: FastifyInstance, _opts: ReferralsRouteOptions): Promise<void> {
  async function renderPatientPage(
    request: import('fastify').FastifyRequest<{ Params: { patientId: string } }>,
    reply: import('fastify').FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors
  ) {
    const user = request.user!
    const loaded = await request.withOrg(async (trx) => {
      const patient = await findPatient(trx, user.orgId, request.params.patientId)
      if (!patient) return undefined
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'view',
        entityType: 'referral',
        patientId: patient.id,
        detail: { page: 'referrals' }
      })
      return {
        patient,
        suggested: await suggestServicesForPatient(trx, user.orgId, patient.id),
        referrals: await listPatientReferrals(trx, user.orgId, patient.id)
      }
    })
    if (!loaded) return reply.code(404).render('errors/404.njk')
    const { patient, suggested, referrals } = loaded
    const suggestions = suggested?.suggestions ?? []
    const err = (f: string) => (errors.byField[f] ? { text: errors.byField[f]!.text } : undefined)
    const scope = list(values.consentScope)
    return reply.render('referrals/patient.njk', {
      pageTitle: `Referrals for ${patient.givenName} ${patient.familyName}`,
      patientName: `${patient.givenName} ${patient.familyName}`,
      patientId: patient.id,
      errors,
      hasScreening: Boolean(suggested?.screening),
      canRefer: can(user.role, 'referral:write'),
      suggestionList: suggestions.map((s) => `${s.name}: ${s.reasons.join('; ')}`),
      referrals: referrals.map((r) => [
        { html: `<a href="/referrals/${r.id}">${escapeHtml(r.service_name)}</a>` },
        { text: statusText(r) },
        { text: r.referred_at ? formatDate(r.referred_at.toISOString().slice(0, 10)) : '' },
        { text: r.follow_up_due_on ? formatDate(r.follow_up_due_on) : '' }
      ]),
      suggestions,
      fields: {
        serviceId: {
          idPrefix: 'serviceId',
          name: 'serviceId',
          fieldset: { legend: { text: 'Which service?', size: 'm' } },
          hint: { text: 'Best match first. Only checked (verified) services are suggested.' },
          errorMessage: err('serviceId'),
          items: suggestions.map((s) => ({
            value: s.serviceId,
            text: s.name,
            checked: values.serviceId === s.serviceId,
            hint: {
              html: `<ul class="nhsuk-list nhsuk-list--bullet">${s.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
            }
          }))
        },
        consent: {
          idPrefix: 'consent',
          name: 'consent',
          fieldset: { legend: { text: 'Does the patient agree to be referred?', size: 'm' } },
          hint: { text: 'Explain what the service does and what will be shared. Do not refer without consent.' },
          errorMessage: err('consent'),
          items: [
            { value: 'yes', text: 'Yes', checked: values.consent === 'yes' },
            { value: 'no', text: 'No', checked: values.consent === 'no' }
          ]
        },
        consentScope: {
          idPrefix: 'consentScope',
          name: 'consentScope',
          fieldset: { legend: { text: 'What does the patient agree to share with the service?', size: 's' } },
          errorMessage: err('consentScope'),
          items: CONSENT_SCOPES.map((c) => ({ value: c, text: CONSENT_SCOPE_LABELS[c], checked: scope.includes(c) }))
        },
        channel: {
          idPrefix: 'channel',
          name: 'channel',
          fieldset: { legend: { text: 'How should the referral be sent?', size: 's' } },
          errorMessage: err('channel'),
          items: [
            { value: 'email', text: 'Email to the service (queued)', checked: values.channel === 'email' },
            { value: 'letter', text: 'Letter to print', checked: values.channel === 'letter' }
          ]
        }
      },
      breadcrumbs: [
        { href: '/home', text: 'Home' },
        { href: '/patients', text: 'Patients' },
        { href: `/patients/${patient.id}`, text: `${patient.givenName} ${patient.familyName}` }
      ]
    })
  }

  app.get<{ Params: { patientId: string } }>(
    '/patients/:patientId/referrals',
    { config: { access: 'patient:read' } },
    async (request, reply) => renderPatientPage(request, reply, {}, noErrors)
  )

  app.post<{ Params: { patientId: string } }>(
    '/patients/:patientId/referrals',
    { config: { access: 'referral:write' } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const values = {
        serviceId: text(body.serviceId),
        consent: text(body.consent),
        consentScope: list(body.consentScope),
        channel: text(body.channel)
      }
      const parsed = validateReferralForm(values)
      if (!parsed.ok) return renderPatientPage(request, reply, values, parsed.errors)
      const user = request.user!
      const now = new Date()
      const outcome = await request.withOrg(async (trx) => {
        const patient = await findPatient(trx, user.orgId, request.params.patientId)
        if (!patient) return { kind: 'missing' as const }
        const suggested = await suggestServicesForPatient(trx, user.orgId, patient.id)
        const match = suggested?.suggestions.find((s) => s.serviceId === parsed.data.serviceId)
        if (!match) return { kind: 'invalid' as const }
        const { referral, token } = await createReferral(trx, user.orgId, {
          patientId: patient.id,
          serviceId: match.serviceId,
          screeningId: suggested?.screening?.id ?? null,
          teamId: patient.teamId,
          matchReasons: match.reasons,
          consentScope: parsed.data.consentScope,
          by: user.id,
          now
        })
        const scope = parsed.data.consentScope as ConsentScope[]
        const barriers = Object.entries(suggested?.patient.barriers ?? {})
          .filter(([, l]) => l === 'some' || l === 'high')
          .map(([b, l]) => `${BARRIER_LABELS[b] ?? b}: ${l}`)
        const letter = referralLetter({
          serviceName: match.service.name,
          organisationName: match.service.organisationName,
          referringOrganisation: request.organisation?.name ?? '',
          referrerName: user.displayName,
          patient: { name: `${patient.givenName} ${patient.familyName}`, postcode: patient.postcode },
          scope,
          barrierSummary: barriers,
          languageNeeds:
            patient.mainLanguage && patient.mainLanguage !== 'en'
              ? `Main language ${patient.mainLanguage}${patient.interpreterNeeded ? ', needs an interpreter' : ''}`
              : patient.interpreterNeeded
                ? 'Needs an interpreter'
                : null,
          reasons: match.reasons,
          partnerUrl: `${request.protocol}://${request.host}/partner/${token}`,
          date: formatDate(now.toISOString().slice(0, 10))
        })
        const channel = parsed.data.channel === 'email' && match.service.email ? 'email' : 'letter'
        await queueOutboxMessage(trx, user.orgId, {
          referralId: referral.id,
          channel,
          recipient: channel === 'email' ? match.service.email! : match.service.organisationName,
          ...letter
        })
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'create',
          entityType: 'referral',
          entityId: referral.id,
          patientId: patient.id,
          detail: { serviceId: match.serviceId, channel }
        })
        return { kind: 'created' as const, referralId: referral.id, channel }
      })
      if (outcome.kind === 'missing') return reply.code(404).render('errors/404.njk')
      if (outcome.kind === 'invalid')
        return renderPatientPage(
          request,
          reply,
          values,
          formErrors([{ field: 'serviceId', text: 'Select one of the suggested services' }])
        )
      return reply
        .flash(
          outcome.channel === 'email'
            ? 'Referral made. The email is queued to send'
            : 'Referral made. Print the letter below'
        )
        .redirect(`/referrals/${outcome.referralId}`, 303)
    }
  )

  app.get('/referrals', { config: { access: 'referral:write' } }, async (request, reply) => {
    const user = request.user!
    const rows = await request.withOrg(async (trx) => {
      const found = await overdueFollowUps(trx, user.orgId, new Date().toISOString().slice(0, 10))
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'view',
        entityType: 'referral',
        detail: { page: 'follow-ups', results: found.length }
      })
      return found
    })
    const groups = new Map<string, unknown[][]>()
    for (const r of rows) {
      const team = r.team_name ?? 'No team'
      if (!groups.has(team)) groups.set(team, [])
      groups
        .get(team)!
        .push([
          { html: `<a href="/referrals/${r.id}">${escapeHtml(`${r.given_name} ${r.family_name}`)}</a>` },
          { text: r.service_name },
          { text: STATUS_LABELS[r.status as Status] },
          { text: r.follow_up_due_on ? formatDate(r.follow_up_due_on) : '' }
        ])
    }
    return reply.render('referrals/follow-ups.njk', {
      pageTitle: 'Referral follow-ups',
      groups: [...groups].map(([team, r]) => ({ team, rows: r })),
      breadcrumbs: [{ href: '/home', text: 'Home' }]
    })
  })

  async function renderReferral(
    request: import('fastify').FastifyRequest<{ Params: { referralId: string } }>,
    reply: import('fastify').FastifyReply,
    errors: FormErrors
  ) {
    const user = request.user!
    const loaded = await request.withOrg(async (trx) => {
      const referral = await findReferral(trx, user.orgId, request.params.referralId)
      if (!referral) return undefined
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'view',
        entityType: 'referral',
        entityId: referral.id,
        patientId: referral.patient_id
      })
      return {
        referral,
        patient: await findPatient(trx, user.orgId, referral.patient_id),
        service: await findService(trx, referral.service_id),
        events: await referralEvents(trx, user.orgId, referral.id),
        outbox: await outboxForReferral(trx, user.orgId, referral.id)
      }
    })
    if (!loaded) return reply.code(404).render('errors/404.njk')
    const { referral, patient, service, events, outbox } = loaded
    const reasons = (
      typeof referral.match_reasons === 'string' ? JSON.parse(referral.match_reasons) : referral.match_reasons
    ) as string[]
    const date = (d: Date | null) => (d ? formatDate(d.toISOString().slice(0, 10)) : 'Not yet')
    const steps = allowedSteps(referral.status as Status)
    return reply.render('referrals/show.njk', {
      pageTitle: `Referral to ${service?.name ?? 'a service'}`,
      serviceName: service?.name ?? referral.service_id,
      referralId: referral.id,
      errors,
      canWrite: can(user.role, 'referral:write'),
      steps,
      stepField: {
        idPrefix: 'step',
        name: 'step',
        fieldset: { legend: { text: 'Record what has happened', size: 's' } },
        errorMessage: errors.byField.step ? { text: errors.byField.step.text } : undefined,
        items: steps.map((s) => ({ value: stepValue(s), text: stepLabel(s) }))
      },
      rows: [
        {
          key: { text: 'Patient' },
          value: {
            html: patient
              ? `<a href="/patients/${patient.id}">${escapeHtml(`${patient.givenName} ${patient.familyName}`)}</a>`
              : ''
          }
        },
        { key: { text: 'Status' }, value: { text: statusText(referral) } },
        { key: { text: 'Why this service' }, value: { text: reasons.join('; ') || 'Not recorded' } },
        {
          key: { text: 'Consent' },
          value: {
            text: referral.consent_given
              ? `Yes, to share: ${referral.consent_scope.map((c) => CONSENT_SCOPE_LABELS[c as ConsentScope]?.toLowerCase() ?? c).join('; ')}`
              : 'No'
          }
        },
        { key: { text: 'Referred' }, value: { text: date(referral.referred_at) } },
        { key: { text: 'Accepted' }, value: { text: date(referral.accepted_at) } },
        { key: { text: 'Attended' }, value: { text: date(referral.attended_at) } },
        { key: { text: 'Outcome recorded' }, value: { text: date(referral.outcome_at) } },
        {
          key: { text: 'Follow up by' },
          value: { text: referral.follow_up_due_on ? formatDate(referral.follow_up_due_on) : 'None' }
        }
      ],
      events: events.map((e) => [
        { text: formatDate(e.occurred_at.toISOString().slice(0, 10)) },
        {
          text: e.outcome
            ? `Outcome: ${OUTCOME_LABELS[e.outcome as Outcome].toLowerCase()}`
            : STATUS_LABELS[e.to_status as Status]
        },
        { text: e.changed_by_partner ? 'Receiving service (partner link)' : (e.changed_by_name ?? '') }
      ]),
      outbox,
      breadcrumbs: [
        { href: '/home', text: 'Home' },
        ...(patient ? [{ href: `/patients/${patient.id}/referrals`, text: 'Referrals for this patient' }] : [])
      ]
    })
  }

  app.get<{ Params: { referralId: string } }>(
    '/referrals/:referralId',
    { config: { access: 'patient:read' } },
    async (request, reply) => renderReferral(request, reply, noErrors)
  )

  app.post<{ Params: { referralId: string } }>(
    '/referrals/:referralId/status',
    { config: { access: 'referral:write' } },
    async (request, reply) => {
      const user = request.user!
      const step = parseStep(text((request.body as Record<string, unknown> | undefined)?.step))
      if (!step)
        return renderReferral(request, reply, formErrors([{ field: 'step', text: 'Select what has happened' }]))
      const result = await request.withOrg(async (trx) => {
        const referral = await findReferral(trx, user.orgId, request.params.referralId)
        if (!referral) return undefined
        const changed = await changeReferralStatus(trx, user.orgId, referral, step, {
          userId: user.id,
          partner: false,
          now: new Date()
        })
        if (changed.ok)
          await recordAudit(trx, {
            ...auditActor(request),
            action: 'update',
            entityType: 'referral',
            entityId: referral.id,
            patientId: referral.patient_id,
            detail: { status: changed.status, outcome: changed.outcome }
          })
        return changed
      })
      if (!result) return reply.code(404).render('errors/404.njk')
      if (!result.ok) return renderReferral(request, reply, formErrors([{ field: 'step', text: result.message }]))
      return reply.flash('Referral updated').redirect(`/referrals/${request.params.referralId}`, 303)
    }
  )

  async function renderPartner(
    reply: import('fastify').FastifyReply,
    token: string,
    referral: ReferralRow & { service_name: string },
    extra: { done?: boolean; error?: string }
  ) {
    return reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .render('referrals/partner.njk', {
        pageTitle: `Update a referral to ${referral.service_name}`,
        serviceName: referral.service_name,
        token,
        reference: referral.id.slice(0, 8).toUpperCase(),
        statusText: statusText(referral),
        steps: allowedSteps(referral.status as Status).map((s) => ({ value: stepValue(s), text: stepLabel(s) })),
        ...extra
      })
  }

  app.get<{ Params: { token: string } }>(
    '/partner/:token',
    { config: { access: 'public' } },
    async (request, reply) => {
      const referral = await findReferralByPartnerToken(app.database.db, request.params.token, new Date())
      if (!referral) return reply.code(404).render('errors/404.njk')
      return renderPartner(reply, request.params.token, referral, {})
    }
  )

  app.post<{ Params: { token: string } }>(
    '/partner/:token',
    { config: { access: 'public' } },
    async (request, reply) => {
      const referral = await findReferralByPartnerToken(app.database.db, request.params.token, new Date())
      if (!referral) return reply.code(404).render('errors/404.njk')
      const step = parseStep(text((request.body as Record<string, unknown> | undefined)?.step))
      if (!step) return renderPartner(reply, request.params.token, referral, { error: 'Select what has happened' })
      const result = await withOrg(app.database, referral.org_id, async (trx) => {
        const changed = await changeReferralStatus(trx, referral.org_id, referral, step, {
          userId: null,
          partner: true,
          now: new Date()
        })
        if (changed.ok)
          await recordAudit(trx, {
            orgId: referral.org_id,
            actorUserId: null,
            actorRole: 'partner',
            action: 'update',
            entityType: 'referral',
            entityId: referral.id,
            patientId: referral.patient_id,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            detail: { status: changed.status, outcome: changed.outcome, partner: true }
          })
        return changed
      })
      if (!result.ok) return renderPartner(reply, request.params.token, referral, { error: result.message })
      const updated = await findReferralByPartnerToken(app.database.db, request.params.token, new Date())
      return renderPartner(reply, request.params.token, updated ?? referral, { done: true })
    }
  )
}
