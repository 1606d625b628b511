/**
 * Which DERI indicators the imported open files can fill, on 2021 LSOAs, and how the app
 * builds risk-index rows from stored indicator values. Unavailable indicators get weight 0.
 * See docs/area-data.md for why each source was chosen. Pure.
 */
import { COMPONENT_KEYS, INDICATORS, indicatorsOf, type IndicatorKey } from './risk-index-indicators.js'
import { resolveWeights, type RiskIndexInputRow, type RiskIndexWeights } from './risk-index.js'

export interface IndicatorSource {
  stored: string
  label: string
  isProxy: boolean
}

export const INDICATOR_SOURCES: Partial<Record<IndicatorKey, IndicatorSource>> = {
  pct_65_plus: { stored: 'census21_pct_65_plus', label: 'Census 2021 RM121 (the DERI v2.0 input)', isProxy: false },
  pct_75_plus: { stored: 'census21_pct_75_plus', label: 'Census 2021 RM121 (the DERI v2.0 input)', isProxy: false },
  pct_limited_activities: {
    stored: 'census21_pct_disabled_under_the_equality_act',
    label: 'Census 2021 TS038: disabled under the Equality Act (day-to-day activities limited)',
    isProxy: false
  },
  imd_score: { stored: 'imd2025_imd_score', label: 'IoD2025 IMD score (v1.6 used IoD2019)', isProxy: false },
  pct_below_30mbit: {
    stored: 'imd2025_ind_digital_connectivity_broadband_download_and_upload_speeds',
    label: 'Proxy: IoD2025 digital connectivity indicator (download and upload speeds; higher means worse)',
    isProxy: true
  }
}

export function isAvailable(key: IndicatorKey): boolean {
  return INDICATOR_SOURCES[key] !== undefined
}

/** Stored indicator names the app reads for the index. */
export function storedIndicatorNames(): string[] {
  return Object.values(INDICATOR_SOURCES).map((s) => s.stored)
}

/**
 * The user's weights with every unavailable indicator set to 0, and a component's weight set
 * to 0 when none of its indicators is available.
 */
export function effectiveWeights(override: Partial<RiskIndexWeights>): RiskIndexWeights {
  const w = { ...resolveWeights({}), ...override }
  for (const { key } of INDICATORS) if (!isAvailable(key)) w[key] = 0
  for (const c of COMPONENT_KEYS) {
    const keys = indicatorsOf(c)
    if (keys.some(isAvailable)) continue
    // nothing to measure: the component drops out; its (constant) indicators keep a weight so the weights stay valid
    w[c] = 0
    for (const k of keys) w[k] = 1
  }
  return w
}

export interface AssembledRows {
  rows: RiskIndexInputRow[]
  missing: string[]
}

/**
 * One input row per LSOA that has every available indicator; LSOAs lacking one are listed in
 * `missing`. Unavailable indicators are null when their weight is 0 and 0 otherwise (a
 * constant, so it scores 0 and changes nothing).
 */
export function assembleRiskIndexRows(
  codes: readonly string[],
  values: ReadonlyMap<string, ReadonlyMap<string, number>>
): AssembledRows {
  const rows: RiskIndexInputRow[] = []
  const missing: string[] = []
  for (const code of codes) {
    const v = values.get(code)
    const row = { lsoa: code } as RiskIndexInputRow
    let ok = true
    for (const { key } of INDICATORS) {
      const source = INDICATOR_SOURCES[key]
      if (!source) {
        row[key] = 0
        continue
      }
      const value = v?.get(source.stored)
      if (value === undefined) {
        ok = false
        break
      }
      row[key] = value
    }
    if (ok) rows.push(row)
    else missing.push(code)
  }
  return { rows, missing }
}
