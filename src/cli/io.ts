import { readFile } from 'node:fs/promises'

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readFile: (path: string) => Promise<string>
  /** True when stdout is a terminal: long work shows a progress bar, otherwise plain lines. */
  isTTY: boolean
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  isTTY: Boolean(process.stdout.isTTY)
}

/**
 * Bad input to a command: the message names the line (and column) at fault.
 * The CLI prints it to stderr and exits with `exitCode` (2 by default).
 */
export class CliInputError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 2) {
    super(message)
    this.name = 'CliInputError'
    this.exitCode = exitCode
  }
}
