/**
 * Worked-example answers shared by the screening tests: a patient confident online, with no
 * barrier at all. Tests change one or two answers from here to show one rule at a time.
 */
import type { AnswerInput } from '../../../src/domain/screening/answers.js'

export const confident = {
  participation: 'agreed',
  devices: ['smartphone'],
  internet: ['home-broadband'],
  afford: 'yes',
  'skill-connect': 'alone',
  'skill-apps': 'alone',
  'skill-online-forms': 'alone',
  'skill-video': 'alone',
  'skill-messages': 'alone',
  motivation: 'happy',
  worries: ['none'],
  difficulties: ['none'],
  'main-language': 'en',
  interpreter: ['no'],
  helpers: ['none'],
  'communication-needs': ['none']
} as const satisfies AnswerInput
