/**
 * Demo-like series for the measure chart's golden files: the demo seed's shape (24 monthly
 * values, a PDSA cycle after month 14 and a note three months later), written out so the
 * expected SVG and table never depend on a random generator. A run chart (8 values) and a
 * rebased XmR chart as well.
 */
import type { PeriodFigure } from '../../../src/domain/qi/measures/index.js'

const monthOf = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`
const figures = (values: readonly number[]): PeriodFigure[] =>
  values.map((value, i) => ({ periodStart: monthOf(i), numerator: null, denominator: null, value, suppressed: false }))

// "Patients who felt supported to use digital services": about 52% before the PDSA cycle, 74% after
const supported = [
  51.2, 55.9, 49.8, 53.1, 47.6, 52.4, 56.3, 50.1, 51.7, 54.2, 48.9, 52.8, 50.4, 53.6, 73.1, 76.4, 71.9, 75.2, 74.8,
  70.6, 77.1, 73.3, 75.9, 72.4
]

export interface DemoLikeChart {
  id: string
  measure: {
    name: string
    unit: string
    improvement: 'increase' | 'decrease' | 'neutral'
    target: number | null
    frequency: 'weekly' | 'monthly'
  }
  figures: PeriodFigure[]
  annotations: { kind: 'pdsa' | 'rebase' | 'note'; on_date: string; label: string }[]
}

export const demoLikeSeries: DemoLikeChart[] = [
  {
    id: 'demo-supported',
    measure: {
      name: 'Patients who felt supported to use digital services',
      unit: 'percent',
      improvement: 'increase',
      target: 70,
      frequency: 'monthly'
    },
    figures: figures(supported),
    annotations: [
      { kind: 'pdsa', on_date: monthOf(14), label: 'PDSA 1: digital inclusion question added to the booking script' },
      { kind: 'note', on_date: monthOf(17), label: 'Champions trained in two clinics' }
    ]
  },
  {
    id: 'demo-rebased',
    measure: {
      name: 'Days to outcome & <follow-up>',
      unit: 'days',
      improvement: 'decrease',
      target: null,
      frequency: 'monthly'
    },
    figures: figures(supported.map((v) => Math.round((100 - v) * 3) / 10)),
    annotations: [{ kind: 'rebase', on_date: '2025-02-20', label: 'New "booking" script' }]
  },
  {
    id: 'demo-run',
    measure: { name: 'Referrals made', unit: 'count', improvement: 'increase', target: null, frequency: 'monthly' },
    figures: [
      ...figures([3, 5, 4, 6, 7, 6, 8, 9]),
      { periodStart: '2024-09-01', numerator: null, denominator: null, value: null, suppressed: true }
    ],
    annotations: []
  }
]
