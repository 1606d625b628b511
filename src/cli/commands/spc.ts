import type { Command } from 'commander'
import type { CliIo } from '../io.js'

/** `reach spc` — placeholder until the SPC engine lands. */
export function registerSpcCommand(_program: Command, _io: CliIo): void {}
