import type { Command } from 'commander'
import type { CliIo } from '../io.js'
import { validateNhsNumber } from '../../domain/shared/nhs-number.js'

/**
 * `reach nhs-number check VALUE…`: one line per value,
 * `VALUE<TAB>valid` or `VALUE<TAB>invalid<TAB>reason`; always exits 0.
 */
export function registerNhsNumberCommands(program: Command, io: CliIo): void {
  const group = program.command('nhs-number').description('NHS number tools')
  group
    .command('check')
    .description('check NHS numbers (Modulus 11); prints VALUE<TAB>valid or VALUE<TAB>invalid<TAB>reason')
    .argument('<values...>', 'NHS numbers, with or without spaces (quote values that contain spaces)')
    .action((values: string[]) => {
      for (const value of values) {
        const result = validateNhsNumber(value)
        io.stdout(result.valid ? `${value}\tvalid\n` : `${value}\tinvalid\t${result.reason}\n`)
      }
    })
}
