/** Form schemas of the quality improvement pages (parsed in the handler with `parseForm`). */
import { z } from 'zod'
import { text } from '../../form-errors.js'

export function projectFormValues(body: unknown): { name: string; aim: string } {
  const b = (body ?? {}) as Record<string, unknown>
  return { name: text(b.name), aim: text(b.aim) }
}

export const projectSchema = z.object({
  name: z.string().min(1, 'Enter a project name').max(120, 'Project name must be 120 characters or fewer'),
  aim: z
    .string()
    .max(1000, 'Aim must be 1000 characters or fewer')
    .transform((v) => v || null)
})
