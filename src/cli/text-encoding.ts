/**
 * Import files must be UTF-8 text. A file saved as UTF-16 (Excel's "Unicode text") arrives full
 * of NUL bytes; one saved as Latin-1 or Windows-1252 arrives with U+FFFD where its accented letters
 * were, and would be stored as mojibake. Both are refused with a message saying how to fix them.
 */
import { CliInputError } from './io.js'

export function assertUtf8Text(text: string, label: string): void {
  const nul = text.indexOf('\u0000')
  if (text.startsWith('\uFFFD\uFFFD') || nul !== -1)
    throw new CliInputError(
      `${label}: the file looks like UTF-16 ("Unicode text"), not UTF-8: save it again as "CSV UTF-8" or UTF-8 text${nul !== -1 ? ` (first NUL byte on line ${lineOf(text, nul)})` : ''}`
    )
  const bad = text.indexOf('\uFFFD')
  if (bad !== -1)
    throw new CliInputError(
      `${label}: line ${lineOf(text, bad)}: the file is not UTF-8 (perhaps Latin-1 or Windows-1252): save it again as UTF-8; nothing was imported`
    )
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
