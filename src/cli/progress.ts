import type { CliIo } from './io.js'

/**
 * Progress for long CLI work: a bar redrawn in place on a terminal, plain lines otherwise
 * (at each 25%), so logs and CI output stay readable.
 */
export function progressReporter(io: CliIo, label: string): (done: number, total: number) => void {
  let lastQuarter = -1
  return (done, total) => {
    const fraction = total === 0 ? 1 : done / total
    if (io.isTTY) {
      const width = 30
      const filled = Math.round(fraction * width)
      io.stdout(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`
      )
      return
    }
    const quarter = Math.floor(fraction * 4)
    if (quarter > lastQuarter) {
      lastQuarter = quarter
      io.stdout(`${label}: ${done}/${total}\n`)
    }
  }
}
