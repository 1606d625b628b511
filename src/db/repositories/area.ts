/**
 * Area reference data: loading parsed files (with provenance) and reading LSOAs and indicators.
 * These tables are shared by every organisation (no org_id).
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../schema.js'
import type { AreaLsoa, ParsedAreaFile } from '../../domain/area/import/area-file.js'
import type { AreaImportPlan } from '../../domain/area/import/plan.js'
import { parseJsonColumn } from '../json-column.js'

type Db = Kysely<Database> | Transaction<Database>

export interface AreaImportProvenance {
  fileName: string
  publisher: string
  licence: string
  sha256: string
  isSynthetic?: boolean
  importedBy?: string | null
}

const CHUNK = 500

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/** One row per code: later entries fill in fields earlier ones left empty; a 2021 entry wins the vintage. */
function mergeLsoas(lsoas: readonly AreaLsoa[]): AreaLsoa[] {
  const byCode = new Map<string, AreaLsoa>()
  for (const l of lsoas) {
    const seen = byCode.get(l.code)
    if (!seen) {
      byCode.set(l.code, { ...l })
      continue
    }
    for (const key of ['name', 'ladCode', 'ladName', 'wardCode', 'wardName', 'geometry'] as const)
      if (seen[key] === undefined && l[key] !== undefined) (seen as unknown as Record<string, unknown>)[key] = l[key]
    if (l.vintage === '2021') seen.vintage = '2021'
  }
  return [...byCode.values()]
}

/**
 * Loads one parsed file and records its provenance. Call inside a transaction (the caller's
 * import is one transaction for all its files). Values already stored for the same LSOA and
 * indicator are replaced. 2011 boundaries never replace a 2021 LSOA's name or boundary.
 */
export async function loadAreaFile(
  trx: Db,
  file: ParsedAreaFile,
  provenance: AreaImportProvenance,
  onProgress?: (done: number) => void
): Promise<string> {
  const imported = await trx
    .insertInto('area_import')
    .values({
      file_name: provenance.fileName,
      kind: file.kind,
      publisher: provenance.publisher,
      licence: provenance.licence,
      sha256: provenance.sha256,
      rows: file.rows,
      is_synthetic: provenance.isSynthetic ?? false,
      imported_by: provenance.importedBy ?? null
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const importId = imported.id
  let done = 0
  const tick = (n: number) => {
    done += n
    onProgress?.(done)
  }
  for (const part of chunks(mergeLsoas(file.lsoas))) {
    await trx
      .insertInto('lsoa')
      .values(
        part.map((l) => ({
          code: l.code,
          vintage: l.vintage,
          name: l.name ?? l.code,
          lad_code: l.ladCode ?? null,
          lad_name: l.ladName ?? null,
          ward_code: l.wardCode ?? null,
          ward_name: l.wardName ?? null,
          geometry: l.geometry === undefined ? null : JSON.stringify(l.geometry),
          import_id: importId
        }))
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          // a 2011 file only fills gaps in a row that is (also) a 2021 LSOA
          vintage: sql`case when lsoa.vintage = '2021' or excluded.vintage = '2021' then '2021' else '2011' end`,
          name: sql`case when excluded.name <> excluded.code and (lsoa.name = lsoa.code or excluded.vintage = '2021' or lsoa.vintage = '2011') then excluded.name else lsoa.name end`,
          lad_code: sql`coalesce(case when excluded.vintage = '2021' then excluded.lad_code end, lsoa.lad_code, excluded.lad_code)`,
          lad_name: sql`coalesce(case when excluded.vintage = '2021' then excluded.lad_name end, lsoa.lad_name, excluded.lad_name)`,
          ward_code: sql`coalesce(excluded.ward_code, lsoa.ward_code)`,
          ward_name: sql`coalesce(excluded.ward_name, lsoa.ward_name)`,
          geometry: sql`case when excluded.geometry is not null and (excluded.vintage = '2021' or lsoa.vintage = '2011' or lsoa.geometry is null) then excluded.geometry else lsoa.geometry end`
        })
      )
      .execute()
    tick(part.length)
  }
  for (const part of chunks(file.indicators)) {
    await trx
      .insertInto('lsoa_indicator')
      .values(part.map((v) => ({ lsoa_code: v.lsoa, indicator: v.indicator, value: v.value, import_id: importId })))
      .onConflict((oc) =>
        oc
          .columns(['lsoa_code', 'indicator'])
          .doUpdateSet({ value: sql`excluded.value`, import_id: sql`excluded.import_id` })
      )
      .execute()
    tick(part.length)
  }
  for (const part of chunks(file.lookups)) {
    await trx
      .insertInto('lsoa_lookup')
      .values(part.map((l) => ({ lsoa11_code: l.lsoa11, lsoa21_code: l.lsoa21, change_code: l.changeCode })))
      .onConflict((oc) =>
        oc.columns(['lsoa11_code', 'lsoa21_code']).doUpdateSet({ change_code: sql`excluded.change_code` })
      )
      .execute()
    tick(part.length)
  }
  for (const part of chunks(file.postcodes)) {
    await trx
      .insertInto('postcode_lsoa')
      .values(
        part.map((p) => ({ postcode: p.postcode, lsoa21_code: p.lsoa21, lsoa11_code: p.lsoa11, import_id: importId }))
      )
      .onConflict((oc) =>
        oc.column('postcode').doUpdateSet({
          lsoa21_code: sql`excluded.lsoa21_code`,
          lsoa11_code: sql`excluded.lsoa11_code`,
          import_id: sql`excluded.import_id`
        })
      )
      .execute()
    tick(part.length)
  }
  return importId
}

/** How many rows loading a file writes (for a progress bar). */
export function loadSize(file: ParsedAreaFile): number {
  return mergeLsoas(file.lsoas).length + file.indicators.length + file.lookups.length + file.postcodes.length
}

export interface AreaImportSummary {
  file: string
  kind: string
  rows: number
  importId: string
}

/**
 * Loads the files of an import plan one after another, in the caller's transaction, each with
 * its provenance. The caller checks the plan has no problems first (`importAreaFiles` does).
 */
export async function loadAreaFiles(
  trx: Db,
  files: AreaImportPlan['files'],
  importedBy: string | null,
  onProgress?: (done: number, total: number) => void,
  isSynthetic = false
): Promise<AreaImportSummary[]> {
  const total = files.reduce((sum, f) => sum + loadSize(f.parsed), 0)
  let before = 0
  const out: AreaImportSummary[] = []
  for (const f of files) {
    const importId = await loadAreaFile(
      trx,
      f.parsed,
      { fileName: f.name, publisher: f.publisher, licence: f.licence, sha256: f.sha256, importedBy, isSynthetic },
      (done) => onProgress?.(before + done, total)
    )
    before += loadSize(f.parsed)
    onProgress?.(before, total)
    out.push({ file: f.name, kind: f.parsed.kind, rows: f.parsed.rows, importId })
  }
  return out
}

export interface LsoaRow {
  code: string
  name: string
  ladCode: string | null
  ladName: string | null
  wardName: string | null
  /** The boundary as parsed GeoJSON, or null where none was imported. */
  geometry: unknown
}

/** The 2021 LSOAs, with boundaries where imported, ordered by code. */
export async function listLsoas21(db: Db): Promise<LsoaRow[]> {
  const rows = await db
    .selectFrom('lsoa')
    .select(['code', 'name', 'lad_code', 'lad_name', 'ward_name', 'geometry'])
    .where('vintage', '=', '2021')
    .orderBy('code')
    .execute()
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    ladCode: r.lad_code,
    ladName: r.lad_name,
    wardName: r.ward_name,
    geometry: r.geometry === null ? null : parseJsonColumn<unknown>(r.geometry)
  }))
}

/** Values of the named indicators, as a map from LSOA code to indicator to value. */
export async function indicatorValues(
  db: Db,
  indicators: readonly string[]
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>()
  if (indicators.length === 0) return out
  const rows = await db
    .selectFrom('lsoa_indicator')
    .select(['lsoa_code', 'indicator', 'value'])
    .where('indicator', 'in', [...indicators])
    .execute()
  for (const r of rows) {
    const m = out.get(r.lsoa_code) ?? new Map<string, number>()
    m.set(r.indicator, Number(r.value))
    out.set(r.lsoa_code, m)
  }
  return out
}

/** Every indicator stored for one LSOA. */
export async function lsoaIndicators(db: Db, code: string): Promise<{ indicator: string; value: number }[]> {
  const rows = await db
    .selectFrom('lsoa_indicator')
    .select(['indicator', 'value'])
    .where('lsoa_code', '=', code)
    .orderBy('indicator')
    .execute()
  return rows.map((r) => ({ indicator: r.indicator, value: Number(r.value) }))
}

export async function findLsoa(db: Db, code: string): Promise<LsoaRow | undefined> {
  const r = await db
    .selectFrom('lsoa')
    .select(['code', 'name', 'lad_code', 'lad_name', 'ward_name', 'geometry'])
    .where('code', '=', code)
    .executeTakeFirst()
  return (
    r && {
      code: r.code,
      name: r.name,
      ladCode: r.lad_code,
      ladName: r.lad_name,
      wardName: r.ward_name,
      geometry: r.geometry === null ? null : parseJsonColumn<unknown>(r.geometry)
    }
  )
}

export interface AreaImportRow {
  fileName: string
  kind: string
  publisher: string
  licence: string
  sha256: string
  rows: number
  isSynthetic: boolean
  importedAt: Date
}

/** The latest import of each file. */
export async function listAreaImports(db: Db): Promise<AreaImportRow[]> {
  const rows = await db.selectFrom('area_import').selectAll().orderBy('imported_at', 'desc').execute()
  const seen = new Set<string>()
  const out: AreaImportRow[] = []
  for (const r of rows) {
    if (seen.has(r.file_name)) continue
    seen.add(r.file_name)
    out.push({
      fileName: r.file_name,
      kind: r.kind,
      publisher: r.publisher,
      licence: r.licence,
      sha256: r.sha256,
      rows: r.rows,
      isSynthetic: r.is_synthetic,
      importedAt: new Date(r.imported_at as unknown as string)
    })
  }
  return out.sort((a, b) => a.fileName.localeCompare(b.fileName))
}

/** Reach patients of one organisation living in an LSOA (via the postcode lookup). */
export async function patientsInLsoa(db: Db, orgId: string, code: string): Promise<number> {
  const r = await db
    .selectFrom('patient')
    .innerJoin('postcode_lsoa', (join) =>
      join.on(sql<boolean>`postcode_lsoa.postcode = replace(upper(patient.postcode), ' ', '')`)
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('patient.org_id', '=', orgId)
    .where('postcode_lsoa.lsoa21_code', '=', code)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Active support services of the directory that list the LSOA among their areas (at most 50). */
export async function activeServicesInLsoa(
  db: Db,
  code: string
): Promise<{ id: string; name: string; organisation_name: string }[]> {
  return db
    .selectFrom('support_service')
    .select(['id', 'name', 'organisation_name'])
    .where('status', '=', 'active')
    .where(sql<boolean>`${code} = any(areas)`)
    .orderBy('name')
    .limit(50)
    .execute()
}
