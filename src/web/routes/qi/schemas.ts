/** Form schemas of the quality improvement pages (parsed in the handler with `parseForm`). */
import { z } from 'zod'
import { dateParts, text } from '../../form-errors.js'
import { isoDateFromParts } from '../../../domain/shared/dates.js'
import { isProgressScore } from '../../../domain/qi/workspace/progress.js'

export const projectParams = z.object({ projectId: z.string().max(100) })
export const driverParams = z.object({ projectId: z.string().max(100), driverId: z.string().max(100) })
export const milestoneParams = z.object({ projectId: z.string().max(100), milestoneId: z.string().max(100) })

const DATE_PARTS = ['day', 'month', 'year'] as const
type Parts = { day: string; month: string; year: string }

/** An nhsuk date input: required or optional, a real date. */
const dateInput = (label: string, required: boolean) =>
  z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts: Parts, ctx) => {
    if (DATE_PARTS.every((k) => parts[k] === '')) {
      if (required) ctx.addIssue({ code: 'custom', message: `Enter the ${label}` })
      return null
    }
    const iso = isoDateFromParts(parts.day, parts.month, parts.year)
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `The ${label} must be a real date, for example 31 3 2027` })
      return z.NEVER
    }
    return iso
  })

export function projectFormValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return {
    name: text(b.name),
    aimWhat: text(b.aimWhat),
    aimWho: text(b.aimWho),
    aimHowMuch: text(b.aimHowMuch),
    aimByWhen: dateParts(b, 'aimByWhen'),
    status: text(b.status) || 'active',
    startOn: dateParts(b, 'startOn'),
    endOn: dateParts(b, 'endOn'),
    template: text(b.template)
  }
}
export type ProjectFormValues = ReturnType<typeof projectFormValues>

const longText = (label: string, max = 500) => z.string().max(max, `${label} must be ${max} characters or fewer`)

export const projectSchema = z
  .object({
    name: z.string().min(1, 'Enter a project name').max(120, 'Project name must be 120 characters or fewer'),
    aimWhat: longText('What will improve'),
    aimWho: longText('Who it is for', 200),
    aimHowMuch: longText('How much', 200),
    aimByWhen: dateInput('date of the aim', false),
    status: z.enum(['planning', 'active', 'sustaining', 'closed'], { message: 'Select the status of the project' }),
    startOn: dateInput('start date', true),
    endOn: dateInput('end date', false),
    template: z.enum(['', 'digital-inclusion'], { message: 'Select a template from the list, or none' })
  })
  .superRefine((v, ctx) => {
    if (v.startOn && v.endOn && v.endOn < v.startOn)
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'The end date must be on or after the start date' })
  })
  .transform((v) => ({
    name: v.name,
    aim: { what: v.aimWhat, who: v.aimWho, howMuch: v.aimHowMuch, byWhen: v.aimByWhen },
    status: v.status,
    startOn: v.startOn ?? '',
    endOn: v.endOn,
    template: v.template || null
  }))

export const driverSchema = z.object({
  title: z.string().min(1, 'Enter the driver').max(200, 'The driver must be 200 characters or fewer'),
  parentId: z
    .string()
    .max(100)
    .transform((v) => v || null)
})

export const changeIdeaSchema = z.object({
  title: z.string().min(1, 'Enter the change idea').max(200, 'The change idea must be 200 characters or fewer'),
  driverId: z.string().min(1, 'Select the driver this change idea serves').max(100),
  description: longText('The description', 1000).transform((v) => v || null)
})

export const removeDriverSchema = z
  .object({
    mode: z.enum(['none', 'move', 'delete'], {
      message: 'Choose what to do with the drivers and change ideas under it'
    }),
    targetId: z.string().max(100)
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'move' && !v.targetId)
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'Choose the driver to move them to' })
  })
  .transform((v) =>
    v.mode === 'move' ? { mode: 'move' as const, targetId: v.targetId } : { mode: v.mode as 'none' | 'delete' }
  )

export function milestoneFormValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  return { title: text(b.title), dueOn: dateParts(b, 'dueOn') }
}
export const milestoneSchema = z.object({
  title: z.string().min(1, 'Enter the milestone').max(200, 'The milestone must be 200 characters or fewer'),
  dueOn: dateInput('date it is due', true).transform((v) => v ?? '')
})

export const progressSchema = z.object({
  score: z
    .string()
    .refine((v) => isProgressScore(Number(v)), 'Select a progress score')
    .transform(Number),
  reason: z.string().min(1, 'Say why this is the score').max(1000, 'The reason must be 1000 characters or fewer')
})
