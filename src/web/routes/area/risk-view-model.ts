/**
 * The risk index as the app shows it: assembled from stored indicators, scored within the
 * chosen comparison set, ranked and banded; plus the choropleth map (server-rendered SVG with
 * d3-geo) and the sortable table.
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import {
  COMPONENT_KEYS,
  INDICATORS,
  computeRiskIndexBySet,
  defaultWeights,
  rankByRisk,
  bandByRisk,
  type RiskIndexResult,
  type RiskIndexWeights,
  type WeightKey,
  WEIGHT_KEYS,
  weightProblems
} from '../../../domain/area/risk-index.js'
import {
  INDICATOR_SOURCES,
  assembleRiskIndexRows,
  effectiveWeights,
  isAvailable
} from '../../../domain/area/risk-index-sources.js'
import type { LsoaRow } from '../../../db/repositories/area.js'

export type Comparison = 'lad' | 'all'

export interface ScoredLsoa {
  code: string
  name: string
  ladName: string
  wardName: string
  result: RiskIndexResult
  rank: number
  /** 1 = highest risk fifth of the comparison set. */
  band: number
}

/** Viridis in five classes, darkest for the highest risk: readable with colour-vision deficiency and in greyscale. */
export const BAND_COLOURS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const
export const BAND_LABELS = [
  'Highest risk fifth',
  'Second fifth',
  'Middle fifth',
  'Fourth fifth',
  'Lowest risk fifth'
] as const

export interface WeightsInput {
  weights: RiskIndexWeights
  problems: string[]
  values: Record<string, string>
}

/** Reads weights from the query string; missing ones keep their defaults. */
export function weightsFromQuery(query: Record<string, unknown>): WeightsInput {
  const weights = defaultWeights()
  const values: Record<string, string> = {}
  const problems: string[] = []
  for (const key of WEIGHT_KEYS) {
    const raw = typeof query[key] === 'string' ? (query[key] as string).trim() : ''
    values[key] = raw === '' ? String(weights[key]) : raw
    if (raw === '') continue
    const n = Number(raw)
    if (!Number.isFinite(n) || n < 0 || n > 10) problems.push(`${key}: enter a number from 0 to 10`)
    else weights[key as WeightKey] = n
  }
  const effective = effectiveWeights(weights)
  if (problems.length === 0) problems.push(...weightProblems(effective))
  return { weights: problems.length === 0 ? effective : effectiveWeights(defaultWeights()), problems, values }
}

/** Scores every 2021 LSOA that has the inputs; rank and band are within the comparison set. */
export function scoreLsoas(
  lsoas: readonly LsoaRow[],
  values: ReadonlyMap<string, ReadonlyMap<string, number>>,
  weights: RiskIndexWeights,
  comparison: Comparison
): { scored: ScoredLsoa[]; missing: string[] } {
  const byCode = new Map(lsoas.map((l) => [l.code, l]))
  const { rows, missing } = assembleRiskIndexRows(
    lsoas.map((l) => l.code),
    values
  )
  const setOf = (code: string) => (comparison === 'lad' ? (byCode.get(code)?.ladCode ?? 'unknown') : 'all')
  const results = computeRiskIndexBySet(rows, (r) => setOf(r.lsoa), { weights })
  const groups = new Map<string, number[]>()
  results.forEach((r, i) => {
    const g = setOf(r.lsoa)
    groups.set(g, [...(groups.get(g) ?? []), i])
  })
  const rank = new Array<number>(results.length)
  const band = new Array<number>(results.length)
  for (const idx of groups.values()) {
    const deri = idx.map((i) => results[i]!.deri)
    const ranks = rankByRisk(deri)
    const bands = bandByRisk(deri, 5)
    idx.forEach((i, j) => {
      rank[i] = ranks[j]!
      band[i] = bands[j]!
    })
  }
  const scored = results.map((result, i) => {
    const l = byCode.get(result.lsoa)!
    return {
      code: l.code,
      name: l.name,
      ladName: l.ladName ?? '',
      wardName: l.wardName ?? '',
      result,
      rank: rank[i]!,
      band: band[i]!
    }
  })
  return { scored, missing }
}

export const SORT_KEYS = ['rank', 'code', 'name', 'lad', 'deri', 'demography', 'deprivation', 'broadband'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export function sortScored(scored: readonly ScoredLsoa[], sort: SortKey, descending: boolean): ScoredLsoa[] {
  const value = (s: ScoredLsoa): string | number => {
    switch (sort) {
      case 'code':
        return s.code
      case 'name':
        return s.name
      case 'lad':
        return s.ladName
      case 'rank':
        return s.rank
      default:
        return s.result[sort]
    }
  }
  const sorted = [...scored].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return c !== 0 ? c : a.code.localeCompare(b.code)
  })
  return descending ? sorted.reverse() : sorted
}

type Ring = [number, number][]

/**
 * d3-geo works on the sphere and wants exterior rings clockwise; GeoJSON (RFC 7946) files wind
 * them anticlockwise, which d3 reads as "the whole globe except this area". Rings are reversed
 * when a polygon comes out larger than a hemisphere.
 */
export function rewind(geometry: Geometry): Geometry {
  const fix = (rings: Ring[]): Ring[] => {
    const polygon = { type: 'Polygon' as const, coordinates: rings }
    return geoArea(polygon) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings
  }
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: fix(geometry.coordinates as Ring[]) }
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: (geometry.coordinates as Ring[][]).map(fix) }
  return geometry
}

export interface MapArea {
  code: string
  href: string
  d: string
  fill: string
  title: string
}
export interface MapModel {
  width: number
  height: number
  areas: MapArea[]
  legend: { colour: string; label: string }[]
}

/** The choropleth: Mercator fitted to the boxes, one path per LSOA with a boundary. */
export function mapModel(
  lsoas: readonly LsoaRow[],
  scored: readonly ScoredLsoa[],
  width = 640,
  height = 560
): MapModel {
  const byCode = new Map(scored.map((s) => [s.code, s]))
  const features: Feature<Geometry, { code: string }>[] = lsoas
    .filter((l) => l.geometry !== null && byCode.has(l.code))
    .map((l) => ({
      type: 'Feature',
      properties: { code: l.code },
      geometry: rewind((typeof l.geometry === 'string' ? JSON.parse(l.geometry) : l.geometry) as Geometry)
    }))
  const collection: FeatureCollection<Geometry, { code: string }> = { type: 'FeatureCollection', features }
  if (features.length === 0) return { width, height, areas: [], legend: [] }
  const projection = geoMercator().fitSize([width, height], collection)
  const path = geoPath(projection)
  const areas = features.map((f) => {
    const s = byCode.get(f.properties.code)!
    return {
      code: s.code,
      href: `/area/lsoa/${s.code}`,
      d: path(f) ?? '',
      fill: BAND_COLOURS[s.band - 1] ?? BAND_COLOURS[4],
      title: `${s.name} (${s.code}): risk index ${s.result.deri.toFixed(2)}, rank ${s.rank}, ${BAND_LABELS[s.band - 1]?.toLowerCase() ?? ''}`
    }
  })
  return { width, height, areas, legend: BAND_COLOURS.map((colour, i) => ({ colour, label: BAND_LABELS[i]! })) }
}

/** The weights form: one number field per available indicator, per component. */
export function weightFieldsets(values: Record<string, string>) {
  return COMPONENT_KEYS.map((c) => ({
    component: c,
    componentField: { id: `w-${c}`, name: c, value: values[c], label: `Weight of the ${c} component` },
    indicators: INDICATORS.filter((i) => i.component === c).map((i) => ({
      key: i.key,
      label: i.label,
      available: isAvailable(i.key),
      source: INDICATOR_SOURCES[i.key]?.label ?? 'Not available in the imported open data',
      field: { id: `w-${i.key}`, name: i.key, value: values[i.key] }
    }))
  }))
}
