/**
 * Patient self-completion (public, no account): one question per page, answers saved as a draft on
 * every page, a check-answers page, then one submit that stores the screening with mode 'self'
 * (through `recordScreening`, which marks the invitation used in the same transaction).
 * The patient arrives with a one-time link token (only its sha256 is stored) or the short code from the
 * letter. No JavaScript anywhere; pages use the small patient stylesheet, not the full NHS.UK CSS.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from '../../../config.js'
import type { Actor } from '../../../app/actor.js'
import { InviteAlreadyUsedError, recordScreening } from '../../../app/screening/record-screening.js'
import { withOrg } from '../../../db/connect.js'
import { findOrganisation } from '../../../db/repositories/organisations.js'
import {
  draftAnswers,
  findInviteByKey,
  inviteState,
  saveInviteDraft,
  updateInvitePreferences,
  type ScreeningInviteRow
} from '../../../db/repositories/screenings.js'
import { screeningQuestionnaire, validateAnswers } from '../../../domain/screening/index.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { text } from '../../form-errors.js'
import { queryText } from '../../schemas.js'
import { answerValues, type RawAnswers } from '../screening/question-fields.js'
import { languageChoice, PATIENT_LANGUAGES } from '../screening/languages.js'
import {
  answersToSend,
  checkView,
  pageContext,
  questionEntry,
  questionView,
  startLines,
  visibleQuestions
} from './view-models.js'

export interface SelfScreenRouteOptions {
  config: Config
}

/**
 * A link token or short code. Lenient on purpose: anything up to the length limit reaches the handler,
 * so an unknown or tampered key gets the patient "not found" page, never the staff 404 page.
 */
const key = z.string().max(100)
const keyParams = z.object({ key })
const questionParams = z.object({ key, linkId: z.string().max(100) })
const langQuery = z.object({ lang: queryText })

/** The patient, acting through their one-time link. */
function patientActor(request: FastifyRequest, orgId: string): Actor {
  return {
    orgId,
    userId: null,
    role: 'patient',
    teamId: null,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null
  }
}

function notFound(reply: FastifyReply, lang?: string) {
  return reply.code(404).render('self-screen/message.njk', {
    ...pageContext(null, lang),
    titleKey: 'screening.ui.notfound-title',
    bodyKey: 'screening.ui.notfound-body'
  })
}

/** Opening a link or code: a patient does it a few times; guessing needs millions of tries. */
const keyGuessLimit = { max: 30, timeWindow: '1 minute' }
/** The question pages: a patient answering quickly stays well under this. */
const pageLimit = { max: 240, timeWindow: '1 minute' }

export async function selfScreenRoutes(app: FastifyInstance, opts: SelfScreenRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  /** The invitation for the key, or a reply already sent (unknown, used or expired). */
  async function openInvite(keyValue: string, reply: FastifyReply): Promise<ScreeningInviteRow | null> {
    const invite = await findInviteByKey(app.database.db, keyValue)
    if (!invite) {
      notFound(reply)
      return null
    }
    // Patient pages name the organisation and its phone number, so the patient can check the link is genuine.
    reply.request.organisation = (await findOrganisation(app.database.db, invite.org_id)) ?? null
    const state = inviteState(invite, new Date())
    if (state !== 'open') {
      reply.code(410).render('self-screen/message.njk', {
        ...pageContext(invite),
        titleKey: state === 'used' ? 'screening.ui.done-title' : 'screening.ui.expired-title',
        bodyKey: state === 'used' ? 'screening.ui.used-body' : 'screening.ui.expired-body'
      })
      return null
    }
    return invite
  }

  r.get('/s', { schema: { querystring: langQuery }, config: { access: 'public' } }, async (request, reply) =>
    reply.render('self-screen/code.njk', {
      ...pageContext(null, request.query.lang),
      value: '',
      error: null,
      languages: PATIENT_LANGUAGES
    })
  )

  r.post(
    '/s',
    {
      schema: { querystring: langQuery },
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const code = text(body.code)
      const ctx = pageContext(null, request.query.lang)
      const found = code ? await findInviteByKey(app.database.db, code) : undefined
      if (!found) {
        return reply.render('self-screen/code.njk', {
          ...ctx,
          value: code,
          error: ctx.tr(code ? 'screening.ui.code-wrong' : 'screening.ui.code-error'),
          languages: PATIENT_LANGUAGES
        })
      }
      return reply.redirect(`/s/${found.short_code}`, 303)
    }
  )

  r.get(
    '/s/:key',
    // guessing links or codes by GET is rate limited like the code form (security finding 14)
    {
      schema: { params: keyParams, querystring: z.object({ easy: queryText }) },
      config: { access: 'public', rateLimit: keyGuessLimit }
    },
    async (request, reply) => {
      const invite = await openInvite(request.params.key, reply)
      if (!invite) return reply
      if (request.query.easy === '1' && !invite.easy_read) {
        await withOrg(app.database, invite.org_id, (trx) =>
          updateInvitePreferences(trx, invite.org_id, invite.id, { language: invite.language, easyRead: true })
        )
      }
      const view = request.query.easy === '1' ? { ...invite, easy_read: true } : invite
      const draft = draftAnswers(invite)
      const order = visibleQuestions(draft, view.easy_read)
      // Coming back to a saved draft: "Continue" at the first question not answered yet.
      const resuming = Object.values(draft).some((v) => v !== undefined && v !== '')
      const next = order.find((linkId) => draft[linkId] === undefined || draft[linkId] === '') ?? order[0]
      const ctx = pageContext(view)
      return reply.render('self-screen/start.njk', {
        ...ctx,
        lines: startLines(ctx),
        key: request.params.key,
        languages: PATIENT_LANGUAGES,
        resuming,
        startHref: `/s/${request.params.key}/q/${next}`,
        expiresOn: formatDate(invite.expires_at)
      })
    }
  )

  r.post(
    '/s/:key/preferences',
    { schema: { params: keyParams }, config: { access: 'public' } },
    async (request, reply) => {
      const invite = await openInvite(request.params.key, reply)
      if (!invite) return reply
      const body = (request.body ?? {}) as Record<string, unknown>
      const choice = languageChoice(text(body.lang) || invite.language)
      const easyRead = body.easy === undefined ? invite.easy_read : text(body.easy) === '1'
      await withOrg(app.database, invite.org_id, (trx) =>
        updateInvitePreferences(trx, invite.org_id, invite.id, { language: choice.code, easyRead })
      )
      return reply.redirect(`/s/${request.params.key}`, 303)
    }
  )

  r.get(
    '/s/:key/q/:linkId',
    {
      schema: { params: questionParams, querystring: z.object({ change: queryText }) },
      config: { access: 'public', rateLimit: pageLimit }
    },
    async (request, reply) => {
      const invite = await openInvite(request.params.key, reply)
      if (!invite) return reply
      const answers = draftAnswers(invite)
      if (!visibleQuestions(answers, invite.easy_read).includes(request.params.linkId))
        return notFound(reply, invite.language)
      return reply.render(
        'self-screen/question.njk',
        questionView(request.params.key, invite, answers, request.params.linkId, null, request.query.change === '1')
      )
    }
  )

  r.post(
    '/s/:key/q/:linkId',
    { schema: { params: questionParams }, config: { access: 'public' } },
    async (request, reply) => {
      const invite = await openInvite(request.params.key, reply)
      if (!invite) return reply
      const { key: inviteKey, linkId } = request.params
      const draft = draftAnswers(invite)
      const entry = questionEntry(linkId)
      if (!entry || !visibleQuestions(draft, invite.easy_read).includes(linkId)) return notFound(reply, invite.language)
      const raw = (request.body ?? {}) as Record<string, unknown>
      const values = (Array.isArray(raw[linkId]) ? (raw[linkId] as unknown[]) : [raw[linkId]])
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.trim())
        .filter((v) => v !== '')
      const next: RawAnswers = { ...draft }
      const [firstValue] = values
      if (firstValue === undefined) delete next[linkId]
      else next[linkId] = entry.item.repeats ? values : firstValue
      const errors = validateAnswers(screeningQuestionnaire, next).filter((e) => e.linkId === linkId)
      const change = text(raw.change) === '1'
      if (errors.length > 0)
        return reply.render('self-screen/question.njk', questionView(inviteKey, invite, next, linkId, errors, change))
      // Keep only answers to questions still shown, so a changed answer does not leave stale follow-ups.
      // Easy Read never asks the eHEALS items, so any given before switching to Easy Read are dropped here.
      const shown = new Set(visibleQuestions(next, invite.easy_read))
      const kept: RawAnswers = Object.fromEntries(Object.entries(next).filter(([id]) => shown.has(id)))
      await withOrg(app.database, invite.org_id, (trx) =>
        saveInviteDraft(trx, invite.org_id, invite.id, kept, invite.language)
      )
      const order = visibleQuestions(kept, invite.easy_read)
      const following = order[order.indexOf(linkId) + 1]
      const unanswered = order.slice(order.indexOf(linkId) + 1).find((id) => answerValues(kept, id).length === 0)
      const target = change ? (unanswered ?? null) : (following ?? null)
      return reply.redirect(
        target ? `/s/${inviteKey}/q/${target}${change ? '?change=1' : ''}` : `/s/${inviteKey}/check`,
        303
      )
    }
  )

  r.get(
    '/s/:key/check',
    { schema: { params: keyParams }, config: { access: 'public', rateLimit: pageLimit } },
    async (request, reply) => {
      const invite = await openInvite(request.params.key, reply)
      if (!invite) return reply
      return reply.render('self-screen/check.njk', checkView(request.params.key, invite, draftAnswers(invite)))
    }
  )

  r.post('/s/:key/submit', { schema: { params: keyParams }, config: { access: 'public' } }, async (request, reply) => {
    const invite = await openInvite(request.params.key, reply)
    if (!invite) return reply
    const actor = patientActor(request, invite.org_id)
    const recorded = await withOrg(app.database, invite.org_id, (trx) =>
      recordScreening(
        trx,
        actor,
        {
          patient: { id: invite.patient_id },
          mode: 'self',
          language: invite.language,
          // Easy Read: the eHEALS items were not asked, so none are sent (stored as not asked, never as a score)
          answers: answersToSend(draftAnswers(invite), invite.easy_read),
          screenedAt: new Date(),
          inviteId: invite.id
        },
        opts.config
      )
    ).catch((error: unknown) => {
      // a second submit (or two at once): the first one stored the screening
      if (error instanceof InviteAlreadyUsedError) return null
      throw error
    })
    if (recorded && !recorded.ok) {
      // a question still to answer (a required one, first): back to it
      const missing = recorded.errors.find((e) => e.code === 'required') ?? recorded.errors[0]
      if (missing) return reply.redirect(`/s/${request.params.key}/q/${missing.linkId}?change=1`, 303)
    }
    const stored = recorded?.ok ? recorded.row : null
    request.log.info({ event: 'self-screening-submitted', screeningId: stored?.id ?? null }, 'self screening')
    return reply.render('self-screen/message.njk', {
      ...pageContext(invite),
      titleKey: 'screening.ui.done-title',
      bodyKey: stored ? 'screening.ui.done-body' : 'screening.ui.used-body',
      success: true
    })
  })
}
