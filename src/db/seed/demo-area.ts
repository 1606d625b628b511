import type { DemoContext } from './demo-context.js'

/** Demonstration data for area (not built yet). */
export async function seedDemoArea(_context: DemoContext): Promise<void> {}
