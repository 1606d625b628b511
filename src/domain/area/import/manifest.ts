/** MANIFEST.csv beside the area files: publisher, licence, row count and sha256 per file. Pure. */
import { parse } from 'csv-parse/sync'

export interface ManifestEntry {
  file: string
  publisher: string
  licence: string
  rows: number | null
  sha256: string | null
}

/** Reads a manifest with at least the columns file, original_publisher (or publisher) and licence. */
export function parseManifest(text: string): Map<string, ManifestEntry> {
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<
    string,
    string
  >[]
  const entries = new Map<string, ManifestEntry>()
  for (const r of records) {
    if (!r.file) continue
    const rows = Number(r.rows)
    entries.set(r.file, {
      file: r.file,
      publisher: r.original_publisher ?? r.publisher ?? '',
      licence: r.licence ?? '',
      rows: r.rows && Number.isInteger(rows) ? rows : null,
      sha256: r.sha256 || null
    })
  }
  return entries
}
