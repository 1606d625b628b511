/**
 * Demonstration screenings: about 60% of demo patients, spread over the last 18 months (so charts have
 * history), a realistic mix of barriers, about 5% declined, mostly clinician mode with some self and paper.
 * Answers are drawn from a few patient profiles and assessed by the domain, exactly as the web app does.
 */
import { assessScreening, type AnswerInput } from '../../domain/screening/index.js'
import { screeningColumns, type ScreeningMode } from '../repositories/screenings.js'
import type { DemoContext, DemoPatient } from './demo-context.js'

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}
const chance = (random: Random, p: number) => random() < p

/** Answers for one demo patient: a profile (confident, needs help, no device, ...) plus the patient's own language. */
export function demoAnswers(
  random: Random,
  patient: Pick<DemoPatient, 'mainLanguage' | 'interpreterNeeded' | 'disability'>
): AnswerInput {
  if (chance(random, 0.05)) return { participation: 'declined' }
  const profile = pick(random, [
    'confident',
    'confident',
    'some-help',
    'some-help',
    'low-skills',
    'no-device',
    'no-connection'
  ] as const)
  const lang = patient.mainLanguage && patient.mainLanguage !== 'other' ? patient.mainLanguage : 'en'
  const a: Record<string, string | string[]> = { participation: 'agreed' }
  const online = profile !== 'no-device'
  a.devices = online
    ? chance(random, 0.7)
      ? ['smartphone']
      : ['smartphone', 'computer']
    : pick(random, [['mobile-basic'], ['landline'], ['mobile-basic', 'landline'], ['none']])
  if (online) {
    a['device-sharing'] = profile === 'confident' ? 'own' : pick(random, ['own', 'own', 'shared'])
    a.internet =
      profile === 'no-connection'
        ? ['none']
        : profile === 'confident'
          ? ['home-broadband', 'mobile-data']
          : pick(random, [['mobile-data'], ['home-broadband'], ['public-wifi']])
    a.afford = profile === 'confident' ? 'yes' : pick(random, ['yes', 'sometimes', 'no'])
    const skill = (): string =>
      profile === 'confident'
        ? 'alone'
        : profile === 'some-help'
          ? pick(random, ['alone', 'with-help'])
          : pick(random, ['with-help', 'cannot'])
    for (const id of ['skill-connect', 'skill-apps', 'skill-online-forms', 'skill-video', 'skill-messages'])
      a[id] = skill()
  }
  a.motivation = profile === 'confident' ? 'happy' : pick(random, ['happy', 'lacks-confidence', 'prefers-not'])
  a.worries = pick(random, [['none'], ['none'], ['scams'], ['data-sharing'], ['scams', 'data-sharing']])
  const limited = patient.disability === 'limited_a_lot' || patient.disability === 'limited_a_little'
  a.difficulties = limited ? [pick(random, ['sight', 'hearing', 'dexterity', 'cognition'])] : ['none']
  if (limited) a['assistive-tech'] = pick(random, ['yes', 'no'])
  a['main-language'] = lang
  if (lang !== 'en')
    a['reads-english'] = patient.interpreterNeeded
      ? pick(random, ['a-little', 'not-at-all'])
      : pick(random, ['well', 'a-little'])
  a.interpreter = patient.interpreterNeeded ? (lang === 'bfi' ? ['bsl'] : ['spoken']) : ['no']
  if (patient.interpreterNeeded && lang !== 'bfi') a['interpreter-language'] = lang
  a.helpers = pick(random, [['none'], ['family-friend'], ['carer'], ['none']])
  if (a.helpers[0] !== 'none') {
    a['proxy-consent'] = pick(random, ['yes', 'no'])
    if (a['proxy-consent'] === 'yes') {
      a['proxy-name'] = pick(random, ['Sam Carer', 'Alex Helper', 'Jo Relative'])
      a['proxy-phone'] = '07700 900' + String(100 + Math.floor(random() * 800))
    }
  }
  a['communication-needs'] =
    limited && chance(random, 0.5) ? [pick(random, ['large-print', 'easy-read', 'audio'])] : ['none']
  a['contact-preference'] =
    online && profile !== 'no-connection'
      ? pick(random, [['sms'], ['email', 'nhs-app'], ['phone', 'sms']])
      : pick(random, [['letter'], ['phone']])
  return a
}

function daysAgo(today: string, days: number, random: Random): Date {
  const d = new Date(`${today}T09:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  d.setUTCMinutes(Math.floor(random() * 480))
  return d
}

export async function seedDemoScreenings(context: DemoContext): Promise<void> {
  const { trx, random, today } = context
  let count = 0
  for (const org of context.organisations) {
    const screeners = org.staff.filter((s) => s.role === 'clinician' || s.role === 'receptionist')
    const rows = []
    for (const patient of org.patients) {
      if (!chance(random, 0.6)) continue
      const answers = demoAnswers(random, patient)
      const mode: ScreeningMode = pick(random, [
        'clinician',
        'clinician',
        'clinician',
        'clinician',
        'self',
        'paper'
      ] as const)
      // screened at the initial assessment, within a fortnight of registration (never after today)
      const registeredDaysAgo = patient.createdAt
        ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${patient.createdAt}T00:00:00Z`)) / 86_400_000)
        : Math.floor(random() * 548)
      const screenedAt = daysAgo(today, Math.max(0, registeredDaysAgo - Math.floor(random() * 14)), random)
      const input = {
        patientId: patient.id,
        mode,
        language: mode === 'self' ? patient.mainLanguage || 'en' : 'en',
        answers,
        screenedAt,
        enteredBy: mode === 'self' || screeners.length === 0 ? null : pick(random, screeners).id,
        teamId: patient.teamId
      }
      rows.push({ org_id: org.id, ...screeningColumns(input, assessScreening(answers, { now: screenedAt })) })
    }
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('screening')
        .values(rows.slice(i, i + 500))
        .execute()
    count += rows.length
  }
  context.log(`screenings: ${count}`)
}
