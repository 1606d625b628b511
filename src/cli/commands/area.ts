import type { Command } from 'commander'
import type { CliIo } from '../io.js'

/** `reach area …` — placeholder until the risk index lands. */
export function registerAreaCommands(_program: Command, _io: CliIo): void {}
