/**
 * A stored screening as things to show: the barrier profile, readiness, the communication plan, and the
 * short banner shown wherever the patient appears. Texts come from keys in the chosen language.
 */
import { helperAuthorityText } from '../../../domain/patients/helper.js'
import {
  BARRIERS,
  BSL_LANGUAGE,
  buildCommunicationPlan,
  CHANNEL_KEYS,
  isRescreenDue,
  NEED_KEYS,
  PLAN_RULES_VERSION,
  type CommunicationPlan,
  type ContactRoute,
  type RecordFacts,
  type ScreeningAssessment
} from '../../../domain/screening/index.js'
import { languageName } from '../../../domain/shared/languages.js'
import { recordDifferences } from '../../../domain/screening/record-updates.js'
import { communicationNeedCodes, labelFor } from '../../../domain/patients/patient-codes.js'
import { formatDate } from '../../../domain/shared/dates.js'
import type { ScreeningRow } from '../../../db/repositories/screenings.js'
import { storedAssessment } from '../../../db/repositories/screenings.js'
import { translate } from '../../i18n.js'

const LEVEL_TAG: Record<string, string> = {
  none: 'nhsuk-tag--green',
  some: 'nhsuk-tag--yellow',
  high: 'nhsuk-tag--red',
  unknown: 'nhsuk-tag--grey'
}
const READINESS_TAG: Record<string, string> = {
  confident_online: 'nhsuk-tag--green',
  online_with_support: 'nhsuk-tag--blue',
  needs_substantial_support: 'nhsuk-tag--orange',
  offline: 'nhsuk-tag--red',
  declined: 'nhsuk-tag--grey',
  incomplete: 'nhsuk-tag--grey'
}

export interface CommunicationPlanView {
  declined: boolean
  /** Channel names to use, the patient's choices first. */
  use: string[]
  /** How to use each of them: "Letter in Turkish, large print", "Phone call with a Turkish interpreter". */
  routes: string[]
  avoid: { text: string; reasons: string[] }[]
  /** Avoided channels with their reasons, as one line. */
  avoidText: string
  /** Channels the patient can use but did not choose. */
  notChosen: string[]
  /** Things to check with the patient before relying on the plan. */
  check: string[]
  cautions: string[]
  alternative: string
  needs: string[]
  notes: string[]
  proxy: string | null
  /** The helper the patient agreed we may contact, with how and who consented. */
  proxyDetail: {
    name: string
    phone: string
    relationship: string
    consentedBy: string
    capacityNote?: string
  } | null
}

/**
 * The plan to show. It is rebuilt from the stored answers with the patient record as it is now, so a change on
 * the record (such as "carer to be present") reaches the plan at once, and plans stored under older rules are
 * never shown.
 */
export function currentPlan(a: ScreeningAssessment, record?: RecordFacts): CommunicationPlan {
  if (record === undefined && a.plan.rulesVersion === PLAN_RULES_VERSION) return a.plan
  return buildCommunicationPlan(a.answers, record)
}

function routeText(route: ContactRoute, plan: CommunicationPlan, lang: string): string {
  const t = (key: string, vars?: Record<string, string>) => translate(lang, key, vars)
  let text = t(CHANNEL_KEYS[route.channel])
  if (route.channel === 'letter' && route.language !== 'en')
    text = t('screening.route.in-language', { route: text, language: languageName(route.language, lang) })
  for (const format of route.formats)
    text = t('screening.route.format', { route: text, format: t(NEED_KEYS[format]).toLowerCase() })
  if (route.interpreter === BSL_LANGUAGE) text = t('screening.route.bsl', { route: text })
  else if (route.interpreter !== null)
    text =
      route.interpreter === 'und'
        ? t('screening.route.format', { route: text, format: t(NEED_KEYS.interpreter).toLowerCase() })
        : t('screening.route.interpreter', { route: text, language: languageName(route.interpreter, lang) })
  if (route.textRelay) text = t('screening.route.relay', { route: text })
  if (route.viaProxy && plan.proxy.contact) {
    const relationship = plan.proxy.helpers.includes('carer') ? 'carer' : 'family-friend'
    text = t('screening.route.via-proxy', {
      route: text,
      name: plan.proxy.contact.name,
      relationship: plan.proxy.relationship ?? t(`screening.relationship.${relationship}`)
    })
  }
  if (!route.personalData) text = t('screening.route.reminders-only', { route: text })
  return text
}

export function planView(a: ScreeningAssessment, lang = 'en', record?: RecordFacts): CommunicationPlanView {
  const t = (key: string, vars?: Record<string, string>) => translate(lang, key, vars)
  const plan = currentPlan(a, record)
  const avoid = plan.channels
    .filter((c) => c.advice === 'avoid')
    .map((c) => ({ text: t(c.key), reasons: [...new Set(c.reasons.map((r) => t(r.key)))] }))
  const contact = plan.proxy.consent === 'given' ? plan.proxy.contact : null
  return {
    declined: a.status === 'declined',
    avoidText: avoid
      .map((x) => (x.reasons.length ? `${x.text} (${x.reasons.join(', ').toLowerCase()})` : x.text))
      .join('; '),
    use: plan.use.map((c) => t(CHANNEL_KEYS[c])),
    routes: plan.routes.map((r) => routeText(r, plan, lang)),
    avoid,
    notChosen: plan.notChosen.map((c) => t(CHANNEL_KEYS[c])),
    check: plan.checks.map((c) => t(c.key, c.channel ? { channel: t(CHANNEL_KEYS[c.channel]) } : undefined)),
    cautions: plan.cautions.map((c) => t(c)),
    alternative: t(plan.nonDigitalAlternative.key),
    needs: plan.needs.map((n) =>
      n.need === 'interpreter' && n.language ? `${t(n.key)} (${languageName(n.language, lang)})` : t(n.key)
    ),
    notes: [...new Set(plan.needs.flatMap((n) => (n.noteKey ? [t(n.noteKey)] : [])))],
    proxy: contact ? contact.name : null,
    proxyDetail: contact
      ? {
          name: contact.name,
          phone: contact.phone,
          relationship:
            plan.proxy.relationship ?? plan.proxy.helpers.map((h) => t(`screening.relationship.${h}`)).join(', '),
          consentedBy:
            plan.proxy.consentedOn && plan.proxy.consentedBy
              ? helperAuthorityText({ authority: plan.proxy.consentedBy, agreedOn: plan.proxy.consentedOn })
              : 'the patient, when screened',
          ...(plan.proxy.capacityNote ? { capacityNote: plan.proxy.capacityNote } : {})
        }
      : null
  }
}

const channelList = (codes: readonly string[]) =>
  codes.length
    ? codes
        .map((c) =>
          (c in CHANNEL_KEYS ? translate('en', CHANNEL_KEYS[c as keyof typeof CHANNEL_KEYS]) : c).toLowerCase()
        )
        .join(', ')
    : 'none'
const needLabel = (code: string) => labelFor(communicationNeedCodes, code) ?? code
const languageLabel = (code: string | null) => (code === null ? 'not recorded' : languageName(code))

/**
 * What the screening says that the record does not, in words, for staff to confirm; and conflicts to resolve
 * on the record form.
 */
export function recordChangesView(a: ScreeningAssessment, record: RecordFacts) {
  const { updates, conflicts } = recordDifferences(a.answers, record)
  return {
    changes: updates.map((u) =>
      u.field === 'mainLanguage'
        ? `Main language: ${languageLabel(u.from)} on the record, ${languageName(u.to)} in the screening`
        : u.field === 'interpreterNeeded'
          ? `Interpreter needed: ${u.from ? 'yes' : 'no'} on the record, ${u.to ? 'yes' : 'no'} in the screening`
          : u.field === 'contactPreferences'
            ? `How they like to be contacted: ${channelList(u.from)} on the record, ${channelList(u.to)} in the screening`
            : `Communication needs to add: ${u.added.map(needLabel).join(', ')}`
    ),
    conflicts: conflicts.map(
      (c) =>
        `The record lists ${c.notMentioned.map(needLabel).join(', ')}, but the patient said they need none of these formats. Check with them and change the record if it is wrong.`
    )
  }
}

/** Barrier profile as table rows (staff pages). */
export function barrierRows(a: ScreeningAssessment) {
  return BARRIERS.map((b) => {
    const r = a.barriers[b]
    const reasons = [...new Set(r.reasons.map((x) => translate('en', x.key)))]
    return [
      { text: translate('en', r.key), header: 'Barrier' },
      {
        html: `<strong class="nhsuk-tag ${LEVEL_TAG[r.level] ?? ''}">${translate('en', `screening.level.${r.level}`)}</strong>`,
        header: 'Level'
      },
      { text: reasons.join('; ') || (r.missing.length ? `Not answered: ${r.missing.join(', ')}` : '–'), header: 'Why' }
    ]
  })
}

export function readinessView(a: ScreeningAssessment) {
  return {
    tag: { text: translate('en', a.readiness.key), classes: READINESS_TAG[a.readiness.level] ?? '' },
    rule: a.readiness.ruleId ? translate('en', `screening.readiness.rule.${a.readiness.ruleId}`) : null,
    disclaimer: translate('en', a.readiness.disclaimerKey),
    missing: a.readiness.missing
  }
}

export interface ScreeningBanner {
  href: string
  status: ScreeningRow['status']
  statusText: string
  screenedOn: string
  mode: string
  plan: CommunicationPlanView
  readiness: { text: string; classes: string }
  rescreenDue: boolean
  rescreenDueOn: string | null
  /** The screening says something about language or needs that the record does not. */
  recordDiffers: boolean
}

const MODE_TEXT: Record<string, string> = {
  clinician: 'by a member of staff',
  self: 'by the patient online',
  paper: 'on a paper form',
  import: 'imported'
}

/** The banner for a patient's latest screening (null when never screened). */
export function screeningBanner(
  row: ScreeningRow | undefined,
  now: Date,
  record?: RecordFacts
): ScreeningBanner | null {
  if (!row) return null
  const a = storedAssessment(row)
  return {
    href: `/patients/${row.patient_id}/screening/${row.id}`,
    status: row.status,
    statusText: translate('en', `screening.status.${row.status}`),
    screenedOn: formatDate(row.screened_at),
    mode: MODE_TEXT[row.mode] ?? row.mode,
    plan: planView(a, 'en', record),
    readiness: readinessView(a).tag,
    rescreenDue: row.status === 'partial' || isRescreenDue(row.screened_at, now, a.rescreen?.intervalMonths),
    rescreenDueOn: row.rescreen_due_on ? formatDate(row.rescreen_due_on) : null,
    recordDiffers: record !== undefined && recordDifferences(a.answers, record).updates.length > 0
  }
}

/** One short line for lists (search results). */
export function bannerLine(banner: ScreeningBanner | null): string {
  if (!banner) return 'Not screened'
  if (banner.status === 'declined')
    return `Declined screening (${banner.screenedOn}): use ${banner.plan.alternative.toLowerCase()} or letter`
  const use = banner.plan.routes.join('; ') || 'check with the patient'
  const avoid = banner.plan.avoid.map((a) => a.text).join(', ')
  return `Use: ${use}${avoid ? `. Avoid: ${avoid}` : ''} (screened ${banner.screenedOn}${banner.rescreenDue ? ', re-screen due' : ''})`
}

/** A date in the reader's language, London time ("25 listopada 2026"); NHS style for English. */
export function localDate(lang: string, value: Date | string): string {
  if (lang === 'en') return formatDate(value)
  const date = typeof value === 'string' && value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London'
  }).format(date)
}
