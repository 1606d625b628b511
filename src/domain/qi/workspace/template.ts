/**
 * The "Digital inclusion" project template, from the project seed: "QI methodology… beginning with
 * stakeholder and asset mapping, the project will move on to testing a series of change ideas using PDSA
 * cycles… data and measurement for improvement". The four barriers (access, skills, motivation, trust) plus
 * accessibility and language are the primary drivers; the seed's eleven change ideas sit under the driver
 * they serve most; its phases are the milestones; Reach's derived measures are linked to the drivers they
 * measure. Everything is a starting point the team edits. Pure: dates come from `startOn`.
 */
import type { DerivedMeasureKey } from '../measures/derived-measures.js'

export const DIGITAL_INCLUSION_TEMPLATE = 'digital-inclusion'

export interface TemplateDriver {
  title: string
  /** Derived measures that show this driver moving. */
  measures: DerivedMeasureKey[]
  secondaries: { title: string; changeIdeas: string[]; measures: DerivedMeasureKey[] }[]
}

export interface ProjectTemplate {
  key: string
  name: string
  aim: { what: string; who: string; howMuch: string; monthsToAim: number }
  drivers: TemplateDriver[]
  /** Phases from the seed, with their length in months from the start. */
  milestones: { title: string; monthsFromStart: number }[]
  /** The measures of the project (each derived measure once), outcome first. */
  measures: DerivedMeasureKey[]
}

export const digitalInclusionTemplate: ProjectTemplate = {
  key: DIGITAL_INCLUSION_TEMPLATE,
  name: 'Digital inclusion',
  aim: {
    what: 'Increase the share of new patients screened for digital exclusion at their initial assessment, and referred to digital support when they need it',
    who: 'patients of our services',
    howMuch: 'from the baseline to 80% screened',
    monthsToAim: 12
  },
  drivers: [
    {
      title: 'Access: patients have a device, a connection and data they can afford',
      measures: ['high-barrier'],
      secondaries: [
        {
          title: 'We find the patients who are digitally excluded',
          changeIdeas: [
            'Digital literacy questions in the case history and initial assessment',
            'Data on health inequalities and digital improvements'
          ],
          measures: ['screened-at-initial-assessment']
        },
        {
          title: 'Patients are referred to device, data and connection schemes',
          changeIdeas: ['Referral to digital support programmes', 'Partnerships and grant applications'],
          measures: ['referrals-made', 'positive-outcome']
        }
      ]
    },
    {
      title: 'Skills: patients and staff have the skills to use digital health',
      measures: [],
      secondaries: [
        {
          title: 'Staff know how to help and where to refer',
          changeIdeas: [
            'Staff knowledge and information',
            'Regular training, including at induction',
            'Digital exclusion champions'
          ],
          measures: ['staff-trained', 'active-champions']
        }
      ]
    },
    {
      title: 'Motivation: patients see what being online can do for them',
      measures: [],
      secondaries: [
        {
          title: 'Patients hear about digital services in ways that reach them',
          changeIdeas: ['Communications and engagement'],
          measures: []
        }
      ]
    },
    {
      title: 'Trust: patients feel safe using digital health',
      measures: [],
      secondaries: [
        {
          title: 'Patients shape the service and say what worries them',
          changeIdeas: ['Patient voice'],
          measures: ['patient-feedback']
        }
      ]
    },
    {
      title: 'Accessibility: digital services work for people with disabilities',
      measures: [],
      secondaries: [
        {
          title: 'Every patient has a safe communication plan',
          changeIdeas: [],
          measures: ['communication-plan']
        }
      ]
    },
    {
      title: 'Language: information in the languages patients read and speak',
      measures: [],
      secondaries: [
        {
          title: 'The local system shares what works',
          changeIdeas: ['The system-wide digital inclusion network', 'Advocacy for digital inclusion'],
          measures: []
        }
      ]
    }
  ],
  milestones: [
    { title: 'Scoping, stakeholder and asset mapping, baseline measurement', monthsFromStart: 2 },
    { title: 'PDSA cycles and tests of change', monthsFromStart: 8 },
    { title: 'Reflection and analysis', monthsFromStart: 10 },
    { title: 'Completion, with recommendations for sustainability', monthsFromStart: 12 }
  ],
  measures: [
    'high-barrier',
    'positive-outcome',
    'screened-at-initial-assessment',
    'communication-plan',
    'referrals-made',
    'referral-outcome-recorded',
    'staff-trained',
    'active-champions',
    'patient-feedback'
  ]
}

/** The eleven change ideas of the template, in order. */
export function templateChangeIdeas(t: ProjectTemplate = digitalInclusionTemplate): string[] {
  return t.drivers.flatMap((d) => d.secondaries.flatMap((s) => s.changeIdeas))
}

/** An ISO date `months` after `start` (same day, clamped to the month's end). */
export function addMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}
