/**
 * `npm run bench`: performance figures, printed with ratios against a baseline measured in the
 * same run. Nothing here asserts a time; the figures are for people to read and compare.
 * `npm run bench -- search` runs one section.
 */
import { benchPatientSearch } from './patient-search.js'
import { benchRender } from './render.js'
import { benchSpc } from './spc.js'
import { benchMeasures } from './measures.js'
import { benchArea } from './area.js'
import { benchScreening } from './screening.js'
import { benchReferrals } from './referrals.js'
import { benchClinicScreen } from './clinic-screen.js'

const sections: Record<string, () => Promise<void>> = {
  search: benchPatientSearch,
  render: benchRender,
  screening: benchScreening,
  spc: benchSpc,
  measures: benchMeasures,
  area: benchArea,
  referrals: benchReferrals,
  clinic: benchClinicScreen
}

const wanted = process.argv.slice(2)
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length && !wanted.includes(name)) continue
  console.log(`\n## ${name}`)
  await run()
}
process.exit(0)
