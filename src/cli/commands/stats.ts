import type { Command } from 'commander'
import type { CliIo } from '../io.js'

/** `reach stats …` — placeholder until the statistics methods land. */
export function registerStatsCommands(_program: Command, _io: CliIo): void {}
