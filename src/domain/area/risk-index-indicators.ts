/**
 * The eleven indicators and three components of the Digital Exclusion Risk Index
 * (GMCA Office of Data Analytics, DERI v1.6), in the order of the published method.
 * See docs/risk-index.md.
 */

export const COMPONENT_KEYS = ['demography', 'deprivation', 'broadband'] as const
export type ComponentKey = (typeof COMPONENT_KEYS)[number]

/** 'higher': a higher value means more risk. 'lower': a lower value means more risk. */
export type RiskDirection = 'higher' | 'lower'

export interface IndicatorDefinition {
  /** Column name in the indicators CSV, and key in a weights file. */
  key: string
  component: ComponentKey
  label: string
  direction: RiskDirection
  defaultWeight: number
  /** The source GMCA used for English LSOAs in v1.6. */
  source: string
}

export const INDICATORS = [
  {
    key: 'pct_65_plus',
    component: 'demography',
    label: '% population aged 65 and over',
    direction: 'higher',
    defaultWeight: 5,
    source: 'ONS mid-2020 LSOA population estimates'
  },
  {
    key: 'pct_75_plus',
    component: 'demography',
    label: '% population aged 75 and over',
    direction: 'higher',
    defaultWeight: 5,
    source: 'ONS mid-2020 LSOA population estimates'
  },
  {
    key: 'pct_limited_activities',
    component: 'demography',
    label: '% residents whose day-to-day activities are limited',
    direction: 'higher',
    defaultWeight: 2,
    source: 'Census 2011 (long-term health problem or disability)'
  },
  {
    key: 'pct_grade_de',
    component: 'demography',
    label: '% population in approximated social grade DE',
    direction: 'higher',
    defaultWeight: 2,
    source: 'Census 2011 (approximated social grade)'
  },
  {
    key: 'pct_no_qualifications',
    component: 'deprivation',
    label: '% residents aged 16 and over with no qualifications',
    direction: 'higher',
    defaultWeight: 4,
    source: 'Census 2011 (highest qualification)'
  },
  {
    key: 'pension_credit_per_1000',
    component: 'deprivation',
    label: 'Guaranteed Pension Credit claimants per 1,000 residents aged 65 and over',
    direction: 'higher',
    defaultWeight: 2,
    source: 'DWP Stat-Xplore, Pension Credit caseload, May 2022'
  },
  {
    key: 'unemployment_rate',
    component: 'deprivation',
    label: 'Unemployment rate',
    direction: 'higher',
    defaultWeight: 2,
    source: 'DWP Alternative Claimant Count, August 2022'
  },
  {
    key: 'imd_score',
    component: 'deprivation',
    label: 'Index of Multiple Deprivation 2019 score',
    direction: 'higher',
    defaultWeight: 2,
    source: 'MHCLG English Indices of Deprivation 2019'
  },
  {
    key: 'pct_below_30mbit',
    component: 'broadband',
    label: '% premises unable to receive at least 30 Mbit/s',
    direction: 'higher',
    defaultWeight: 3,
    source: 'Ofcom Connected Nations, spring 2022'
  },
  {
    key: 'pct_below_10mbit',
    component: 'broadband',
    label: '% connections receiving less than 10 Mbit/s',
    direction: 'higher',
    defaultWeight: 3,
    source: 'Ofcom Connected Nations, spring 2022'
  },
  {
    key: 'avg_download_mbit',
    component: 'broadband',
    label: 'Average download speed (Mbit/s)',
    direction: 'lower',
    defaultWeight: 3,
    source: 'Ofcom Connected Nations, spring 2022'
  }
] as const satisfies readonly IndicatorDefinition[]

export type IndicatorKey = (typeof INDICATORS)[number]['key']

export const INDICATOR_KEYS: readonly IndicatorKey[] = INDICATORS.map((i) => i.key)

/** The indicators of one component, in method order. */
const keysByComponent = new Map<ComponentKey, readonly IndicatorKey[]>()

/** The indicators of a component, in DERI-METHOD.md order (computed once, then reused). */
export function indicatorsOf(component: ComponentKey): readonly IndicatorKey[] {
  let keys = keysByComponent.get(component)
  if (!keys) {
    keys = Object.freeze(INDICATORS.filter((i) => i.component === component).map((i) => i.key))
    keysByComponent.set(component, keys)
  }
  return keys
}

export function indicatorDefinition(key: IndicatorKey): IndicatorDefinition {
  const found = INDICATORS.find((i) => i.key === key)
  if (!found) throw new RangeError(`unknown indicator ${key}`)
  return found
}

export function isIndicatorKey(value: string): value is IndicatorKey {
  return (INDICATOR_KEYS as readonly string[]).includes(value)
}

export function isComponentKey(value: string): value is ComponentKey {
  return (COMPONENT_KEYS as readonly string[]).includes(value)
}
