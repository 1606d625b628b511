/**
 * Patient self-completion (public, no account): one question per page, answers saved as a draft on
 * every page, a check-answers page, then one submit that stores the screening with mode 'self'.
 * The patient arrives with a one-time link token (only its sha256 is stored) or the short code from the
 * letter. No JavaScript anywhere; pages use the small patient stylesheet, not the full NHS.UK CSS.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../../config.js'
import { withOrg } from '../../../db/connect.js'
import { recordAudit } from '../../../db/repositories/audit.js'
import {
  draftAnswers,
  findInviteByKey,
  insertScreening,
  inviteState,
  markInviteUsed,
  saveInviteDraft,
  updateInvitePreferences,
  type ScreeningInviteRow
} from '../../../db/repositories/screenings.js'
import {
  assessScreening,
  enabledLinkIds,
  screeningQuestionnaire,
  validateAnswers
} from '../../../domain/screening/index.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { text } from '../../form-errors.js'
import { translate } from '../../i18n.js'
import { answerValues, questionField, questionItems, type RawAnswers } from '../screening/question-fields.js'
import { screeningFormErrors } from '../screening/form-errors.js'
import { languageChoice, PATIENT_LANGUAGES } from '../screening/languages.js'

export interface SelfScreenRouteOptions {
  config: Config
}

type KeyParams = { Params: { key: string } }
type QuestionParams = { Params: { key: string; linkId: string }; Querystring: { change?: string } }

/** The questions shown given the answers so far, in order. */
export function visibleQuestions(answers: RawAnswers): string[] {
  const enabled = enabledLinkIds(screeningQuestionnaire, answers)
  return questionItems()
    .map(({ item }) => item.linkId)
    .filter((id) => enabled.has(id))
}

/** Easy Read wording where a key exists, the standard wording otherwise. */
function easyKey(lang: string, key: string, easy: boolean): string {
  if (!easy) return key
  const easyVersion = key.replace(/^screening\./, 'screening.easy.')
  return translate(lang, easyVersion) === easyVersion ? key : easyVersion
}

function pageContext(invite: ScreeningInviteRow | null, langOverride?: string) {
  const choice = languageChoice(langOverride ?? invite?.language ?? 'en')
  const easy = invite?.easy_read ?? false
  const tr = (key: string, vars?: Record<string, string | number>) =>
    translate(choice.code, easyKey(choice.code, key, easy), vars)
  return { lang: choice.code, dir: choice.dir, tr, easy }
}

function notFound(reply: FastifyReply, lang?: string) {
  return reply.code(404).render('self-screen/message.njk', {
    ...pageContext(null, lang),
    titleKey: 'screening.ui.notfound-title',
    bodyKey: 'screening.ui.notfound-body'
  })
}

/** The invitation for the key, or a reply already sent (unknown, used or expired). */
async function openInvite(
  app: FastifyInstance,
  request: FastifyRequest<{ Params: { key: string } }>,
  reply: FastifyReply
): Promise<ScreeningInviteRow | null> {
  const invite = await findInviteByKey(app.database.db, request.params.key)
  if (!invite) {
    notFound(reply)
    return null
  }
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

export async function selfScreenRoutes(app: FastifyInstance, opts: SelfScreenRouteOptions): Promise<void> {
  app.get<{ Querystring: { lang?: string } }>('/s', { config: { access: 'public' } }, async (request, reply) =>
    reply.render('self-screen/code.njk', {
      ...pageContext(null, request.query.lang),
      value: '',
      error: null,
      languages: PATIENT_LANGUAGES
    })
  )

  app.post<{ Querystring: { lang?: string } }>(
    '/s',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } } },
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

  app.get<KeyParams & { Querystring: { easy?: string } }>(
    '/s/:key',
    { config: { access: 'public' } },
    async (request, reply) => {
      const invite = await openInvite(app, request, reply)
      if (!invite) return reply
      if (request.query.easy === '1' && !invite.easy_read) {
        await withOrg(app.database, invite.org_id, (trx) =>
          updateInvitePreferences(trx, invite.org_id, invite.id, { language: invite.language, easyRead: true })
        )
      }
      const view = request.query.easy === '1' ? { ...invite, easy_read: true } : invite
      const first = visibleQuestions(draftAnswers(invite))[0]
      return reply.render('self-screen/start.njk', {
        ...pageContext(view),
        key: request.params.key,
        languages: PATIENT_LANGUAGES,
        startHref: `/s/${request.params.key}/q/${first}`,
        expiresOn: formatDate(invite.expires_at)
      })
    }
  )

  app.post<KeyParams>('/s/:key/preferences', { config: { access: 'public' } }, async (request, reply) => {
    const invite = await openInvite(app, request, reply)
    if (!invite) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const choice = languageChoice(text(body.lang) || invite.language)
    const easyRead = body.easy === undefined ? invite.easy_read : text(body.easy) === '1'
    await withOrg(app.database, invite.org_id, (trx) =>
      updateInvitePreferences(trx, invite.org_id, invite.id, { language: choice.code, easyRead })
    )
    return reply.redirect(`/s/${request.params.key}`, 303)
  })

  app.get<QuestionParams>('/s/:key/q/:linkId', { config: { access: 'public' } }, async (request, reply) => {
    const invite = await openInvite(app, request, reply)
    if (!invite) return reply
    const answers = draftAnswers(invite)
    if (!visibleQuestions(answers).includes(request.params.linkId)) return notFound(reply, invite.language)
    return renderQuestion(
      reply,
      request.params.key,
      invite,
      answers,
      request.params.linkId,
      null,
      request.query.change === '1'
    )
  })

  app.post<QuestionParams>('/s/:key/q/:linkId', { config: { access: 'public' } }, async (request, reply) => {
    const invite = await openInvite(app, request, reply)
    if (!invite) return reply
    const linkId = request.params.linkId
    const draft = draftAnswers(invite)
    if (!visibleQuestions(draft).includes(linkId)) return notFound(reply, invite.language)
    const entry = questionItems().find(({ item }) => item.linkId === linkId)!
    const raw = (request.body ?? {}) as Record<string, unknown>
    const values = (Array.isArray(raw[linkId]) ? (raw[linkId] as unknown[]) : [raw[linkId]])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter((v) => v !== '')
    const next: RawAnswers = { ...draft }
    if (values.length === 0) delete next[linkId]
    else next[linkId] = entry.item.repeats ? values : values[0]!
    const errors = validateAnswers(screeningQuestionnaire, next).filter((e) => e.linkId === linkId)
    const change = text(raw.change) === '1'
    if (errors.length > 0) return renderQuestion(reply, request.params.key, invite, next, linkId, errors, change)
    // Keep only answers to questions still shown, so a changed answer does not leave stale follow-ups.
    const shown = new Set(visibleQuestions(next))
    const kept: RawAnswers = Object.fromEntries(Object.entries(next).filter(([id]) => shown.has(id)))
    await withOrg(app.database, invite.org_id, (trx) =>
      saveInviteDraft(trx, invite.org_id, invite.id, kept, invite.language)
    )
    const order = visibleQuestions(kept)
    const following = order[order.indexOf(linkId) + 1]
    const unanswered = order.slice(order.indexOf(linkId) + 1).find((id) => answerValues(kept, id).length === 0)
    const target = change ? (unanswered ?? null) : (following ?? null)
    return reply.redirect(
      target ? `/s/${request.params.key}/q/${target}${change ? '?change=1' : ''}` : `/s/${request.params.key}/check`,
      303
    )
  })

  app.get<KeyParams>('/s/:key/check', { config: { access: 'public' } }, async (request, reply) => {
    const invite = await openInvite(app, request, reply)
    if (!invite) return reply
    return renderCheck(reply, request.params.key, invite, false)
  })

  app.post<KeyParams>('/s/:key/submit', { config: { access: 'public' } }, async (request, reply) => {
    const invite = await openInvite(app, request, reply)
    if (!invite) return reply
    const answers = draftAnswers(invite)
    const assessment = assessScreening(answers)
    const missing = assessment.errors.find((e) => e.code === 'required')
    if (missing) return reply.redirect(`/s/${request.params.key}/q/${missing.linkId}?change=1`, 303)
    const stored = await withOrg(app.database, invite.org_id, async (trx) => {
      const { row } = await insertScreening(trx, invite.org_id, {
        patientId: invite.patient_id,
        mode: 'self',
        language: invite.language,
        answers,
        screenedAt: new Date(),
        enteredBy: null,
        teamId: null,
        rescreenIntervalMonths: opts.config.rescreenMonths
      })
      if (!(await markInviteUsed(trx, invite.org_id, invite.id, row.id))) throw new InviteAlreadyUsed()
      await recordAudit(trx, {
        orgId: invite.org_id,
        actorUserId: null,
        actorRole: 'patient',
        action: 'create',
        entityType: 'screening',
        entityId: row.id,
        patientId: invite.patient_id,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        detail: { mode: 'self', inviteId: invite.id }
      })
      return row
    }).catch((error: unknown) => {
      if (error instanceof InviteAlreadyUsed) return null
      throw error
    })
    request.log.info({ event: 'self-screening-submitted', screeningId: stored?.id ?? null }, 'self screening')
    return reply.render('self-screen/message.njk', {
      ...pageContext(invite),
      titleKey: 'screening.ui.done-title',
      bodyKey: stored ? 'screening.ui.done-body' : 'screening.ui.used-body',
      success: true
    })
  })
}

class InviteAlreadyUsed extends Error {}

function renderQuestion(
  reply: FastifyReply,
  key: string,
  invite: ScreeningInviteRow,
  answers: RawAnswers,
  linkId: string,
  errors: ReturnType<typeof validateAnswers> | null,
  change: boolean
) {
  const ctx = pageContext(invite)
  const entry = questionItems().find(({ item }) => item.linkId === linkId)!
  const formErrors = errors ? screeningFormErrors(errors, ctx.lang) : null
  const field = questionField(
    entry.item,
    entry.group?.linkId ?? null,
    ctx.lang,
    answers,
    formErrors?.byField[linkId]?.text ?? null
  )
  const order = visibleQuestions(answers)
  const index = order.indexOf(linkId)
  const easyText = ctx.tr(`screening.q.${linkId}.text`)
  const groupText = entry.group && entry.group.linkId === 'skills' ? ctx.tr('screening.q.skills.text') : null
  return reply.render('self-screen/question.njk', {
    ...ctx,
    key,
    field: { ...field, text: easyText },
    groupText,
    errors: formErrors,
    change,
    progress: ctx.tr('screening.ui.progress', { n: index + 1, total: order.length }),
    backHref: index > 0 ? `/s/${key}/q/${order[index - 1]}` : `/s/${key}`,
    action: `/s/${key}/q/${linkId}`
  })
}

function renderCheck(reply: FastifyReply, key: string, invite: ScreeningInviteRow, _submitted: boolean) {
  const ctx = pageContext(invite)
  const answers = draftAnswers(invite)
  const rows = visibleQuestions(answers).map((linkId) => {
    const entry = questionItems().find(({ item }) => item.linkId === linkId)!
    const field = questionField(entry.item, null, ctx.lang, answers, null)
    const shown = field.kind === 'input' ? [field.value] : field.options.filter((o) => o.checked).map((o) => o.text)
    return {
      linkId,
      question: ctx.tr(`screening.q.${linkId}.text`),
      answers: shown.filter((s) => s !== ''),
      href: `/s/${key}/q/${linkId}?change=1`
    }
  })
  return reply.render('self-screen/check.njk', {
    ...ctx,
    key,
    rows,
    backHref: rows.length ? rows[rows.length - 1]!.href.replace('?change=1', '') : `/s/${key}`
  })
}
