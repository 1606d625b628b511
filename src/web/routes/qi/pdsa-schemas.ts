/**
 * Route and form schemas of the PDSA worksheet pages. Params and the query are checked by the zod type
 * provider (a malformed id is a 404); form bodies are parsed section by section in the handler with
 * `parseForm`, so a mistake re-renders the page with an error summary and everything typed kept.
 */
import { z } from 'zod'
import { isoDateFromParts } from '../../../domain/shared/dates.js'
import { PDSA_DECISIONS, PDSA_PURPOSES, type PdsaStage } from '../../../domain/qi/workspace/pdsa.js'
import type { PdsaPlan } from '../../../app/qi/plan-pdsa.js'
import type { PdsaActFields, PdsaDoFields, PdsaStudyFields } from '../../../app/qi/update-pdsa.js'
import { dateParts, datePartsOf, list, text } from '../../form-errors.js'
import { queryText, uuid } from '../../schemas.js'

/** `/projects/:projectId/pdsa/new` */
export const newPdsaParams = z.object({ projectId: uuid })
/** `?changeIdea=…&after=…`: anything that is not an id is as good as absent (the page then asks). */
export const newPdsaQuery = z.object({ changeIdea: queryText, after: queryText })
/** `/projects/:projectId/pdsa/:pdsaId` */
export const pdsaParams = z.object({ projectId: uuid, pdsaId: uuid })

/** Up to three questions, each with its prediction, and up to four tasks, as the worksheet has. */
export const QUESTION_SLOTS = 3
export const TASK_SLOTS = 4
const slots = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
const TASK_PARTS = ['What', 'Who', 'Where', 'When'] as const

type DateParts = { day: string; month: string; year: string }

/** The form's values exactly as typed (strings), for re-rendering. */
export interface PdsaFormValues {
  changeIdeaId: string
  previousId: string
  version: string
  /** 'advance' for "Save and move to…", anything else saves. */
  action: string
  /** The sections the form had fields for. */
  sections: string[]
  title: string
  purpose: string
  objective: string
  questions: { question: string; prediction: string }[]
  tasks: { what: string; who: string; where: string; when: string }[]
  dataPlan: string
  startsOn: DateParts
  endsOn: DateParts
  measureIds: string[]
  asPlanned: string
  observations: string
  problems: string
  results: string
  learned: string
  decision: string
  nextSteps: string
}

/** Free text keeps its line breaks; only the ends are trimmed (`text` does that). */
export function pdsaFormValues(body: unknown): PdsaFormValues {
  const b = (body ?? {}) as Record<string, unknown>
  return {
    changeIdeaId: text(b.changeIdeaId),
    previousId: text(b.previousId),
    version: text(b.version),
    action: text(b.action),
    sections: list(b.sections),
    title: text(b.title),
    purpose: text(b.purpose),
    objective: text(b.objective),
    questions: slots(QUESTION_SLOTS).map((i) => ({
      question: text(b[`question${i}`]),
      prediction: text(b[`prediction${i}`])
    })),
    tasks: slots(TASK_SLOTS).map((i) => ({
      what: text(b[`task${i}What`]),
      who: text(b[`task${i}Who`]),
      where: text(b[`task${i}Where`]),
      when: text(b[`task${i}When`])
    })),
    dataPlan: text(b.dataPlan),
    startsOn: dateParts(b, 'startsOn'),
    endsOn: dateParts(b, 'endsOn'),
    measureIds: list(b.measureIds),
    asPlanned: text(b.asPlanned),
    observations: text(b.observations),
    problems: text(b.problems),
    results: text(b.results),
    learned: text(b.learned),
    decision: text(b.decision),
    nextSteps: text(b.nextSteps)
  }
}

/** The blank form of a new cycle, starting today. */
export function emptyPdsaForm(today: string, changeIdeaId: string, previousId: string): PdsaFormValues {
  return {
    changeIdeaId,
    previousId,
    version: '',
    action: '',
    sections: ['plan'],
    title: '',
    purpose: '',
    objective: '',
    questions: slots(QUESTION_SLOTS).map(() => ({ question: '', prediction: '' })),
    tasks: slots(TASK_SLOTS).map(() => ({ what: '', who: '', where: '', when: '' })),
    dataPlan: '',
    startsOn: datePartsOf(today),
    endsOn: { day: '', month: '', year: '' },
    measureIds: [],
    asPlanned: '',
    observations: '',
    problems: '',
    results: '',
    learned: '',
    decision: '',
    nextSteps: ''
  }
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => v || null)

const dateParts3 = z.object({ day: z.string(), month: z.string(), year: z.string() })
const typedDate = (parts: DateParts) => Boolean(parts.day || parts.month || parts.year)
const realDate = (label: string) => `${label} must be a real date, for example 5 1 2027`

function requiredDate(label: string) {
  return dateParts3.transform((parts, ctx) => {
    const iso = isoDateFromParts(parts.day, parts.month, parts.year)
    if (iso) return iso
    ctx.addIssue({ code: 'custom', message: typedDate(parts) ? realDate(label) : `Enter the ${label.toLowerCase()}` })
    return z.NEVER
  })
}

function optionalDate(label: string) {
  return dateParts3.transform((parts, ctx) => {
    if (!typedDate(parts)) return null
    const iso = isoDateFromParts(parts.day, parts.month, parts.year)
    if (iso) return iso
    ctx.addIssue({ code: 'custom', message: realDate(label) })
    return z.NEVER
  })
}

/** The flat fields of the plan section, as the schema reads them (one key per field on the page). */
export function planFlat(values: PdsaFormValues): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    title: values.title,
    purpose: values.purpose,
    objective: values.objective,
    dataPlan: values.dataPlan,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    measureIds: values.measureIds
  }
  values.questions.forEach((q, i) => {
    flat[`question${i + 1}`] = q.question
    flat[`prediction${i + 1}`] = q.prediction
  })
  values.tasks.forEach((t, i) => {
    flat[`task${i + 1}What`] = t.what
    flat[`task${i + 1}Who`] = t.who
    flat[`task${i + 1}Where`] = t.where
    flat[`task${i + 1}When`] = t.when
  })
  return flat
}

const questionShape = Object.fromEntries(
  slots(QUESTION_SLOTS).flatMap((i) => [
    [`question${i}`, z.string().max(500, `Question ${i} must be 500 characters or fewer`)],
    [`prediction${i}`, z.string().max(500, `Prediction ${i} must be 500 characters or fewer`)]
  ])
)
const taskShape = Object.fromEntries(
  slots(TASK_SLOTS).flatMap((i) =>
    TASK_PARTS.map((part) => [
      `task${i}${part}`,
      z.string().max(200, `Task ${i}: ${part.toLowerCase()} must be 200 characters or fewer`)
    ])
  )
)

export const planSchema = z.object({
  title: z.string().min(1, 'Enter a title for the cycle').max(120, 'Title must be 120 characters or fewer'),
  purpose: z.enum(PDSA_PURPOSES, { message: 'Select what this cycle is for' }),
  objective: z
    .string()
    .min(1, 'Enter the objective of this cycle')
    .max(2000, 'Objective must be 2000 characters or fewer'),
  ...questionShape,
  ...taskShape,
  dataPlan: optionalText(2000, 'The data to collect'),
  startsOn: requiredDate('Start date'),
  endsOn: optionalDate('End date'),
  measureIds: z.array(z.string().max(100)).max(50)
})

/** A question needs its prediction (and the other way round); a task with a who, where or when needs its what. */
export function planPairIssues(values: PdsaFormValues): { field: string; text: string }[] {
  const found: { field: string; text: string }[] = []
  values.questions.forEach((q, n) => {
    const i = n + 1
    if (q.question && !q.prediction)
      found.push({ field: `prediction${i}`, text: `Enter your prediction for question ${i}` })
    if (q.prediction && !q.question)
      found.push({ field: `question${i}`, text: `Enter question ${i}, or clear its prediction` })
  })
  values.tasks.forEach((t, n) => {
    if (!t.what && (t.who || t.where || t.when))
      found.push({ field: `task${n + 1}What`, text: `Enter what task ${n + 1} is` })
  })
  return found
}

/** The plan section parsed: the plan for the use cases, or every problem with it (none of them left for later). */
export function parsePlan(values: PdsaFormValues): {
  plan: PdsaPlan | null
  errors: { field: string; text: string }[]
} {
  const result = planSchema.safeParse(planFlat(values))
  const errors = [
    ...(result.success
      ? []
      : result.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), text: i.message }))),
    ...planPairIssues(values)
  ]
  if (!result.success || errors.length) return { plan: null, errors }
  return { plan: toPlan(result.data, values), errors: [] }
}

/** The plan, from the parsed section and the typed questions and tasks. */
function toPlan(data: z.infer<typeof planSchema>, values: PdsaFormValues): PdsaPlan {
  return {
    title: data.title,
    purpose: data.purpose,
    objective: data.objective,
    questions: values.questions,
    tasks: values.tasks,
    dataPlan: data.dataPlan,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    measureIds: data.measureIds
  }
}

export const doSchema = z.object({
  asPlanned: z
    .enum(['', 'yes', 'no'], { message: 'Select yes or no' })
    .transform((v): PdsaDoFields['asPlanned'] => (v === '' ? null : v === 'yes')),
  observations: optionalText(4000, 'Observations'),
  problems: optionalText(4000, 'Problems and surprises')
})

export const studySchema = z.object({
  results: optionalText(4000, 'Results'),
  learned: optionalText(4000, 'What you learned')
})

export const actSchema = z.object({
  decision: z
    .enum(['', ...PDSA_DECISIONS], { message: 'Select adopt, adapt or abandon' })
    .transform((v): PdsaActFields['decision'] => (v === '' ? null : v)),
  nextSteps: optionalText(2000, 'The next cycle')
})

export type { PdsaDoFields, PdsaStudyFields }

/** The sections a form may send, in page order. */
export const SECTIONS: readonly Exclude<PdsaStage, 'done'>[] = ['plan', 'do', 'study', 'act']

/**
 * Where each field's error points on the page: the first box of a date, the first question or task. The
 * use cases name `questions` and `tasks` as a whole; the page shows that at the first one.
 */
export const FIELD_ANCHORS: Record<string, { field: string; anchor: string }> = {
  questions: { field: 'question1', anchor: 'question1' },
  tasks: { field: 'task1What', anchor: 'task1What' },
  startsOn: { field: 'startsOn', anchor: 'startsOn-day' },
  endsOn: { field: 'endsOn', anchor: 'endsOn-day' },
  stage: { field: 'stage', anchor: 'worksheet-actions' }
}

/** The page order of the fields, so the error summary lists problems as the page shows them. */
export const FIELD_ORDER = [
  'changeIdeaId',
  'previousId',
  'title',
  'purpose',
  'objective',
  ...slots(QUESTION_SLOTS).flatMap((i) => [`question${i}`, `prediction${i}`]),
  ...slots(TASK_SLOTS).flatMap((i) => TASK_PARTS.map((part) => `task${i}${part}`)),
  'dataPlan',
  'startsOn',
  'endsOn',
  'measureIds',
  'asPlanned',
  'observations',
  'problems',
  'results',
  'learned',
  'decision',
  'nextSteps',
  'stage'
]
