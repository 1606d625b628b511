/**
 * DERI weights: one per indicator and one per component, each on GMCA's 0 to 10 scale.
 * Weights are relative: within a component an indicator counts in proportion to its
 * weight, and the DERI counts each component in proportion to its component weight.
 */
import {
  COMPONENT_KEYS,
  INDICATORS,
  INDICATOR_KEYS,
  indicatorsOf,
  isComponentKey,
  isIndicatorKey,
  type ComponentKey,
  type IndicatorKey
} from './risk-index-indicators.js'

export type WeightKey = IndicatorKey | ComponentKey
export type RiskIndexWeights = Record<WeightKey, number>

export const WEIGHT_KEYS: readonly WeightKey[] = [...INDICATOR_KEYS, ...COMPONENT_KEYS]
export const MIN_WEIGHT = 0
export const MAX_WEIGHT = 10

/** GMCA's defaults since v1.2: indicators 5,5,2,2 | 4,2,2,2 | 3,3,3 and components 3,3,3. */
export const DEFAULT_WEIGHTS: Readonly<RiskIndexWeights> = Object.freeze({
  ...(Object.fromEntries(INDICATORS.map((i) => [i.key, i.defaultWeight])) as Record<IndicatorKey, number>),
  demography: 3,
  deprivation: 3,
  broadband: 3
})

/** A weight or weights file that breaks the rules. The message says which key and why. */
export class RiskIndexWeightsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RiskIndexWeightsError'
  }
}

export function isWeightKey(value: string): value is WeightKey {
  return isIndicatorKey(value) || isComponentKey(value)
}

/** A fresh copy of the default weights ("reset"). */
export function defaultWeights(): RiskIndexWeights {
  return { ...DEFAULT_WEIGHTS }
}

/** Why a single weight is not acceptable, or null if it is fine. */
function weightProblem(key: string, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `weight ${key} must be a number from ${MIN_WEIGHT} to ${MAX_WEIGHT}, got ${JSON.stringify(value) ?? String(value)}`
  }
  if (value < MIN_WEIGHT || value > MAX_WEIGHT) {
    return `weight ${key} must be from ${MIN_WEIGHT} to ${MAX_WEIGHT}, got ${value}`
  }
  return null
}

/**
 * Lists everything wrong with a complete set of weights: each weight must be a finite
 * number from 0 to 10, the indicator weights of each component must not all be zero,
 * and the three component weights must not all be zero. An empty list means valid.
 */
export function weightProblems(weights: RiskIndexWeights): string[] {
  const problems: string[] = []
  for (const key of WEIGHT_KEYS) {
    const problem = weightProblem(key, weights[key])
    if (problem) problems.push(problem)
  }
  if (problems.length > 0) return problems
  for (const component of COMPONENT_KEYS) {
    const keys = indicatorsOf(component)
    if (keys.every((k) => weights[k] === 0)) {
      problems.push(
        `the ${component} indicator weights (${keys.join(', ')}) are all zero; at least one must be above zero`
      )
    }
  }
  if (COMPONENT_KEYS.every((c) => weights[c] === 0)) {
    problems.push(`the component weights (${COMPONENT_KEYS.join(', ')}) are all zero; at least one must be above zero`)
  }
  return problems
}

/** Throws a RiskIndexWeightsError listing every problem, or returns the weights unchanged. */
export function validateWeights(weights: RiskIndexWeights): RiskIndexWeights {
  const problems = weightProblems(weights)
  if (problems.length > 0) throw new RiskIndexWeightsError(problems.join('; '))
  return weights
}

/**
 * Checks untrusted input (for example a parsed JSON weights file) and returns it as a
 * partial override. It must be a plain object whose keys are indicator column names or
 * component names, each with a number from 0 to 10. Unknown keys and bad values throw
 * a RiskIndexWeightsError naming them.
 */
export function parseWeightsOverride(value: unknown): Partial<RiskIndexWeights> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RiskIndexWeightsError(
      `weights must be a JSON object such as {"pct_65_plus": 5, "broadband": 3}, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`
    )
  }
  const problems: string[] = []
  const override: Partial<RiskIndexWeights> = {}
  for (const [key, raw] of Object.entries(value)) {
    if (!isWeightKey(key)) {
      problems.push(`unknown weight ${JSON.stringify(key)} (expected any of ${WEIGHT_KEYS.join(', ')})`)
      continue
    }
    const problem = weightProblem(key, raw)
    if (problem) problems.push(problem)
    else override[key] = raw as number
  }
  if (problems.length > 0) throw new RiskIndexWeightsError(problems.join('; '))
  return override
}

/**
 * Applies a partial override on top of a base (the defaults unless given) and validates
 * the result. Keys not in the override keep the base value, so an empty override resets
 * to the base. Throws RiskIndexWeightsError if the result is not a valid set.
 */
export function resolveWeights(
  override: Partial<RiskIndexWeights> = {},
  base: Readonly<RiskIndexWeights> = DEFAULT_WEIGHTS
): RiskIndexWeights {
  const merged: RiskIndexWeights = { ...base }
  for (const key of WEIGHT_KEYS) {
    const value = override[key]
    if (value !== undefined) merged[key] = value
  }
  return validateWeights(merged)
}
