import type { DemoContext } from './demo-context.js'

/** Demonstration data for screenings (not built yet). */
export async function seedDemoScreenings(_context: DemoContext): Promise<void> {}
