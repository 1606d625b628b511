/** Benchmark section: spc (not built yet). */
export async function benchSpc(): Promise<void> {
  console.log('not measured yet')
}
