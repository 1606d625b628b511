/** Benchmark section: screening (not built yet). */
export async function benchScreening(): Promise<void> {
  console.log('not measured yet')
}
