import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  needsPrimarySuppression,
  suppressDerived,
  suppressNumeratorsWithin,
  suppressOneWay,
  suppressTwoWay,
  type SuppressedCell
} from '../../../../src/domain/area/inequalities/suppression.js'

const shown = (value: number): SuppressedCell => ({ value, reason: null })
const primary: SuppressedCell = { value: null, reason: 'primary' }
const secondary: SuppressedCell = { value: null, reason: 'secondary' }

describe('primary suppression', () => {
  it('hides counts 1 to 4 and shows 0 (a zero identifies nobody)', () => {
    assert.equal(needsPrimarySuppression(0), false)
    for (const c of [1, 2, 3, 4]) assert.equal(needsPrimarySuppression(c), true)
    assert.equal(needsPrimarySuppression(5), false)
    assert.equal(needsPrimarySuppression(7, { max: 7 }), true)
  })
})

describe('suppressOneWay', () => {
  it('hides the next smallest cell when only one cell is hidden, so it cannot be derived from the total', () => {
    assert.deepEqual(suppressOneWay([3, 10, 20]), { cells: [primary, secondary, shown(20)], total: shown(33) })
  })
  it('needs nothing more when two or more cells are already hidden', () => {
    assert.deepEqual(suppressOneWay([3, 4, 20]), { cells: [primary, primary, shown(20)], total: shown(27) })
  })
  it('prefers a non-zero partner to a zero, and takes the earliest cell on a tie', () => {
    assert.deepEqual(suppressOneWay([2, 0, 40]).cells, [primary, shown(0), secondary])
    assert.deepEqual(suppressOneWay([3, 10, 10]).cells, [primary, secondary, shown(10)])
  })
  it('falls back to a zero cell, then to the total', () => {
    assert.deepEqual(suppressOneWay([3, 0, 0]), { cells: [primary, shown(0), shown(0)], total: primary })
    assert.deepEqual(suppressOneWay([6, 0]), { cells: [shown(6), shown(0)], total: shown(6) })
    assert.deepEqual(suppressOneWay([3, 0, 8]), { cells: [primary, shown(0), secondary], total: shown(11) })
  })
  it('hides a small total too', () => {
    assert.deepEqual(suppressOneWay([3]), { cells: [primary], total: primary })
    assert.deepEqual(suppressOneWay([0, 0]), { cells: [shown(0), shown(0)], total: shown(0) })
  })
  it('rejects negative counts', () => {
    assert.throws(() => suppressOneWay([3, -1]), /cell 2/)
  })
})

describe('suppressTwoWay', () => {
  it('works row and column wise until stable', () => {
    // 3 is primary; row 1 then hides 10, column 1 hides 20, column 2 hides 30: a 2 x 2 table
    // with one small cell can only publish its margins
    assert.deepEqual(
      suppressTwoWay([
        [3, 10],
        [20, 30]
      ]),
      {
        cells: [
          [primary, secondary],
          [secondary, secondary]
        ],
        rowTotals: [shown(13), shown(50)],
        columnTotals: [shown(23), shown(40)],
        grandTotal: shown(63)
      }
    )
  })

  it('leaves no additive line with exactly one hidden member (randomised tables)', () => {
    let seed = 12345
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random() * 5)
      const columns = 1 + Math.floor(random() * 5)
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => Math.floor(random() * random() * 40))
      )
      const result = suppressTwoWay(counts)
      const hidden = (c: SuppressedCell): number => (c.reason === null ? 0 : 1)
      const lines: SuppressedCell[][] = []
      result.cells.forEach((row, i) => lines.push([...row, result.rowTotals[i] as SuppressedCell]))
      lines.push([...result.columnTotals, result.grandTotal])
      for (let j = 0; j < columns; j++)
        lines.push([...result.cells.map((row) => row[j] as SuppressedCell), result.columnTotals[j] as SuppressedCell])
      lines.push([...result.rowTotals, result.grandTotal])
      for (const line of lines) {
        const n = line.reduce((s, c) => s + hidden(c), 0)
        assert.ok(n !== 1, `trial ${trial}: a line has exactly one hidden member: ${JSON.stringify(counts)}`)
      }
      counts.forEach((row, i) =>
        row.forEach((c, j) => {
          const cell = result.cells[i]?.[j]
          if (c >= 1 && c <= 4) assert.equal(cell?.reason, 'primary')
          if (cell?.reason === null) assert.equal(cell.value, c)
          if (c === 0) assert.notEqual(cell?.reason, 'primary')
        })
      )
    }
  })

  it('rejects ragged tables', () => {
    assert.throws(() => suppressTwoWay([[1, 2], [3]]), /row 2/)
  })
})

describe('suppressDerived', () => {
  it('hides rates and proportions whose numerator is hidden', () => {
    const { cells } = suppressOneWay([3, 10, 20])
    assert.deepEqual(suppressDerived([0.03, 0.1, 0.2], cells), [null, null, 0.2])
    assert.throws(() => suppressDerived([0.1], cells), /expected 3/)
  })
})

describe('suppressNumeratorsWithin: complements are small numbers too (security finding 9)', () => {
  it('hides a numerator whose complement is 1 to 4, and one more so it cannot be worked out', () => {
    // 5 of 6 Bengali speakers have a barrier: the one who has none is identifiable
    const s = suppressNumeratorsWithin([5, 40, 60], [6, 100, 100])
    assert.deepEqual(
      s.cells.map((c) => c.reason),
      ['primary', 'secondary', null]
    )
    assert.equal(s.total.reason, null)
    assert.equal(s.cells[2]?.value, 60)
  })

  it('a zero numerator with a small denominator is disclosive (all of them are in the complement)', () => {
    const s = suppressNumeratorsWithin([0, 30, 50], [3, 100, 100])
    assert.equal(s.cells[0]?.reason, 'primary')
  })

  it('the total is checked against the total denominator', () => {
    const s = suppressNumeratorsWithin([50, 48], [50, 50])
    // complements 0 and 2: the second row is primary, and so is the total (98 of 100), so two are
    // hidden in the line and the first row can stay
    assert.deepEqual(
      s.cells.map((c) => c.reason),
      [null, 'primary']
    )
    assert.equal(s.total.reason, 'primary')
  })

  it('matches the one-way rule when nothing is near the denominator', () => {
    const counts = [3, 20, 30]
    assert.deepEqual(suppressNumeratorsWithin(counts, [50, 50, 50]), suppressOneWay(counts))
  })

  it('rows that do not nest get the plain primary rule', () => {
    assert.deepEqual(
      suppressNumeratorsWithin([10], [8]).cells.map((c) => c.reason),
      [null]
    )
  })
})
