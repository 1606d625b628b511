/**
 * Screenings as FHIR R4 QuestionnaireResponse, and back. The patient is referenced by NHS number
 * (identifier system https://fhir.nhs.uk/Id/nhs-number), never by our internal id alone.
 * Conversion happens only here, at the edge: the rest of Reach uses the plain answer map.
 */
import type {
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer
} from '@medplum/fhirtypes'
import { z } from 'zod'
import {
  ANSWER_SYSTEM,
  LANGUAGE_SYSTEM,
  LANGUAGE_VALUE_SET,
  screeningQuestionnaire,
  SCREENING_URL,
  type AnswerInput
} from '../domain/screening/index.js'

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number'

export interface ScreeningForFhir {
  id: string
  status: 'complete' | 'partial' | 'declined'
  questionnaireVersion: string
  language: string
  screenedAt: Date | string
  answers: AnswerInput
  nhsNumber: string
}

function answerFor(item: QuestionnaireItem, value: string): QuestionnaireResponseItemAnswer {
  if (item.answerValueSet === LANGUAGE_VALUE_SET) return { valueCoding: { system: LANGUAGE_SYSTEM, code: value } }
  if (item.type === 'choice') {
    const option = item.answerOption?.find((o) => o.valueCoding?.code === value)
    return {
      valueCoding: {
        system: option?.valueCoding?.system ?? ANSWER_SYSTEM,
        code: value,
        display: option?.valueCoding?.display
      }
    }
  }
  return { valueString: value }
}

function responseItems(
  items: readonly QuestionnaireItem[] | undefined,
  answers: AnswerInput
): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = []
  for (const item of items ?? []) {
    if (item.type === 'group') {
      const children = responseItems(item.item, answers)
      if (children.length) out.push({ linkId: item.linkId, text: item.text, item: children })
      continue
    }
    if (item.type === 'display') continue
    const raw = answers[item.linkId]
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw as string]
    if (values.length) out.push({ linkId: item.linkId, text: item.text, answer: values.map((v) => answerFor(item, v)) })
  }
  return out
}

/** A stored screening as a QuestionnaireResponse (answers as given, nested as the Questionnaire's groups). */
export function toQuestionnaireResponse(s: ScreeningForFhir): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: s.id,
    questionnaire: `${SCREENING_URL}|${s.questionnaireVersion}`,
    status: s.status === 'partial' ? 'in-progress' : 'completed',
    language: s.language,
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: s.nhsNumber }, type: 'Patient' },
    authored: new Date(s.screenedAt).toISOString(),
    item: responseItems(screeningQuestionnaire.item, s.answers)
  }
}

// --- Import ---

const codingSchema = z.object({
  system: z.string().optional(),
  code: z.string().min(1),
  display: z.string().optional()
})
const answerSchema = z
  .object({ valueCoding: codingSchema.optional(), valueString: z.string().optional() })
  .refine(
    (a) => (a.valueCoding ? 1 : 0) + (a.valueString !== undefined ? 1 : 0) === 1,
    'Give exactly one of valueCoding or valueString'
  )
type ItemShape = {
  linkId: string
  text?: string | undefined
  answer?: z.infer<typeof answerSchema>[] | undefined
  item?: ItemShape[] | undefined
}
const itemSchema: z.ZodType<ItemShape> = z.lazy(() =>
  z.object({
    linkId: z.string().min(1),
    text: z.string().optional(),
    answer: z.array(answerSchema).optional(),
    item: z.array(itemSchema).optional()
  })
)

export const questionnaireResponseSchema = z.object({
  resourceType: z.literal('QuestionnaireResponse'),
  questionnaire: z.string().refine((q) => q.split('|')[0] === SCREENING_URL, `questionnaire must be ${SCREENING_URL}`),
  status: z.enum(['completed', 'in-progress', 'amended']),
  language: z.string().optional(),
  authored: z.string().datetime({ offset: true }),
  subject: z.object({
    identifier: z.object({
      system: z.literal(NHS_NUMBER_SYSTEM),
      value: z.string().regex(/^\d{10}$/, 'NHS number must be 10 digits')
    })
  }),
  item: z.array(itemSchema).optional()
})

export interface FhirFieldError {
  path: string
  message: string
}

export type ParsedResponse =
  | { ok: true; nhsNumber: string; authored: Date; language: string; answers: Record<string, string | string[]> }
  | { ok: false; errors: FhirFieldError[] }

const definitionItems = new Map<string, QuestionnaireItem>()
const walk = (items: readonly QuestionnaireItem[] | undefined) => {
  for (const i of items ?? []) {
    definitionItems.set(i.linkId, i)
    walk(i.item)
  }
}
walk(screeningQuestionnaire.item)

/** Structure (zod) and linkIds/answer types (against the definition); paths name the item by linkId. */
export function parseQuestionnaireResponse(body: unknown): ParsedResponse {
  const parsed = questionnaireResponseSchema.safeParse(body)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(resource)', message: i.message }))
    }
  }
  const errors: FhirFieldError[] = []
  const answers: Record<string, string | string[]> = {}
  const visit = (items: ItemShape[] | undefined, path: string) => {
    for (const [index, item] of (items ?? []).entries()) {
      const here = `${path}[${index}](linkId=${item.linkId})`
      const def = definitionItems.get(item.linkId)
      if (!def) {
        errors.push({ path: here, message: `linkId ${item.linkId} is not in the questionnaire` })
        continue
      }
      if (def.type === 'group') {
        visit(item.item, `${here}.item`)
        continue
      }
      const values: string[] = []
      for (const [ai, a] of (item.answer ?? []).entries()) {
        const v = def.type === 'string' ? a.valueString : a.valueCoding?.code
        if (v === undefined)
          errors.push({
            path: `${here}.answer[${ai}]`,
            message: def.type === 'string' ? 'Expected valueString' : 'Expected valueCoding'
          })
        else values.push(v)
      }
      const [only, ...more] = values
      if (only !== undefined) answers[item.linkId] = def.repeats || more.length > 0 ? values : only
    }
  }
  visit(parsed.data.item, 'item')
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    nhsNumber: parsed.data.subject.identifier.value,
    authored: new Date(parsed.data.authored),
    language: (parsed.data.language ?? 'en').split('-')[0]?.toLowerCase() ?? 'en',
    answers
  }
}
