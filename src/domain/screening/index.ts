/**
 * Digital inclusion screening: one entry point for every mode (clinician form, patient self-completion, paper).
 *
 * assessScreening checks the answers against the screening Questionnaire, drops hidden and invalid answers, and
 * derives status, barriers, readiness, communication plan, eHEALS score and the re-screen date. No I/O, no clock.
 */
import {
  parseScreeningAnswers,
  screeningStatus,
  SCREENING_STATUS_KEYS,
  VALIDATION_ERROR_KEYS,
  type AnswerInput,
  type ScreeningAnswers,
  type ScreeningStatus,
  type ValidationError
} from './answers.js'
import {
  BARRIER_KEYS,
  BARRIER_LEVEL_KEYS,
  BARRIER_REASON_KEYS,
  scoreBarriers,
  type BarrierProfile
} from './barrier-profile.js'
import {
  ADVICE_KEYS,
  ALTERNATIVE_KEYS,
  buildCommunicationPlan,
  CAUTION_KEYS,
  CHANNEL_KEYS,
  CHECK_KEYS,
  NEED_KEYS,
  NEED_NOTE_KEYS,
  PLAN_REASON_KEYS,
  type CommunicationPlan,
  type RecordFacts
} from './communication-plan.js'
import { EHEALS_STATUS_KEYS, scoreEheals, type EhealsResult } from './ehealth-literacy.js'
import { SCREENING_URL, SCREENING_VERSION } from './questionnaire.js'
import {
  assessReadiness,
  READINESS_DISCLAIMER_KEY,
  READINESS_KEYS,
  READINESS_RULE_KEYS,
  type Readiness
} from './readiness.js'
import { DEFAULT_RESCREEN_INTERVAL_MONTHS, rescreenDueDate, toCalendarDate, type DateInput } from './rescreen.js'

export * from './questionnaire.js'
export * from './answers.js'
export * from './barrier-profile.js'
export * from './readiness.js'
export * from './communication-plan.js'
export * from './ehealth-literacy.js'
export * from './rescreen.js'

export const RESCREEN_KEYS = {
  afterInterval: 'screening.rescreen.after-interval',
  nextContact: 'screening.rescreen.next-contact'
} as const

export interface AssessOptions {
  /** When the screening took place. Without it there is no re-screen date. */
  now?: DateInput
  /** Months until the next screening; default 12. */
  rescreenIntervalMonths?: number
  /** What the patient record says (AIS needs, recorded language), for the communication plan. */
  record?: RecordFacts
}

export interface RescreenPlan {
  /** London calendar date, 'YYYY-MM-DD'. */
  dueOn: string
  intervalMonths: number
  /** after-interval for complete and declined screenings; next-contact (due now) for partial ones. */
  key: (typeof RESCREEN_KEYS)[keyof typeof RESCREEN_KEYS]
}

export interface ScreeningAssessment {
  questionnaire: { url: string; version: string }
  status: ScreeningStatus
  statusKey: (typeof SCREENING_STATUS_KEYS)[ScreeningStatus]
  barriers: BarrierProfile
  readiness: Readiness
  plan: CommunicationPlan
  eheals: EhealsResult
  /** Validation problems (required, invalid-option, ...), in questionnaire order. */
  errors: ValidationError[]
  /** linkIds whose answers were dropped because the question was hidden. */
  hidden: string[]
  /** The cleaned answers everything above was derived from: store these. */
  answers: ScreeningAnswers
  rescreen: RescreenPlan | null
}

/** Assesses a screening. Identical answers give identical results, whichever mode collected them. */
export function assessScreening(input: AnswerInput, options: AssessOptions = {}): ScreeningAssessment {
  const parsed = parseScreeningAnswers(input)
  const status = screeningStatus(parsed.answers, parsed.errors)
  const barriers = scoreBarriers(parsed.answers)
  const intervalMonths = options.rescreenIntervalMonths ?? DEFAULT_RESCREEN_INTERVAL_MONTHS
  let rescreen: RescreenPlan | null = null
  if (options.now !== undefined) {
    rescreen =
      status === 'partial'
        ? { dueOn: toCalendarDate(options.now), intervalMonths, key: RESCREEN_KEYS.nextContact }
        : { dueOn: rescreenDueDate(options.now, intervalMonths), intervalMonths, key: RESCREEN_KEYS.afterInterval }
  }
  return {
    questionnaire: { url: SCREENING_URL, version: SCREENING_VERSION },
    status,
    statusKey: SCREENING_STATUS_KEYS[status],
    barriers,
    readiness: assessReadiness(status, barriers),
    plan: buildCommunicationPlan(parsed.answers, options.record),
    eheals: scoreEheals(parsed.answers),
    errors: parsed.errors,
    hidden: parsed.hidden,
    answers: parsed.answers,
    rescreen
  }
}

/** Every text key a screening result can contain, for checking translation catalogues. */
export const SCREENING_RESULT_KEYS: readonly string[] = [
  ...Object.values(SCREENING_STATUS_KEYS),
  ...Object.values(VALIDATION_ERROR_KEYS),
  ...Object.values(BARRIER_KEYS),
  ...Object.values(BARRIER_LEVEL_KEYS),
  ...BARRIER_REASON_KEYS,
  ...Object.values(READINESS_KEYS),
  ...Object.values(READINESS_RULE_KEYS),
  READINESS_DISCLAIMER_KEY,
  ...Object.values(CHANNEL_KEYS),
  ...Object.values(ADVICE_KEYS),
  ...PLAN_REASON_KEYS,
  ...Object.values(CHECK_KEYS),
  ...Object.values(CAUTION_KEYS),
  ...Object.values(ALTERNATIVE_KEYS),
  ...Object.values(NEED_KEYS),
  ...Object.values(NEED_NOTE_KEYS),
  ...Object.values(EHEALS_STATUS_KEYS),
  ...Object.values(RESCREEN_KEYS)
]
