/**
 * Referrals: the public directory page's weight (HTML + directory-public.css, raw and gzip) with the
 * shared directory loaded, against the 60 KB budget; and matching time for 1 patient × all services
 * and for 10,000 patients × all services.
 */
import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { build } from '../test/helpers/build.js'
import { parseDirectoryImport } from '../src/domain/directory/oruk.js'
import { upsertServices } from '../src/db/repositories/directory.js'
import { directoryFile } from '../src/db/seed/demo-directory.js'
import { rankServices, type Level, type PatientForMatching } from '../src/domain/referrals/matching.js'
import type { DirectoryService } from '../src/domain/directory/service.js'
import { printTable, timeIt } from './report.js'

const BUDGET = 60 * 1024

export async function benchReferrals(): Promise<void> {
  const built = await build('pglite')
  let services: DirectoryService[] = []
  try {
    try {
      services = parseDirectoryImport(
        JSON.parse(await readFile(directoryFile(built.config.sharedDataDir), 'utf8'))
      ).services
    } catch {
      console.log('shared directory file not found: page weight measured with an empty directory')
    }
    await upsertServices(built.database.db, services)
    const css = await built.app.inject({ method: 'GET', url: '/static/directory-public.css' })
    const rows: (string | number)[][] = []
    for (const url of [
      '/services',
      '/services?barrier=access',
      services[0] ? `/services/${services[0].id}` : '/services'
    ]) {
      const html = (await built.app.inject({ method: 'GET', url })).body
      const raw = Buffer.byteLength(html) + Buffer.byteLength(css.body)
      const gz = gzipSync(html).length + gzipSync(css.body).length
      rows.push([url, raw, gz, `${((raw / BUDGET) * 100).toFixed(0)}%`])
    }
    printTable(
      [`public directory page + CSS (${services.length} services)`, 'bytes raw', 'bytes gzip', 'raw vs 60 KB budget'],
      rows
    )
  } finally {
    await built.close()
  }
  const levels: Level[] = ['none', 'some', 'high', 'unknown']
  const barriers = ['access', 'skills', 'motivation', 'trust', 'accessibility', 'language', 'support']
  const patients: PatientForMatching[] = Array.from({ length: 10_000 }, (_, i) => ({
    barriers: Object.fromEntries(barriers.map((b, j) => [b, levels[(i * 7 + j * 3) % 4]!])),
    language: i % 5 === 0 ? 'tr' : 'en',
    interpreterNeeded: i % 9 === 0,
    age: 18 + (i % 80),
    postcode: ['E8 1DY', 'N16 7AB', 'EC3A 1AA', 'M1 1AA'][i % 4]!
  }))
  const one = await timeIt(() => rankServices(patients[0]!, services), 1000)
  const many = await timeIt(() => {
    for (const p of patients) rankServices(p, services)
  }, 3)
  printTable(
    ['matching', 'services', 'median ms'],
    [
      ['1 patient × all services', services.length, one.toFixed(3)],
      ['10,000 patients × all services', services.length, many.toFixed(1)]
    ]
  )
}
