/** Worklists and patient lists as nhsuk macro params. */
import type { WorkItem } from '../../../app/worklists/work-to-do.js'
import type { ListedPatient } from '../../../app/worklists/list-patients-by.js'
import type { Worklist, PatientListFilter } from '../../../db/repositories/worklists.js'
import { BARRIERS } from '../../../domain/shared/barriers.js'
import { READINESS_LEVELS } from '../../../domain/screening/readiness.js'
import { communicationNeedCodes } from '../../../domain/patients/patient-codes.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { formatNhsNumber } from '../../../domain/shared/nhs-number.js'
import { toCsv } from '../../../domain/shared/csv.js'
import { escapeHtml } from '../../escape-html.js'
import { translate } from '../../i18n.js'

export const WORKLIST_TEXT: Record<Worklist, { title: string; one: string; many: string; empty: string }> = {
  invitations: {
    title: 'Self-completion links not used yet',
    one: 'link not used yet',
    many: 'links not used yet',
    empty: 'Every self-completion link has been used or has expired.'
  },
  'self-completed': {
    title: 'Self-completions to review',
    one: 'self-completion to review',
    many: 'self-completions to review',
    empty: 'No self-completion is waiting for review.'
  },
  partial: {
    title: 'Screenings left incomplete',
    one: 'screening left incomplete',
    many: 'screenings left incomplete',
    empty: 'No patient has an incomplete screening as their latest.'
  },
  'open-referrals': {
    title: 'Open referrals',
    one: 'open referral',
    many: 'open referrals',
    empty: 'No referral is open.'
  }
}

/** The home page and /work summary: one row per worklist with its count and link. */
export function workSummaryRows(counts: Record<Worklist, number>) {
  return (Object.keys(WORKLIST_TEXT) as Worklist[]).map((list) => ({
    key: { text: WORKLIST_TEXT[list].title },
    value: { text: String(counts[list]) },
    actions: {
      items: [{ href: `/work/${list}`, text: 'View', visuallyHiddenText: WORKLIST_TEXT[list].title.toLowerCase() }]
    }
  }))
}

function itemHref(item: WorkItem): string {
  if (item.entityType === 'screening') return `/patients/${item.patient.id}/screening/${item.entityId}`
  if (item.entityType === 'referral') return `/referrals/${item.entityId}`
  return `/patients/${item.patient.id}`
}

const patientLink = (p: { id: string; familyName: string; givenName: string }) =>
  `<a href="/patients/${p.id}">${escapeHtml(p.familyName.toUpperCase())}, ${escapeHtml(p.givenName)}</a>`

export function worklistRows(items: readonly WorkItem[]) {
  return items.map((i) => [
    { html: patientLink(i.patient), header: 'Name' },
    { text: formatNhsNumber(i.patient.nhsNumber), header: 'NHS number' },
    { text: formatDate(i.on), header: 'Since' },
    { html: `<a href="${itemHref(i)}">${escapeHtml(i.detail)}</a>`, header: 'Details' }
  ])
}

/** The choices of the patient-list filter, as one select: `barrier:access:high`, `readiness:offline`, `need:interpreter`. */
export function filterItems(selected: string) {
  const items: { value: string; text: string }[] = [{ value: '', text: 'Choose a list' }]
  for (const b of BARRIERS) {
    const name = translate('en', `screening.barrier.${b}`)
    items.push({ value: `barrier:${b}:high`, text: `${name}: high barrier` })
    items.push({ value: `barrier:${b}:some`, text: `${name}: some or high barrier` })
  }
  for (const r of READINESS_LEVELS)
    items.push({ value: `readiness:${r}`, text: `Readiness: ${translate('en', `screening.readiness.${r}`)}` })
  items.push({ value: 'need:interpreter', text: 'Needs an interpreter' })
  for (const n of communicationNeedCodes) items.push({ value: `need:${n.code}`, text: `Needs: ${n.label}` })
  return items.map((i) => ({ ...i, selected: i.value === selected }))
}

/** The filter from its select value; null when it is not one of the choices. */
export function parseFilter(value: string): PatientListFilter | null {
  const known = filterItems('').some((i) => i.value !== '' && i.value === value)
  if (!known) return null
  const [by = '', a = '', b = ''] = value.split(':')
  if (by === 'barrier') return { by, barrier: a, level: b === 'some' ? 'some' : 'high' }
  if (by === 'readiness') return { by, readiness: a }
  return { by: 'need', need: a }
}

const readinessText = (r: string | null) => (r ? translate('en', `screening.readiness.${r}`) : 'Not screened')

export function patientListRows(rows: readonly ListedPatient[]) {
  return rows.map((r) => [
    { html: patientLink(r.patient), header: 'Name' },
    { text: formatNhsNumber(r.patient.nhsNumber), header: 'NHS number' },
    { text: r.screenedAt ? formatDate(r.screenedAt) : 'Not screened', header: 'Last screened' },
    { text: readinessText(r.readiness), header: 'Readiness' }
  ])
}

export function patientListCsv(rows: readonly ListedPatient[]): string {
  return toCsv(
    [
      'nhs_number',
      'family_name',
      'given_name',
      'date_of_birth',
      'main_language',
      'interpreter_needed',
      'communication_needs',
      'last_screened_on',
      'readiness'
    ],
    rows.map((r) => [
      r.patient.nhsNumber,
      r.patient.familyName,
      r.patient.givenName,
      r.patient.dateOfBirth,
      r.patient.mainLanguage ?? '',
      r.patient.interpreterNeeded ? 'yes' : 'no',
      r.patient.communicationNeeds.join(' '),
      r.screenedAt ? r.screenedAt.toISOString().slice(0, 10) : '',
      r.readiness ?? ''
    ])
  )
}
