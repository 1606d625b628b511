/**
 * Ten realistic patients of our own, for the clinical safety worked examples (docs/clinical-safety.md).
 * Each has the screening answers and what the patient record said before the screening.
 */
import type { AnswerInput } from '../../../src/domain/screening/answers.js'
import type { RecordFacts } from '../../../src/domain/screening/communication-plan.js'

export interface WorkedPatient {
  id: string
  who: string
  age: number
  answers: AnswerInput
  record: RecordFacts & { postcode: string | null }
}

const englishRecord = { communicationNeeds: [], mainLanguage: 'en', interpreterNeeded: false, postcode: 'E8 3AB' }

export const PATIENTS = [
  {
    id: 'older-turkish-offline',
    who: 'Ayşe, 81, Turkish speaker, landline only, her son helps; the record still says English',
    age: 81,
    answers: {
      participation: 'agreed',
      devices: ['landline'],
      motivation: 'prefers-not',
      worries: ['none'],
      difficulties: ['none'],
      'main-language': 'tr',
      'reads-english': 'not-at-all',
      interpreter: ['spoken'],
      helpers: ['family-friend'],
      'proxy-consent': 'yes',
      'proxy-name': 'Emre Yılmaz',
      'proxy-phone': '07700 900111',
      'communication-needs': ['none'],
      'contact-preference': ['phone', 'letter']
    },
    record: englishRecord
  },
  {
    id: 'payg-data-running-out',
    who: 'Kemi, 34, smartphone on pay-as-you-go, data runs out before the end of the month',
    age: 34,
    answers: {
      participation: 'agreed',
      devices: ['smartphone'],
      internet: ['mobile-data'],
      afford: 'no',
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
      'communication-needs': ['none'],
      'contact-preference': ['sms']
    },
    record: englishRecord
  },
  {
    id: 'deaf-bsl',
    who: 'Daniel, 45, Deaf, British Sign Language, reads a little English, smartphone',
    age: 45,
    answers: {
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
      difficulties: ['hearing'],
      'assistive-tech': 'no',
      'main-language': 'bfi',
      'reads-english': 'a-little',
      interpreter: ['bsl'],
      helpers: ['none'],
      'communication-needs': ['none'],
      'contact-preference': ['sms', 'video']
    },
    record: englishRecord
  },
  {
    id: 'scam-wary-tablet',
    who: 'Margaret, 72, tablet at home, afraid of scams and of who sees her data',
    age: 72,
    answers: {
      participation: 'agreed',
      devices: ['tablet', 'landline'],
      'device-sharing': 'own',
      internet: ['home-broadband'],
      afford: 'yes',
      'skill-connect': 'alone',
      'skill-apps': 'alone',
      'skill-online-forms': 'with-help',
      'skill-video': 'alone',
      'skill-messages': 'alone',
      motivation: 'lacks-confidence',
      worries: ['scams', 'data-sharing'],
      difficulties: ['none'],
      'main-language': 'en',
      interpreter: ['no'],
      helpers: ['none'],
      'communication-needs': ['none'],
      'contact-preference': ['letter', 'phone', 'email']
    },
    record: englishRecord
  },
  {
    id: 'learning-disability-carer',
    who: 'Chloe, 29, learning disability, her carer manages her phone; the record says carer to be present',
    age: 29,
    answers: {
      participation: 'agreed',
      devices: ['smartphone'],
      'device-sharing': 'shared',
      internet: ['home-broadband'],
      afford: 'yes',
      'skill-connect': 'with-help',
      'skill-apps': 'with-help',
      'skill-online-forms': 'with-help',
      'skill-video': 'with-help',
      'skill-messages': 'with-help',
      motivation: 'lacks-confidence',
      worries: ['none'],
      difficulties: ['cognition'],
      'assistive-tech': 'no',
      'main-language': 'en',
      interpreter: ['no'],
      helpers: ['carer'],
      'proxy-consent': 'yes',
      'proxy-name': 'Grace Okafor',
      'proxy-phone': '07700 900222',
      'communication-needs': ['easy-read']
    },
    record: { ...englishRecord, communicationNeeds: ['carer_present'] }
  },
  {
    id: 'declines',
    who: 'Tom, 58, does not want to answer',
    age: 58,
    answers: { participation: 'declined' },
    record: englishRecord
  },
  {
    id: 'stops-halfway',
    who: 'Priya, 40, smartphone, stopped after the access questions',
    age: 40,
    answers: { participation: 'agreed', devices: ['smartphone'], internet: ['mobile-data'], afford: 'yes' },
    record: englishRecord
  },
  {
    id: 'spoken-only-sylheti',
    who: 'Abdul, 67, speaks Sylheti, reads no English, calls-and-texts mobile, nobody helps',
    age: 67,
    answers: {
      participation: 'agreed',
      devices: ['mobile-basic'],
      motivation: 'prefers-not',
      worries: ['none'],
      difficulties: ['none'],
      'main-language': 'syl',
      'reads-english': 'not-at-all',
      interpreter: ['spoken'],
      'interpreter-language': 'syl',
      helpers: ['none'],
      'communication-needs': ['none']
    },
    record: { ...englishRecord, mainLanguage: 'bn', interpreterNeeded: true }
  },
  {
    id: 'confident-online',
    who: 'Sam, 38, confident online, prefers the NHS App and email',
    age: 38,
    answers: {
      participation: 'agreed',
      devices: ['smartphone', 'computer'],
      'device-sharing': 'own',
      internet: ['home-broadband', 'mobile-data'],
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
      'communication-needs': ['none'],
      'contact-preference': ['nhs-app', 'email']
    },
    record: englishRecord
  },
  {
    id: 'no-fixed-address',
    who: 'Lee, 50, no fixed address, smartphone, gets online only on free public wifi, cannot afford data',
    age: 50,
    answers: {
      participation: 'agreed',
      devices: ['smartphone'],
      'device-sharing': 'own',
      internet: ['public-wifi'],
      afford: 'no',
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
      'communication-needs': ['none'],
      'contact-preference': ['sms', 'letter']
    },
    record: { ...englishRecord, postcode: 'ZZ99 3VZ' }
  }
] as const satisfies readonly WorkedPatient[]
