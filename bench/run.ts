/**
 * `npm run bench`: performance figures, printed with ratios against a baseline measured in the
 * same run. Nothing here asserts a time; the figures are for people to read and compare.
 * `npm run bench -- search` runs one section.
 */
import { benchPatientSearch } from './patient-search.js'
import { benchRender } from './render.js'

const sections: Record<string, () => Promise<void>> = {
  search: benchPatientSearch,
  render: benchRender
}

const wanted = process.argv.slice(2)
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length && !wanted.includes(name)) continue
  console.log(`\n## ${name}`)
  await run()
}
process.exit(0)
