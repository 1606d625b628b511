/** The configuration for a command that needs it; a bad value is a usage error (exit 2) with its message. */
import { CliInputError } from './io.js'

export async function loadConfigOrFail() {
  const { loadConfig, ConfigError } = await import('../config.js')
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) throw new CliInputError(error.message)
    throw error
  }
}
