import type { DemoContext } from './demo-context.js'

/** Demonstration data for referrals (not built yet). */
export async function seedDemoReferrals(_context: DemoContext): Promise<void> {}
