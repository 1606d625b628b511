/**
 * A measure's chart, ready to embed in any page (the measure's own page, the summary tables, a
 * project page, a board report, a public page): from its figures and annotations to the SVG,
 * the data table (nhsuk table macro params), the plain-English summary, the Making Data Count
 * icons with their text, and the CSV download (`chartCsv`). The same engine as `reach spc`
 * (computeSpc) with the measure's direction, target and rebase annotations; a run chart
 * instead when there are fewer than 12 points.
 */
import type { MeasureAnnotationRow, MeasureRow } from '../../db/repositories/measures.js'
import {
  computeRunChart,
  computeSpc,
  type AssuranceIcon,
  type PointType,
  type RunChartResult,
  type SpcResult,
  type VariationIcon
} from '../../domain/qi/spc/index.js'
import {
  assuranceLabels,
  runChartSummary,
  spcSummary,
  variationLabels,
  type PeriodFigure
} from '../../domain/qi/measures/index.js'
import { formatDate } from '../../domain/shared/dates.js'
import { toCsv } from '../../domain/shared/csv.js'
import { spcChartSvg, type ChartAnnotation } from './spc-chart-svg.js'
import { runChartSvg } from './run-chart-svg.js'
import { assuranceIconSvg, variationIconSvg } from './mdc-icons-svg.js'

/** Fewer points than this get a run chart: Making Data Count asks for at least 12 before drawing limits. */
export const MIN_SPC_POINTS = 12

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
export const formatMonth = (iso: string): string => (iso ? monthFormat.format(new Date(`${iso}T12:00:00Z`)) : '')
const shortMonthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
/** "Mar 2026": the axis label of a monthly point. */
export const formatShortMonth = (iso: string): string =>
  iso ? shortMonthFormat.format(new Date(`${iso}T12:00:00Z`)) : ''

export function valueFormatter(unit: string): (n: number) => string {
  const round = (n: number) => String(Number(n.toFixed(1)))
  if (unit === 'percent') return (n) => `${round(n)}%`
  if (unit === 'days') return (n) => `${round(n)} days`
  return (n) => round(n)
}

const POINT_TYPE_TEXT: Record<PointType, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause improvement',
  special_cause_concern: 'Special cause concern',
  special_cause_neutral_high: 'Special cause (high)',
  special_cause_neutral_low: 'Special cause (low)'
}

export interface ChartModel {
  kind: 'spc' | 'run' | 'empty'
  points: { date: string; value: number }[]
  spc: SpcResult | null
  run: RunChartResult | null
  svg: string
  summary: string
  variation: VariationIcon | null
  assurance: AssuranceIcon | null
  variationText: string
  assuranceText: string
  variationSvg: string
  assuranceSvg: string
  latest: { date: string; value: number } | null
  tableHead: { text: string; format?: string }[]
  tableRows: { text: string; format?: string }[][]
  annotations: ChartAnnotation[]
  suppressedPeriods: number
}

/** Rebase annotations become rebase dates: each moves to the first period starting on or after it. */
export function rebaseDates(
  dates: readonly string[],
  annotations: readonly Pick<MeasureAnnotationRow, 'kind' | 'on_date'>[]
): string[] {
  return annotations
    .filter((a) => a.kind === 'rebase')
    .map((a) => dates.find((d) => d >= a.on_date))
    .filter((d): d is string => d !== undefined)
}

export function chartModel(
  measure: Pick<MeasureRow, 'name' | 'unit' | 'improvement' | 'target' | 'frequency'>,
  figures: readonly PeriodFigure[],
  annotationRows: readonly Pick<MeasureAnnotationRow, 'kind' | 'on_date' | 'label'>[],
  id = 'measure-chart'
): ChartModel {
  const points = figures
    .filter((f) => f.value !== null && !f.suppressed)
    .map((f) => ({ date: f.periodStart, value: f.value as number }))
  const format = valueFormatter(measure.unit)
  const annotations: ChartAnnotation[] = annotationRows.map((a) => ({ date: a.on_date, label: a.label, kind: a.kind }))
  const suppressedPeriods = figures.filter((f) => f.suppressed).length
  const dates = points.map((p) => p.date)
  const base = { points, annotations, suppressedPeriods, latest: points[points.length - 1] ?? null }
  const formatDay = (d: string) => formatDate(d)
  const formatAxisDate = measure.frequency === 'monthly' ? formatShortMonth : formatDay
  if (points.length === 0) {
    return {
      ...base,
      kind: 'empty',
      spc: null,
      run: null,
      svg: '',
      summary: 'No values yet.',
      variation: null,
      assurance: null,
      variationText: 'Not enough data',
      assuranceText: 'Not enough data',
      variationSvg: '',
      assuranceSvg: '',
      tableHead: [],
      tableRows: []
    }
  }
  if (points.length < MIN_SPC_POINTS) {
    const run = computeRunChart(points.map((p) => p.value))
    const summary = runChartSummary(run, dates, { value: format, month: formatMonth })
    return {
      ...base,
      kind: 'run',
      spc: null,
      run,
      summary,
      svg: runChartSvg(run, {
        title: `${measure.name}: run chart`,
        description: summary,
        dates,
        id,
        target: measure.target,
        formatValue: format,
        formatDate: formatDay,
        formatAxisDate,
        annotations
      }),
      variation: null,
      assurance: null,
      variationText: 'Not enough data for SPC',
      assuranceText: 'Not enough data for SPC',
      variationSvg: '',
      assuranceSvg: '',
      tableHead: [
        { text: 'Period starting' },
        { text: 'Value', format: 'numeric' },
        { text: 'Median', format: 'numeric' },
        { text: 'Signal' }
      ],
      tableRows: points.map((p, i) => {
        const rp = run.points[i]
        const signal =
          rp && (rp.shift || rp.trend || rp.astronomical)
            ? [rp.shift && 'shift', rp.trend && 'trend'].filter(Boolean).join(', ')
            : 'None'
        return [
          { text: formatDay(p.date) },
          { text: format(p.value), format: 'numeric' },
          { text: format(run.median ?? 0), format: 'numeric' },
          { text: signal || 'None' }
        ]
      })
    }
  }
  const spc = computeSpc(points, {
    improvementDirection: measure.improvement,
    target: measure.target,
    rebase: rebaseDates(dates, annotationRows)
  })
  const summary = spcSummary(spc, {
    value: format,
    month: formatMonth,
    ...(measure.unit === 'percent' ? { range: { min: 0, max: 100 } } : {})
  })
  const limit = (v: number | null) => (v === null ? 'Not computed' : format(v))
  return {
    ...base,
    kind: 'spc',
    spc,
    run: null,
    summary,
    svg: spcChartSvg(spc, {
      title: `${measure.name}: statistical process control chart`,
      description: summary,
      id,
      formatValue: format,
      formatDate: formatDay,
      formatAxisDate,
      annotations
    }),
    variation: spc.variation,
    assurance: spc.assurance,
    variationText: variationLabels[spc.variation],
    assuranceText: assuranceLabels[spc.assurance],
    variationSvg: variationIconSvg(spc.variation),
    assuranceSvg: assuranceIconSvg(spc.assurance),
    tableHead: [
      { text: 'Period starting' },
      { text: 'Value', format: 'numeric' },
      { text: 'Mean', format: 'numeric' },
      { text: 'Lower process limit', format: 'numeric' },
      { text: 'Upper process limit', format: 'numeric' },
      { text: 'Point type' }
    ],
    tableRows: spc.points.map((p) => [
      { text: formatDay(p.date) },
      { text: format(p.value), format: 'numeric' },
      { text: format(p.mean), format: 'numeric' },
      { text: limit(p.lpl), format: 'numeric' },
      { text: limit(p.upl), format: 'numeric' },
      { text: POINT_TYPE_TEXT[p.pointType] }
    ])
  }
}

/** The CSV download: for an XmR chart, the same columns and numbers as `reach spc --format csv`. */
export function chartCsv(model: ChartModel): string {
  if (model.spc)
    return toCsv(
      ['date', 'value', 'mean', 'lpl', 'upl', 'pointType'],
      model.spc.points.map((p) => [p.date, p.value, p.mean, p.lpl, p.upl, p.pointType])
    )
  const run = model.run
  if (run)
    return toCsv(
      ['date', 'value', 'median', 'shift', 'trend'],
      model.points.map((p, i) => [
        p.date,
        p.value,
        run.median,
        run.points[i]?.shift ? 'yes' : 'no',
        run.points[i]?.trend ? 'yes' : 'no'
      ])
    )
  return toCsv(['date', 'value'], [])
}
