/** Benchmark section: referrals (not built yet). */
export async function benchReferrals(): Promise<void> {
  console.log('not measured yet')
}
