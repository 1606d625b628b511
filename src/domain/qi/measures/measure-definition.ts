/**
 * What a manual measure's operational definition must have (a derived measure takes these from
 * its definition): a name, a type, a numerator and a unit. Pure; the form shows the problems
 * beside its other errors and the create-measure use case checks them again.
 */
import type { MeasureType, MeasureUnit } from './derived-measures.js'

export const MEASURE_TYPES = ['outcome', 'process', 'balancing'] as const satisfies readonly MeasureType[]
export const MEASURE_UNITS = ['percent', 'count', 'days'] as const satisfies readonly MeasureUnit[]

export interface ManualDefinition {
  name: string
  type: string
  numerator: string | null
  unit: string
}

export function isMeasureType(value: string): value is MeasureType {
  return (MEASURE_TYPES as readonly string[]).includes(value)
}

export function manualMeasureIssues(values: ManualDefinition): { field: string; text: string }[] {
  const issues: { field: string; text: string }[] = []
  if (!values.name) issues.push({ field: 'name', text: 'Enter a name for the measure' })
  if (!isMeasureType(values.type)) issues.push({ field: 'type', text: 'Select the type of measure' })
  if (!values.numerator) issues.push({ field: 'numerator', text: 'Enter what is counted (the numerator)' })
  if (!(MEASURE_UNITS as readonly string[]).includes(values.unit))
    issues.push({ field: 'unit', text: 'Select the unit' })
  return issues
}
