/**
 * Keeping the patient record true to what the patient said: the differences between a screening's answers and
 * the record (main language, interpreter need, Accessible Information Standard needs, contact preferences), for
 * staff to confirm.
 *
 * Reach never changes the record silently from a screening, whichever way it arrived: staff see the differences
 * on the result page and on the patient record, and one action applies them (app/screening/apply-to-record.ts).
 * Needs are only added from a screening; a need on the record that the patient now says they do not have is a
 * conflict for staff to resolve, never removed automatically (it may have been recorded for a reason the
 * screening does not ask about).
 */
import { answerList, type ScreeningAnswers } from './answers.js'
import { preferenceChannels, type RecordFacts } from './communication-plan.js'

/** Screening information-format answers and the AIS need codes they give on the record. */
const FORMAT_NEEDS: Record<string, string> = {
  'large-print': 'large_print',
  'easy-read': 'easy_read',
  braille: 'braille',
  audio: 'audio'
}

export type RecordUpdate =
  | { field: 'mainLanguage'; from: string | null; to: string }
  | { field: 'interpreterNeeded'; from: boolean; to: boolean }
  | { field: 'communicationNeeds'; from: readonly string[]; to: string[]; added: string[] }
  | { field: 'contactPreferences'; from: readonly string[]; to: string[] }

/** A difference staff must decide, because applying the screening would remove something from the record. */
export interface RecordConflict {
  field: 'communicationNeeds'
  /** Needs on the record the patient did not mention (they answered "none of these"). */
  notMentioned: string[]
}

export interface RecordDifferences {
  updates: RecordUpdate[]
  conflicts: RecordConflict[]
}

export function recordDifferences(answers: ScreeningAnswers, record: RecordFacts): RecordDifferences {
  const updates: RecordUpdate[] = []
  const conflicts: RecordConflict[] = []
  if (answers.participation === 'declined') return { updates, conflicts }
  const language = answers['main-language']
  if (language !== undefined && language !== 'other' && language !== record.mainLanguage)
    updates.push({ field: 'mainLanguage', from: record.mainLanguage, to: language })
  const interpreter = answerList(answers, 'interpreter')
  if (interpreter.length > 0) {
    const needed = interpreter.includes('spoken') || interpreter.includes('bsl')
    if (needed !== record.interpreterNeeded)
      updates.push({ field: 'interpreterNeeded', from: record.interpreterNeeded, to: needed })
  }
  const formats = answerList(answers, 'communication-needs')
  const said = formats.flatMap((f) => (FORMAT_NEEDS[f] ? [FORMAT_NEEDS[f]] : []))
  if (interpreter.includes('bsl')) said.push('bsl_interpreter')
  const added = said.filter((n) => !record.communicationNeeds.includes(n))
  if (added.length > 0)
    updates.push({
      field: 'communicationNeeds',
      from: record.communicationNeeds,
      to: [...record.communicationNeeds, ...added],
      added
    })
  // Contact preferences: only for a record that holds them (every patient record does).
  const chosen = preferenceChannels(answers)
  const recorded = record.contactPreferences
  if (recorded !== undefined && chosen.length > 0 && chosen.join() !== recorded.join())
    updates.push({ field: 'contactPreferences', from: recorded, to: chosen })
  if (formats.includes('none')) {
    const notMentioned = record.communicationNeeds.filter((n) => Object.values(FORMAT_NEEDS).includes(n))
    if (notMentioned.length > 0) conflicts.push({ field: 'communicationNeeds', notMentioned })
  }
  return { updates, conflicts }
}

/** The record with the updates applied. */
export function applyRecordUpdates<R extends RecordFacts>(record: R, updates: readonly RecordUpdate[]): R {
  const next = { ...record, communicationNeeds: [...record.communicationNeeds] }
  for (const u of updates) {
    if (u.field === 'mainLanguage') next.mainLanguage = u.to
    else if (u.field === 'interpreterNeeded') next.interpreterNeeded = u.to
    else if (u.field === 'contactPreferences') next.contactPreferences = [...u.to]
    else next.communicationNeeds = [...u.to]
  }
  return next
}
