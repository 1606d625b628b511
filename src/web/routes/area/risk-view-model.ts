/**
 * The risk index pages' view models: weights read from the query string, the choropleth map
 * (server-rendered SVG paths with d3-geo), the sortable table, the weights form and the LSOA
 * page's rows. Scoring itself is `scoreLsoas` (domain/area/score-lsoas.ts).
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import {
  COMPONENT_KEYS,
  DEFAULT_WEIGHTS,
  INDICATORS,
  defaultWeights,
  type RiskIndexWeights,
  type WeightKey,
  WEIGHT_KEYS,
  weightProblems
} from '../../../domain/area/risk-index.js'
import { INDICATOR_SOURCES, effectiveWeights, isAvailable } from '../../../domain/area/risk-index-sources.js'
import { needsPrimarySuppression } from '../../../domain/area/inequalities/suppression.js'
import { SORT_KEYS, type Comparison, type ScoredLsoa, type SortKey } from '../../../domain/area/score-lsoas.js'
import type { AreaImportRow, LsoaRow } from '../../../db/repositories/area.js'
import type { LsoaView } from '../../../app/area/view-lsoa.js'
import { formatDate } from '../../../domain/shared/dates.js'

export type { Comparison, ScoredLsoa, SortKey }

/** Viridis in five classes, darkest for the highest risk: readable with colour-vision deficiency and in greyscale. */
const BANDS = [
  { colour: '#440154', label: 'Highest risk fifth' },
  { colour: '#3b528b', label: 'Second fifth' },
  { colour: '#21918c', label: 'Middle fifth' },
  { colour: '#5ec962', label: 'Fourth fifth' },
  { colour: '#fde725', label: 'Lowest risk fifth' }
] as const
export const BAND_COLOURS = BANDS.map((b) => b.colour)
export const BAND_LABELS = BANDS.map((b) => b.label)

/** The label of a band (1 = highest risk fifth); undefined outside 1 to 5. */
export const bandLabel = (band: number): string | undefined => BANDS[band - 1]?.label

const fmt = (n: number) => n.toFixed(2)

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
  const placed: { feature: Feature<Geometry, { code: string }>; scored: ScoredLsoa }[] = []
  for (const l of lsoas) {
    const s = byCode.get(l.code)
    if (l.geometry === null || !s) continue
    // the repository has parsed the GeoJSON column (parseJsonColumn)
    const geometry = rewind(l.geometry as Geometry)
    placed.push({ feature: { type: 'Feature', properties: { code: l.code }, geometry }, scored: s })
  }
  const features = placed.map((p) => p.feature)
  const collection: FeatureCollection<Geometry, { code: string }> = { type: 'FeatureCollection', features }
  if (features.length === 0) return { width, height, areas: [], legend: [] }
  const projection = geoMercator().fitSize([width, height], collection)
  const path = geoPath(projection)
  const areas = placed.map(({ feature, scored: s }) => ({
    code: s.code,
    href: `/area/lsoa/${s.code}`,
    d: path(feature) ?? '',
    fill: BANDS[s.band - 1]?.colour ?? BANDS[4].colour,
    title: `${s.name} (${s.code}): risk index ${s.result.deri.toFixed(2)}, rank ${s.rank}, ${bandLabel(s.band)?.toLowerCase() ?? ''}`
  }))
  return { width, height, areas, legend: BANDS.map((b) => ({ colour: b.colour, label: b.label })) }
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

/** The comparison radios of the weights form. */
export function comparisonRadios(comparison: Comparison) {
  return {
    idPrefix: 'comparison',
    name: 'comparison',
    classes: 'nhsuk-radios--small',
    fieldset: { legend: { text: 'Compare each LSOA with', size: 's' } },
    items: [
      { value: 'lad', text: 'LSOAs in the same local authority (published default)', checked: comparison === 'lad' },
      { value: 'all', text: 'All imported LSOAs', checked: comparison === 'all' }
    ]
  }
}

/** The query string of the page with some values replaced (for sort links and the CSV link). */
export function queryString(query: Record<string, unknown>, extra: Record<string, string>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && !(k in extra)) params.set(k, v)
  for (const [k, v] of Object.entries(extra)) params.set(k, v)
  return params.toString()
}

const HEADINGS: { key: SortKey; text: string; numeric: boolean }[] = [
  { key: 'rank', text: 'Rank', numeric: true },
  { key: 'name', text: 'LSOA', numeric: false },
  { key: 'lad', text: 'Local authority', numeric: false },
  { key: 'deri', text: 'Risk index', numeric: true },
  { key: 'demography', text: 'Demography', numeric: true },
  { key: 'deprivation', text: 'Deprivation', numeric: true },
  { key: 'broadband', text: 'Broadband', numeric: true }
]

/** The sort the table shows: `?sort=` one of the columns (rank by default), `?dir=desc` to reverse. */
export function tableSort(sort: string | undefined, dir: string | undefined): { sort: SortKey; descending: boolean } {
  const raw = (sort ?? '').trim()
  return {
    sort: (SORT_KEYS as readonly string[]).includes(raw) ? (raw as SortKey) : 'rank',
    descending: (dir ?? '').trim() === 'desc'
  }
}

/** Column headings as sort links, with aria-sort on the sorted one. */
export function sortLinks(
  query: Record<string, unknown>,
  sort: SortKey,
  descending: boolean,
  comparison: Comparison = 'lad'
) {
  return HEADINGS.map((h) => {
    const active = h.key === sort
    const nextDir = active && !descending ? 'desc' : 'asc'
    return {
      ...h,
      // with local authority sets each authority has its own ranking, so the heading says whose
      text: h.key === 'rank' && comparison === 'lad' ? 'Rank in its local authority' : h.text,
      href: `/area?${queryString(query, { sort: h.key, dir: nextDir })}#risk-table`,
      ariaSort: active ? (descending ? 'descending' : 'ascending') : 'none'
    }
  })
}

/** Table rows; the rank says out of how many ("3 of 149"), within the LSOA's comparison set. */
export function riskTableRows(sorted: readonly ScoredLsoa[], comparison: Comparison = 'lad') {
  const setSize = new Map<string, number>()
  const setOf = (s: ScoredLsoa) => (comparison === 'lad' ? s.ladName : 'all')
  for (const s of sorted) setSize.set(setOf(s), (setSize.get(setOf(s)) ?? 0) + 1)
  return sorted.map((s) => ({
    ...s,
    rankText: `${s.rank} of ${setSize.get(setOf(s)) ?? sorted.length}`,
    deri: fmt(s.result.deri),
    demography: fmt(s.result.demography),
    deprivation: fmt(s.result.deprivation),
    broadband: fmt(s.result.broadband),
    bandLabel: bandLabel(s.band)
  }))
}

/** The "where the data comes from" table (nhsuk table rows). */
export function importRows(imports: readonly AreaImportRow[]) {
  return imports.map((i) => [
    { text: i.fileName + (i.isSynthetic ? ' (synthetic)' : '') },
    { text: i.publisher },
    { text: i.licence },
    { text: i.rows, format: 'numeric' },
    { text: formatDate(i.importedAt) }
  ])
}

const capitalise = (s: string) => `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`

/** The LSOA page: the summary list, the risk index inputs and every imported indicator. */
export function lsoaPage(view: LsoaView) {
  const { lsoa, mine, peers, indicators, patients } = view
  const patientsText = patients === 0 ? '0' : needsPrimarySuppression(patients) ? 'fewer than 5' : String(patients)
  const summaryRows = [
    { key: { text: 'Local authority' }, value: { text: lsoa.ladName || 'Not known' } },
    { key: { text: 'Ward' }, value: { text: lsoa.wardName || 'Not known' } },
    ...(mine
      ? [
          { key: { text: 'Risk index' }, value: { text: `${fmt(mine.result.deri)} out of 10` } },
          {
            key: { text: 'Rank' },
            value: {
              text: `${mine.rank} of ${peers} (1 = highest risk), ${(bandLabel(mine.band) ?? '').toLowerCase()}`
            }
          },
          ...COMPONENT_KEYS.map((c) => ({
            key: { text: `${capitalise(c)} component` },
            value: { text: `${fmt(mine.result[c])} (weight ${DEFAULT_WEIGHTS[c]} by default)` }
          }))
        ]
      : []),
    {
      key: { text: 'Reach patients living here' },
      value: { text: `${patientsText} (in your organisation; counts of 1 to 4 are not shown)` }
    }
  ]
  const deriRows = INDICATORS.map((i) => {
    const source = INDICATOR_SOURCES[i.key]
    const raw = source ? indicators.find((v) => v.indicator === source.stored)?.value : undefined
    return [
      { text: i.label },
      { text: source ? source.label : 'Not available' },
      { text: raw === undefined ? 'not available' : raw.toFixed(2), format: 'numeric' },
      { text: source && mine ? (mine.result.scores[i.key] ?? 0).toFixed(2) : 'not available', format: 'numeric' }
    ]
  })
  const indicatorRows = indicators.map((v) => [
    { text: v.indicator },
    { text: Number.isInteger(v.value) ? String(v.value) : v.value.toFixed(3), format: 'numeric' }
  ])
  return { summaryRows, deriRows, indicatorRows }
}
