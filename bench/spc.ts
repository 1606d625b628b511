/**
 * The SPC engine on 10,000 points (the Making Data Count XmR chart with all four special-cause
 * rules, outlier screening, icons) beside a plain loop computing only the mean and the mean
 * moving range over the same points, in the same run.
 */
import { computeSpc, type SpcInputPoint } from '../src/domain/qi/spc/index.js'
import { printTable, timeIt } from './report.js'

function series(n: number): SpcInputPoint[] {
  let state = 7
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const start = Date.UTC(2000, 0, 1)
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    value: 50 + (random() + random() + random() - 1.5) * 10 + (i > n / 2 ? 5 : 0)
  }))
}

/** The baseline: mean and mean moving range, nothing else. */
function plainMeanAndMovingRange(points: readonly SpcInputPoint[]): { mean: number; amr: number } {
  let sum = 0
  let mrSum = 0
  for (let i = 0; i < points.length; i++) {
    sum += points[i]!.value
    if (i > 0) mrSum += Math.abs(points[i]!.value - points[i - 1]!.value)
  }
  return { mean: sum / points.length, amr: mrSum / (points.length - 1) }
}

export async function benchSpc(): Promise<void> {
  const rows: (string | number)[][] = []
  for (const n of [1_000, 10_000]) {
    const points = series(n)
    let sink = 0
    const engine = await timeIt(() => {
      sink += computeSpc(points, { improvementDirection: 'increase', target: 55 }).points.length
    }, 7)
    const plain = await timeIt(() => {
      sink += plainMeanAndMovingRange(points).mean
    }, 7)
    if (!Number.isFinite(sink)) throw new Error('unreachable')
    rows.push([`computeSpc, ${n.toLocaleString('en-GB')} points`, engine, plain, engine / plain])
  }
  printTable(['case', 'engine ms', 'plain mean + mR loop ms', 'ratio'], rows)
  console.log('The engine sorts, validates dates, screens outliers and applies every rule; the loop does none of that.')
}
