/**
 * `reach`: the command-line interface. Each area registers its own commands from
 * `commands/<area>.ts`; heavy modules (database, web server) load only when a
 * command that needs them runs, so analysts' commands (`reach spc`, `reach stats …`)
 * start fast.
 */
import { Command, CommanderError } from 'commander'
import { CliInputError, processIo, type CliIo } from './io.js'
import { registerNhsNumberCommands } from './commands/nhs-number.js'
import { registerSpcCommand } from './commands/spc.js'
import { registerStatsCommands } from './commands/stats.js'
import { registerAreaCommands } from './commands/area.js'
import { registerAppCommands } from './commands/app.js'
import { registerScreeningCommands } from './commands/screening.js'
import { registerDirectoryCommands } from './commands/directory.js'
import { registerBackupCommands } from './commands/backup.js'
import { registerRetentionCommands } from './commands/retention.js'

export function buildProgram(io: CliIo): Command {
  const program = new Command()
  program
    .name('reach')
    .description('Reach: make sure digital health reaches everyone')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
  registerAppCommands(program, io)
  registerNhsNumberCommands(program, io)
  registerSpcCommand(program, io)
  registerStatsCommands(program, io)
  registerAreaCommands(program, io)
  registerScreeningCommands(program, io)
  registerDirectoryCommands(program, io)
  registerBackupCommands(program, io)
  registerRetentionCommands(program, io)
  return program
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr(`reach: ${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof CommanderError) {
      // help and version exit 0; usage errors (unknown option, missing argument) exit 2
      return error.exitCode === 0 ? 0 : 2
    }
    io.stderr(`reach: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}

const entry = process.argv[1] ?? ''
if (entry.endsWith('src/cli/reach.ts') || /bin[\\/]reach(\.js)?$/.test(entry)) {
  // setting exitCode (not calling exit) lets long-running commands such as `serve` keep going
  process.exitCode = await runCli(process.argv.slice(2))
}
