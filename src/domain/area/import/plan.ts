/**
 * Plans an import of a folder of area files: recognises each file by its header, gathers every
 * problem (file and line), checks row counts against MANIFEST.csv when present, and takes
 * publisher and licence from the manifest. Pure (hashing is computation, not input/output).
 */
import { createHash } from 'node:crypto'
import { parseAreaFile } from './parse-area-file.js'
import { parseManifest, type ManifestEntry } from './manifest.js'
import type { AreaFileKind, ParsedAreaFile } from './area-file.js'

export interface AreaSourceFile {
  name: string
  text: string
}
export interface PlannedAreaFile {
  name: string
  parsed: ParsedAreaFile
  publisher: string
  licence: string
  sha256: string
}
export interface AreaImportProblem {
  file: string
  line: number | null
  message: string
}

export interface AreaImportPlan {
  files: PlannedAreaFile[]
  /** Files not recognised (and files that are documentation, such as README.md). */
  skipped: string[]
  problems: AreaImportProblem[]
}

export const MANIFEST_FILE = 'MANIFEST.csv'

// boundaries and lookups first, so names, wards and local authorities are in place
const ORDER: AreaFileKind[] = [
  'boundaries-lsoa21',
  'lookup-lsoa21-ward-lad',
  'boundaries-lsoa11',
  'lookup-lsoa11-lad',
  'lookup-lsoa11-lsoa21'
]

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function planAreaImport(sources: readonly AreaSourceFile[]): AreaImportPlan {
  const manifestSource = sources.find((s) => s.name === MANIFEST_FILE)
  let manifest = new Map<string, ManifestEntry>()
  const problems: AreaImportProblem[] = []
  if (manifestSource) {
    try {
      manifest = parseManifest(manifestSource.text)
    } catch (error) {
      problems.push({
        file: MANIFEST_FILE,
        line: null,
        message: `cannot be read: ${error instanceof Error ? error.message : String(error)}`
      })
    }
  }
  const files: PlannedAreaFile[] = []
  const skipped: string[] = []
  for (const source of [...sources].sort((a, b) => a.name.localeCompare(b.name))) {
    if (source.name === MANIFEST_FILE) continue
    const parsed = /\.(csv|geojson|json)$/i.test(source.name) ? parseAreaFile(source.text) : null
    if (!parsed) {
      // a file the manifest lists must be read as what it is: a truncated or changed copy is a problem, not a skip
      if (manifest.has(source.name))
        problems.push({
          file: source.name,
          line: null,
          message: `is listed in ${MANIFEST_FILE} but is not a recognised area file (cut short, or not the published file?)`
        })
      else skipped.push(source.name)
      continue
    }
    const seen = new Set<string>()
    for (const lsoa of parsed.lsoas) {
      const key = `${lsoa.vintage} ${lsoa.code}`
      if (seen.has(key)) {
        problems.push({ file: source.name, line: null, message: `LSOA ${lsoa.code} appears more than once` })
        break
      }
      seen.add(key)
    }
    for (const p of parsed.problems.slice(0, 50)) problems.push({ file: source.name, line: p.line, message: p.message })
    if (parsed.problems.length > 50)
      problems.push({ file: source.name, line: null, message: `and ${parsed.problems.length - 50} more problems` })
    const entry = manifest.get(source.name)
    const hash = sha256(source.text)
    if (entry?.rows != null && entry.rows !== parsed.rows)
      problems.push({
        file: source.name,
        line: null,
        message: `has ${parsed.rows} rows; ${MANIFEST_FILE} says ${entry.rows}`
      })
    if (entry?.sha256 && entry.sha256 !== hash)
      problems.push({ file: source.name, line: null, message: `its sha256 does not match ${MANIFEST_FILE}` })
    files.push({
      name: source.name,
      parsed,
      publisher: entry?.publisher || parsed.publisher,
      licence: entry?.licence || parsed.licence,
      sha256: hash
    })
  }
  const rank = (k: AreaFileKind) => {
    const i = ORDER.indexOf(k)
    return i < 0 ? ORDER.length : i
  }
  files.sort((a, b) => rank(a.parsed.kind) - rank(b.parsed.kind) || a.name.localeCompare(b.name))
  return { files, skipped, problems }
}
