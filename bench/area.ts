/** Benchmark section: area (not built yet). */
export async function benchArea(): Promise<void> {
  console.log('not measured yet')
}
