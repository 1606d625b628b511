/**
 * The reasons behind a patient's barriers that decide which support service fits them (MatchingNeeds), from
 * their screening answers. Pure.
 */
import { answerList, type ScreeningAnswers } from '../screening/answers.js'
import { hasOnlineDevice } from '../screening/barrier-profile.js'
import type { MatchingNeeds } from './matching.js'

export function matchingNeeds(answers: ScreeningAnswers): MatchingNeeds {
  const devices = answerList(answers, 'devices')
  const online = hasOnlineDevice(answers)
  const languages = [answers['main-language'], answers['interpreter-language']].filter(
    (l): l is string => l !== undefined && l !== 'en'
  )
  return {
    noDevice: devices.length > 0 && !online,
    cannotAfford: answers.afford === 'no' || answers.afford === 'sometimes',
    noConnection: online && answerList(answers, 'internet').includes('none'),
    prefersOffline: answers.motivation === 'prefers-not',
    languages: [...new Set(languages)]
  }
}
