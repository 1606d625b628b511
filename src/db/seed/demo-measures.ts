import type { DemoContext } from './demo-context.js'

/** Demonstration data for measures (not built yet). */
export async function seedDemoMeasures(_context: DemoContext): Promise<void> {}
