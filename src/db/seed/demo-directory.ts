import type { DemoContext } from './demo-context.js'

/** Demonstration data for directory (not built yet). */
export async function seedDemoDirectory(_context: DemoContext): Promise<void> {}
