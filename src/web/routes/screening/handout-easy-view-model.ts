/**
 * The Easy Read take-home handout: the same plan as the standard handout, in short lines, one idea each, every
 * line with its picture. Who to call comes first for each service (phone, then address, then website), so a
 * patient who is not online can use it. Easy Read wording is English only; for another language the staff page
 * offers the standard handout in that language (the route decides, `easyHandoutChoice`).
 */
import type { HandoutService } from '../../../app/referrals/handout-services.js'
import type { Patient } from '../../../db/repositories/patients.js'
import { storedAssessment, type ScreeningRow } from '../../../db/repositories/screenings.js'
import {
  BSL_LANGUAGE,
  NEED_KEYS,
  type CommunicationNeedId,
  type ContactRoute,
  type RecordFacts
} from '../../../domain/screening/index.js'
import { languageName } from '../../../domain/shared/languages.js'
import { translate } from '../../i18n.js'
import {
  CHANNEL_SYMBOLS,
  easyReadKey,
  hasEasyReadWording,
  symbol,
  SYMBOL_CREDIT,
  type SymbolName
} from './easy-read.js'
import type { PatientLanguage } from './languages.js'
import { currentPlan, localDate, planView } from './result-view-models.js'

/** Why the handout is in Easy Read: asked for on the page, the patient answered in Easy Read, or needs it. */
export type EasyReadReason = 'asked' | 'self-completed' | 'information-need'

/**
 * Whether the handout is Easy Read: `?easy=1` or `?easy=0` decide; otherwise Easy Read when the patient answered
 * an Easy Read link or needs Easy Read information (their answers or the record).
 */
export function easyHandoutChoice(
  query: string | undefined,
  row: ScreeningRow,
  record: RecordFacts,
  usedEasyReadLink: boolean
): EasyReadReason | null {
  if (query === '1') return 'asked'
  if (query === '0') return null
  if (usedEasyReadLink) return 'self-completed'
  const needs = currentPlan(storedAssessment(row), record).needs
  return needs.some((n) => n.need === 'easy_read') ? 'information-need' : null
}

export interface EasyLine {
  text: string
  symbol: { src: string }
}

const line = (text: string, name: SymbolName): EasyLine => ({ text, symbol: symbol(name) })

/** A picture for each information need (`plan.needs`, in the order `planView` lists them). */
const NEED_SYMBOLS: Record<CommunicationNeedId, SymbolName> = {
  large_print: 'glasses',
  easy_read: 'read',
  braille: 'hand',
  audio: 'ear',
  bsl_interpreter: 'interpreter',
  interpreter: 'interpreter'
}

/** How one contact route is used, in short sentences: the channel first, then each detail on its own line. */
function routeLines(
  route: ContactRoute,
  proxyName: string | null,
  tr: (k: string, v?: Record<string, string>) => string
) {
  const lang = (code: string) => languageName(code, 'en')
  const details: string[] = []
  if (route.channel === 'letter' && route.language !== 'en')
    details.push(tr('screening.easy.handout.route.in-language', { language: lang(route.language) }))
  for (const format of route.formats) {
    const name = tr(NEED_KEYS[format])
    details.push(
      tr('screening.easy.handout.route.format', {
        format: format === 'large_print' || format === 'audio' ? name.toLowerCase() : name
      })
    )
  }
  if (route.interpreter === BSL_LANGUAGE) details.push(tr('screening.easy.handout.route.bsl'))
  else if (route.interpreter === 'und') details.push(tr('screening.easy.handout.route.interpreter-any'))
  else if (route.interpreter !== null)
    details.push(tr('screening.easy.handout.route.interpreter', { language: lang(route.interpreter) }))
  if (route.textRelay) details.push(tr('screening.easy.handout.route.relay'))
  if (route.viaProxy && proxyName) details.push(tr('screening.easy.handout.route.via-proxy', { name: proxyName }))
  if (!route.personalData) details.push(tr('screening.easy.handout.route.reminders-only'))
  return {
    text: tr(`screening.easy.handout.channel.${route.channel}`),
    symbol: symbol(CHANNEL_SYMBOLS[route.channel]),
    details
  }
}

/** The Easy Read handout page (English Easy Read wording; `choice` must have Easy Read wording). */
export function easyHandoutView(
  patient: Patient,
  row: ScreeningRow,
  options: {
    choice: PatientLanguage
    large: boolean
    reason: EasyReadReason
    organisationName: string
    supportServices: HandoutService[]
  }
) {
  const { choice } = options
  if (!hasEasyReadWording(choice.code)) throw new Error(`no Easy Read wording in ${choice.code}`)
  const tr = (key: string, vars?: Record<string, string>) => translate(choice.code, easyReadKey(choice.code, key), vars)
  const a = storedAssessment(row)
  const plan = currentPlan(a, patient)
  const shown = planView(a, choice.code, patient)
  const proxyName = plan.proxy.consent === 'given' ? (plan.proxy.contact?.name ?? null) : null
  const declined = a.status === 'declined'
  return {
    patient,
    row,
    lang: choice.code,
    dir: choice.dir,
    large: options.large,
    reason: options.reason,
    tr,
    declined,
    intro: [
      line(tr('screening.easy.handout.intro'), 'ask'),
      line(tr('screening.easy.handout.screened', { date: localDate(choice.code, row.screened_at) }), 'calendar')
    ],
    declinedLines: declined
      ? [
          line(tr('screening.easy.handout.declined-1'), 'no'),
          line(tr('screening.easy.handout.declined-2'), 'envelope'),
          line(tr('screening.easy.handout.declined-3'), 'think')
        ]
      : [],
    routes: declined ? [] : plan.routes.map((r) => routeLines(r, proxyName, tr)),
    avoid: declined
      ? []
      : plan.channels.filter((c) => c.advice === 'avoid').map((c) => line(translate(choice.code, c.key), 'no')),
    alternative: declined
      ? null
      : line(tr('screening.easy.handout.alternative', { alternative: shown.alternative.toLowerCase() }), 'yes'),
    needs: declined ? [] : shown.needs.map((text, i) => line(text, NEED_SYMBOLS[plan.needs[i]?.need ?? 'easy_read'])),
    proxy:
      !declined && shown.proxy
        ? line(tr('screening.easy.handout.proxy', { name: shown.proxy }), 'talk-together')
        : null,
    next: [
      ...(declined ? [] : [line(tr('screening.easy.handout.next-contact'), 'health-centre')]),
      ...(row.rescreen_due_on
        ? [
            line(
              tr('screening.easy.handout.next-again', { date: localDate(choice.code, row.rescreen_due_on) }),
              'calendar'
            )
          ]
        : []),
      line(tr('screening.easy.handout.next-change'), 'speak')
    ],
    supportServices: options.supportServices,
    symbols: {
      phone: symbol('landline'),
      house: symbol('house'),
      website: symbol('website'),
      clock: symbol('clock'),
      help: symbol('help'),
      yes: symbol('yes'),
      scam: symbol('scam')
    },
    symbolCredit: SYMBOL_CREDIT,
    organisationName: options.organisationName,
    pageTitle: 'Easy Read handout',
    gridColumn: 'nhsuk-grid-column-full',
    backLinkHref: `/patients/${patient.id}/screening/${row.id}`
  }
}
