/** Benchmark section: measures (not built yet). */
export async function benchMeasures(): Promise<void> {
  console.log('not measured yet')
}
