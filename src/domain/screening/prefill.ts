/**
 * Answers to pre-fill on the clinician form, so a re-screen asks only what may have changed. Only things that
 * rarely change are pre-filled (language, interpreter, difficulties, information formats); devices, internet,
 * skills, attitudes and helpers are always asked afresh. From the last screening first, else from the record.
 * Never used for keying in a paper form, which must say only what the patient wrote.
 */
import type { AnswerInput } from './answers.js'
import type { RecordFacts } from './communication-plan.js'

const STABLE = [
  'main-language',
  'reads-english',
  'interpreter',
  'interpreter-language',
  'difficulties',
  'assistive-tech',
  'communication-needs'
] as const

const RECORD_FORMATS: Record<string, string> = {
  large_print: 'large-print',
  easy_read: 'easy-read',
  braille: 'braille',
  audio: 'audio'
}

export interface Prefill {
  answers: Record<string, string | string[]>
  /** 'screening' (the last one), 'record', or null when nothing was pre-filled. */
  source: 'screening' | 'record' | null
}

export function prefillAnswers(record: RecordFacts, last: AnswerInput | null): Prefill {
  if (last && last.participation === 'agreed') {
    const answers: Record<string, string | string[]> = {}
    for (const linkId of STABLE) {
      const value = last[linkId]
      if (value !== undefined) answers[linkId] = typeof value === 'string' ? value : [...value]
    }
    if (Object.keys(answers).length > 0) return { answers, source: 'screening' }
  }
  const answers: Record<string, string | string[]> = {}
  if (record.mainLanguage && record.mainLanguage !== 'other') answers['main-language'] = record.mainLanguage
  const bsl = record.communicationNeeds.includes('bsl_interpreter')
  const interpreter = [
    ...(record.interpreterNeeded && record.mainLanguage !== 'bfi' ? ['spoken'] : []),
    ...(bsl ? ['bsl'] : [])
  ]
  if (interpreter.length > 0) answers.interpreter = interpreter
  const formats = record.communicationNeeds.flatMap((n) => (RECORD_FORMATS[n] ? [RECORD_FORMATS[n]] : []))
  if (formats.length > 0) answers['communication-needs'] = formats
  return { answers, source: Object.keys(answers).length > 0 ? 'record' : null }
}
