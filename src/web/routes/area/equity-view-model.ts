/** The equity page: query parsing, the form's fields, table rows (nhsuk macro params) and the charts. */
import { EQUITY_DIMENSIONS, type EquityDimension } from '../../../db/repositories/equity.js'
import type { Team } from '../../../db/schema.js'
import {
  EQUITY_MEASURES,
  type EquityCell,
  type EquityDsr,
  type EquityMeasure,
  type EquityTable
} from '../../../domain/area/equity.js'
import { dateParts, formErrors, noErrors, text, type FormErrors } from '../../form-errors.js'
import { isoDateFromParts } from '../../../domain/shared/dates.js'
import { languageName } from '../../../domain/shared/languages.js'
import { niceTicks } from '../../charts/axis.js'

export const DIMENSION_LABELS: Record<EquityDimension, string> = {
  age: 'Age band',
  sex: 'Sex',
  ethnicity: 'Ethnic group',
  disability: 'Disability',
  language: 'Main language',
  imd: 'IMD 2025 quintile (1 = most deprived)',
  risk: 'Risk index fifth (1 = highest risk)'
}

const SEX: Record<string, string> = { '0': 'Not known', '1': 'Male', '2': 'Female', '9': 'Not specified' }
const DISABILITY: Record<string, string> = {
  no: 'Not disabled',
  limited_a_little: 'Day-to-day activities limited a little',
  limited_a_lot: 'Day-to-day activities limited a lot',
  not_known: 'Not known'
}

/** A group's name as people read it (the CSV keeps the stored code). */
export function groupLabel(dimension: EquityDimension, group: string): string {
  if (group === 'not placed') return 'Not placed (postcode not in the lookup)'
  if (dimension === 'sex') return SEX[group] ?? group
  if (dimension === 'disability') return DISABILITY[group] ?? group
  if (dimension === 'imd') return group === '1' ? '1 (most deprived)' : group === '5' ? '5 (least deprived)' : group
  if (dimension === 'risk') return group === '1' ? '1 (highest risk)' : group === '5' ? '5 (lowest risk)' : group
  if (dimension === 'language') return group === 'not recorded' ? 'Not recorded' : languageName(group)
  return group
}

export interface EquityQueryValues {
  dimension: EquityDimension
  measure: EquityMeasure
  scope: 'organisation' | 'system'
  team: string
  from: { day: string; month: string; year: string }
  to: { day: string; month: string; year: string }
}

function parts(iso: string) {
  return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) }
}

/** Reads the GET form; missing fields take defaults (the last 12 months, all organisations' own view). */
export function parseEquityQuery(
  query: Record<string, unknown>,
  today: string
): { values: EquityQueryValues; from: string; to: string; errors: FormErrors } {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
  const dim = text(query.dimension)
  const measure = text(query.measure)
  const fromGiven = dateParts(query, 'from')
  const toGiven = dateParts(query, 'to')
  const values: EquityQueryValues = {
    dimension: (EQUITY_DIMENSIONS as readonly string[]).includes(dim) ? (dim as EquityDimension) : 'imd',
    measure: measure in EQUITY_MEASURES ? (measure as EquityMeasure) : 'barrier',
    scope: text(query.scope) === 'system' ? 'system' : 'organisation',
    team: text(query.team),
    from: fromGiven.day || fromGiven.month || fromGiven.year ? fromGiven : parts(yearAgo),
    to: toGiven.day || toGiven.month || toGiven.year ? toGiven : parts(today)
  }
  const problems: { field: string; text: string; anchor?: string }[] = []
  const from = isoDateFromParts(values.from.day, values.from.month, values.from.year)
  const to = isoDateFromParts(values.to.day, values.to.month, values.to.year)
  if (!from) problems.push({ field: 'from', text: 'Enter a real start date, for example 1 4 2025', anchor: 'from-day' })
  if (!to) problems.push({ field: 'to', text: 'Enter a real end date, for example 31 3 2026', anchor: 'to-day' })
  if (from && to && from > to)
    problems.push({ field: 'to', text: 'The end date must be the same as or after the start date', anchor: 'to-day' })
  const ok = problems.length === 0
  return {
    values,
    from: ok && from ? from : yearAgo,
    to: ok && to ? to : today,
    errors: ok ? noErrors : formErrors(problems)
  }
}

const pct = (v: number | null) => (v === null ? '' : v.toFixed(1))
const COMPARISON_TEXT: Record<string, string> = {
  higher: 'Higher than overall',
  lower: 'Lower than overall',
  similar: 'Similar to overall',
  'not-compared': 'Not compared'
}

function cellText(c: EquityCell['numerator']): string {
  return c.value === null ? (c.reason === 'primary' ? 'fewer than 5' : 'hidden') : String(c.value)
}

/** A group with no one in it (0 of 0) says so, rather than "hidden", which means suppressed. */
const isEmpty = (c: EquityCell) => c.denominator.value === 0

function row(c: EquityCell, label: (group: string) => string) {
  return [
    { text: label(c.group) },
    { text: cellText(c.numerator), format: 'numeric' },
    { text: cellText(c.denominator), format: 'numeric' },
    { text: c.value !== null ? `${pct(c.value)}%` : isEmpty(c) ? 'No one in this group' : 'hidden', format: 'numeric' },
    { text: c.lower === null ? '' : `${pct(c.lower)}% to ${pct(c.upper)}%`, format: 'numeric' },
    { text: COMPARISON_TEXT[c.comparison] ?? c.comparison }
  ]
}

/** The table's rows: groups with no one in them are left out (the CSV keeps them), then the overall row. */
export function equityTableRows(table: EquityTable, dimension: EquityDimension) {
  const label = (g: string) => (g === table.overall.group ? g : groupLabel(dimension, g))
  return [...table.rows.filter((c) => !isEmpty(c)).map((c) => row(c, label)), row(table.overall, label)]
}

export interface BarChart {
  width: number
  height: number
  bars: { y: number; width: number; label: string; value: string; lowerX: number; upperX: number; whiskerY: number }[]
  overallX: number | null
  axisX: number
  ticks: { x: number; label: string }[]
}

/** A group's rate with its interval, when it is shown. */
function shownRate(r: EquityCell): { group: string; value: number; lower: number; upper: number } | null {
  return r.value !== null && r.lower !== null && r.upper !== null
    ? { group: r.group, value: r.value, lower: r.lower, upper: r.upper }
    : null
}

/** Horizontal bars (percent) with 95% interval whiskers and a line at the overall value. */
export function barChart(table: EquityTable, dimension: EquityDimension): BarChart {
  const labelWidth = 200
  const plot = 420
  const rowHeight = 34
  const shown = table.rows.map(shownRate).filter((r) => r !== null)
  // the axis runs to a round value past the widest interval, with ticks at round steps
  const axis = niceTicks(0, Math.min(100, Math.max(10, ...shown.map((r) => r.upper))), 5)
  const max = axis.high
  const scale = (v: number) => labelWidth + (Math.min(v, max) / max) * plot
  const bars = shown.map((r, i) => ({
    y: 10 + i * rowHeight,
    width: scale(r.value) - labelWidth,
    label: groupLabel(dimension, r.group),
    value: `${pct(r.value)}%`,
    lowerX: scale(r.lower),
    upperX: scale(r.upper),
    whiskerY: 10 + i * rowHeight + 9
  }))
  const ticks = axis.ticks.map((v) => ({ x: scale(v), label: `${v}%` }))
  return {
    width: labelWidth + plot + 60,
    height: 40 + shown.length * rowHeight,
    bars,
    overallX: table.overall.value === null ? null : scale(table.overall.value),
    axisX: labelWidth,
    ticks
  }
}

export function dimensionItems(selected: EquityDimension) {
  return EQUITY_DIMENSIONS.map((d) => ({ value: d, text: DIMENSION_LABELS[d], selected: d === selected }))
}

export function measureItems(selected: EquityMeasure) {
  return (Object.keys(EQUITY_MEASURES) as EquityMeasure[]).map((m) => ({
    value: m,
    text: `${EQUITY_MEASURES[m].label}: ${EQUITY_MEASURES[m].description}`,
    selected: m === selected
  }))
}

export interface QuintileChart {
  width: number
  height: number
  points: { x: number; y: number; lowerY: number; upperY: number; label: string; value: string }[]
  line: string
  ticks: { y: number; label: string }[]
  axisY: number
}

/** A line chart of the rate across IMD quintiles (most deprived on the left) with 95% whiskers; null unless all five are shown. */
export function quintileChart(table: EquityTable): QuintileChart | null {
  const rows: NonNullable<ReturnType<typeof shownRate>>[] = []
  for (const q of ['1', '2', '3', '4', '5']) {
    const found = table.rows.find((r) => r.group === q)
    const rate = found ? shownRate(found) : null
    if (!rate) return null
    rows.push(rate)
  }
  const width = 460
  const height = 260
  const left = 50
  const bottom = 220
  const max = Math.max(10, ...rows.map((r) => r.upper))
  const y = (v: number) => bottom - (v / max) * 200
  const points = rows.map((r, i) => ({
    x: left + 40 + i * 85,
    y: y(r.value),
    lowerY: y(r.lower),
    upperY: y(r.upper),
    label: groupLabel('imd', r.group).replace(' deprived)', ')'),
    value: `${pct(r.value)}%`
  }))
  return {
    width,
    height,
    points,
    axisY: bottom,
    line: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
    ticks: [0, 0.5, 1].map((f) => ({ y: y(f * max), label: `${Math.round(f * max)}%` }))
  }
}

/** Age-standardised rates (nhsuk table rows). */
/**
 * Dobson's limits are written for rates, so for a proportion they can pass 0% or 100%; a percentage of
 * people cannot, so the limits shown are held to 0 to 100% and say when they were (the CSV keeps Dobson's).
 */
export function proportionLimits(lower: number, upper: number): { text: string; capped: boolean } {
  const lo = Math.max(0, lower)
  const hi = Math.min(100, upper)
  const capped = lo !== lower || hi !== upper
  return { text: `${lo.toFixed(1)}% to ${hi.toFixed(1)}%${capped ? ' (held to 0–100%)' : ''}`, capped }
}

export function dsrRows(dsr: readonly EquityDsr[], dimension: EquityDimension) {
  return dsr.map((d) => [
    { text: groupLabel(dimension, d.group) },
    { text: d.value === null ? (d.note ?? '') : `${d.value.toFixed(1)}%`, format: 'numeric' },
    {
      text: d.lower === null || d.upper === null ? '' : proportionLimits(d.lower, d.upper).text,
      format: 'numeric'
    }
  ])
}

const dateItems = (prefix: string, value: { day: string; month: string; year: string }) => [
  { name: '[day]', id: `${prefix}-day`, label: 'Day', classes: 'nhsuk-input--width-2', value: value.day },
  { name: '[month]', id: `${prefix}-month`, label: 'Month', classes: 'nhsuk-input--width-2', value: value.month },
  { name: '[year]', id: `${prefix}-year`, label: 'Year', classes: 'nhsuk-input--width-4', value: value.year }
]

/** The equity form's fields (nhsuk select, radios and date input params). */
export function equityFormFields(values: EquityQueryValues, errors: FormErrors, teams: readonly Team[]) {
  return {
    measure: {
      id: 'measure',
      name: 'measure',
      label: { text: 'Measure', size: 's' },
      items: measureItems(values.measure)
    },
    dimension: {
      id: 'dimension',
      name: 'dimension',
      label: { text: 'Break down by', size: 's' },
      items: dimensionItems(values.dimension)
    },
    scope: {
      idPrefix: 'scope',
      name: 'scope',
      classes: 'nhsuk-radios--small',
      fieldset: { legend: { text: 'Patients of', size: 's' } },
      items: [
        { value: 'organisation', text: 'My organisation', checked: values.scope === 'organisation' },
        {
          value: 'system',
          text: 'All organisations in my system (aggregate counts)',
          checked: values.scope === 'system'
        }
      ]
    },
    team: {
      id: 'team',
      name: 'team',
      label: { text: 'Team (my organisation only)', size: 's' },
      items: [
        { value: '', text: 'All teams' },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === values.team }))
      ]
    },
    from: {
      id: 'from',
      namePrefix: 'from',
      fieldset: { legend: { text: 'From', size: 's' } },
      errorMessage: errors.byField.from,
      items: dateItems('from', values.from)
    },
    to: {
      id: 'to',
      namePrefix: 'to',
      fieldset: { legend: { text: 'To', size: 's' } },
      errorMessage: errors.byField.to,
      items: dateItems('to', values.to)
    }
  }
}
