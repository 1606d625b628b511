/**
 * Demonstration area data: the real City and Hackney open files from the shared data folder
 * (if present), imported with the same code as `reach area import`, plus a SYNTHETIC postcode
 * to LSOA lookup covering the demo patients' postcodes (recorded with is_synthetic = true).
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DemoContext } from './demo-context.js'
import { planAreaImport, sha256 } from '../../domain/area/import/plan.js'
import { syntheticPostcodeLookup } from '../../domain/area/import/synthetic-postcodes.js'
import { loadAreaFile, loadAreaFiles } from '../repositories/area.js'

export const SYNTHETIC_POSTCODE_FILE = 'synthetic-demo-postcode-lsoa.csv'

export async function seedDemoArea(context: DemoContext): Promise<void> {
  const dir = join(context.sharedDataDir, 'area')
  if (!existsSync(dir)) {
    context.log(`area data: ${dir} not found; the area pages will be empty`)
    return
  }
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
  const sources = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') }))
  )
  const plan = planAreaImport(sources)
  if (plan.problems.length > 0) {
    context.log(`area data: ${plan.problems.length} problems in ${dir}; not imported`)
    return
  }
  await loadAreaFiles(context.trx, plan.files, 'demo seed')
  const lsoa21 = plan.files.find((f) => f.parsed.kind === 'boundaries-lsoa21')?.parsed.lsoas.map((l) => l.code) ?? []
  const postcodes = context.organisations.flatMap((o) => o.patients.map((p) => p.postcode))
  const lookup = syntheticPostcodeLookup(postcodes, lsoa21)
  const text = ['pcds,lsoa21cd', ...lookup.map((p) => `${p.postcode},${p.lsoa21}`)].join('\n')
  await loadAreaFile(
    context.trx,
    {
      kind: 'postcode-lsoa',
      description: 'SYNTHETIC postcode to LSOA lookup for the demonstration',
      publisher: 'Reach demonstration (synthetic, not ONS)',
      licence: 'Synthetic data',
      vintage: '2021',
      rows: lookup.length,
      lsoas: [],
      indicators: [],
      lookups: [],
      postcodes: lookup,
      problems: []
    },
    {
      fileName: SYNTHETIC_POSTCODE_FILE,
      publisher: 'Reach demonstration (synthetic, not ONS)',
      licence: 'Synthetic data',
      sha256: sha256(text),
      isSynthetic: true,
      importedBy: 'demo seed'
    }
  )
  context.log(
    `area data: ${plan.files.length} files imported, ${lookup.length} synthetic postcodes placed in real LSOAs`
  )
}
