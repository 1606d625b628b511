/**
 * Runs `reach ARGS` in-process with files served from memory, capturing what it prints.
 * Every CLI test uses this, so commands are tested exactly as analysts call them.
 */
import { runCli } from '../../src/cli/reach.js'
import type { CliIo } from '../../src/cli/io.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runReach(args: string[], files: Record<string, string> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    readFile: async (path) => {
      const text = files[path]
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`)
      return text
    },
    isTTY: false
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}
