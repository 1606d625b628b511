/**
 * The words for the Making Data Count icons: text equivalents for the SVG icons and the
 * summary table, as the Making Data Count guidance names them.
 */
import type { AssuranceIcon, VariationIcon } from '../spc/index.js'

export const variationLabels: Record<VariationIcon, string> = {
  common_cause: 'Common cause variation',
  improvement_high: 'Special cause improvement – high',
  improvement_low: 'Special cause improvement – low',
  concern_high: 'Special cause concern – high',
  concern_low: 'Special cause concern – low',
  neutral_high: 'Special cause variation – high (neither better nor worse)',
  neutral_low: 'Special cause variation – low (neither better nor worse)'
}

export const assuranceLabels: Record<AssuranceIcon, string> = {
  pass: 'Consistently passing the target',
  fail: 'Consistently failing the target',
  inconsistent: 'Hit and miss: the target may or may not be met',
  none: 'No target'
}
