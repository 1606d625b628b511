/**
 * A stored screening as things to show: the barrier profile, readiness, the communication plan, and the
 * short banner shown wherever the patient appears. Texts come from keys in the chosen language.
 */
import { BARRIERS, isRescreenDue, type ScreeningAssessment } from '../../../domain/screening/index.js'
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
  use: string[]
  avoid: { text: string; reasons: string[] }[]
  /** Avoided channels with their reasons, as one line. */
  avoidText: string
  check: string[]
  alternative: string
  needs: string[]
  notes: string[]
  proxy: string | null
}

export function planView(a: ScreeningAssessment, lang = 'en'): CommunicationPlanView {
  const t = (key: string, vars?: Record<string, string>) => translate(lang, key, vars)
  const plan = a.plan
  const avoid = plan.channels
    .filter((c) => c.advice === 'avoid')
    .map((c) => ({ text: t(c.key), reasons: [...new Set(c.reasons.map((r) => t(r.key)))] }))
  return {
    declined: a.status === 'declined',
    avoidText: avoid
      .map((x) => (x.reasons.length ? `${x.text} (${x.reasons.join(', ').toLowerCase()})` : x.text))
      .join('; '),
    use: plan.channels.filter((c) => c.advice === 'use').map((c) => t(c.key)),
    avoid,
    check: plan.channels.filter((c) => c.advice === 'unknown').map((c) => t(c.key)),
    alternative: t(plan.nonDigitalAlternative.key),
    needs: plan.needs.map((n) => (n.need === 'interpreter' && n.language ? `${t(n.key)} (${n.language})` : t(n.key))),
    notes: [...new Set(plan.needs.flatMap((n) => (n.noteKey ? [t(n.noteKey)] : [])))],
    proxy: plan.proxy.consent === 'given' && plan.proxy.contact ? plan.proxy.contact.name : null
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
}

const MODE_TEXT: Record<string, string> = {
  clinician: 'by a member of staff',
  self: 'by the patient online',
  paper: 'on a paper form',
  import: 'imported'
}

/** The banner for a patient's latest screening (null when never screened). */
export function screeningBanner(row: ScreeningRow | undefined, now: Date): ScreeningBanner | null {
  if (!row) return null
  const a = storedAssessment(row)
  return {
    href: `/patients/${row.patient_id}/screening/${row.id}`,
    status: row.status,
    statusText: translate('en', `screening.status.${row.status}`),
    screenedOn: formatDate(row.screened_at),
    mode: MODE_TEXT[row.mode] ?? row.mode,
    plan: planView(a),
    readiness: readinessView(a).tag,
    rescreenDue: row.status === 'partial' || isRescreenDue(row.screened_at, now, a.rescreen?.intervalMonths),
    rescreenDueOn: row.rescreen_due_on ? formatDate(row.rescreen_due_on) : null
  }
}

/** One short line for lists (search results). */
export function bannerLine(banner: ScreeningBanner | null): string {
  if (!banner) return 'Not screened'
  if (banner.status === 'declined')
    return `Declined screening (${banner.screenedOn}): use ${banner.plan.alternative.toLowerCase()} or letter`
  const use = banner.plan.use.join(', ') || 'letter'
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
