/**
 * Recognises an area data file by its header (never by its name) and turns it into a
 * ParsedAreaFile, checking LSOA codes and numbers row by row. Files whose header matches no
 * known layout return null (the caller lists them as skipped). Pure: the text is passed in.
 */
import { parse } from 'csv-parse/sync'
import {
  isLsoaCode,
  postcodeKey,
  slug,
  type AreaFileKind,
  type AreaIndicatorValue,
  type AreaLsoa,
  type AreaProblem,
  type ParsedAreaFile,
  type Vintage
} from './area-file.js'

const OGL = 'OGL v3.0'
const MHCLG = 'MHCLG (English Indices of Deprivation)'
const ONS = 'ONS'

interface Table {
  header: string[]
  rows: string[][]
}

interface Builder {
  problems: AreaProblem[]
  lsoas: AreaLsoa[]
  indicators: AreaIndicatorValue[]
}

/** A number cell: empty and "NA" are missing (null); anything else must be a finite number. */
function numberCell(b: Builder, line: number, column: string, raw: string | undefined): number | null {
  const value = (raw ?? '').trim()
  if (value === '' || value === 'NA') return null
  const n = Number(value)
  if (!Number.isFinite(n)) {
    b.problems.push({ line, message: `${column}: "${value.slice(0, 40)}" is not a number` })
    return null
  }
  return n
}

function codeCell(b: Builder, line: number, raw: string | undefined): string | null {
  const code = (raw ?? '').trim()
  if (!isLsoaCode(code)) {
    b.problems.push({ line, message: `"${code.slice(0, 20)}" is not an LSOA code (E01 and six digits)` })
    return null
  }
  return code
}

interface Recogniser {
  kind: AreaFileKind
  description: string
  publisher: string
  licence: string
  vintage: Vintage
  matches: (header: string[]) => boolean
  read: (table: Table, b: Builder, out: ParsedAreaFile) => void
}

const has = (header: string[], ...names: string[]) => names.every((n) => header.includes(n))

/** Every numeric column after the code column, stored as `prefix + lower-case column name`. */
function wideNumeric(codeColumn: string, prefix: string, vintage: Vintage): Recogniser['read'] {
  return (table, b) => {
    const codeAt = table.header.indexOf(codeColumn)
    table.rows.forEach((row, i) => {
      const line = i + 2
      const code = codeCell(b, line, row[codeAt])
      if (!code) return
      b.lsoas.push({ code, vintage })
      table.header.forEach((column, j) => {
        if (j === codeAt) return
        const value = numberCell(b, line, column, row[j])
        if (value !== null) b.indicators.push({ lsoa: code, indicator: `${prefix}${slug(column)}`, value })
      })
    })
  }
}

/** Census long format: one row per LSOA and category, with a proportion (0..1) stored as a percentage. */
function longFormat(categoryColumn: string, prefix: string): Recogniser['read'] {
  return (table, b) => {
    const at = (name: string) => table.header.indexOf(name)
    const seen = new Set<string>()
    table.rows.forEach((row, i) => {
      const line = i + 2
      const code = codeCell(b, line, row[at('lsoa21_code')])
      const prop = numberCell(b, line, 'prop', row[at('prop')])
      const category = (row[at(categoryColumn)] ?? '').trim()
      if (!category) b.problems.push({ line, message: `${categoryColumn} is empty` })
      if (!code || prop === null || !category) return
      if (prop < 0 || prop > 1) {
        b.problems.push({ line, message: `prop ${prop} is not between 0 and 1` })
        return
      }
      if (!seen.has(code)) {
        seen.add(code)
        b.lsoas.push({ code, vintage: '2021' })
      }
      b.indicators.push({ lsoa: code, indicator: `${prefix}${slug(category)}`, value: prop * 100 })
    })
  }
}

const RECOGNISERS: Recogniser[] = [
  {
    kind: 'iod2019-file2',
    description: 'English IoD2019 File 2 (IMD and domain ranks and deciles)',
    publisher: MHCLG,
    licence: OGL,
    vintage: '2011',
    matches: (h) =>
      h[0] === 'LSOA code (2011)' && h.some((c) => c.startsWith('Index of Multiple Deprivation (IMD) Rank')),
    read: (table, b) => {
      table.rows.forEach((row, i) => {
        const line = i + 2
        const code = codeCell(b, line, row[0])
        if (!code) return
        b.lsoas.push({ code, vintage: '2011', name: row[1], ladCode: row[2], ladName: row[3] })
        table.header.forEach((column, j) => {
          if (j < 4) return
          const value = numberCell(b, line, column, row[j])
          const short = column.replace(/\s*\(where.*$/, '')
          if (value !== null) b.indicators.push({ lsoa: code, indicator: `imd2019_${slug(short)}`, value })
        })
      })
    }
  },
  {
    kind: 'mysociety-gb-imd',
    description: 'mySociety composite UK IMD, English base (IoD2019 IMD score)',
    publisher: 'mySociety, from MHCLG IoD2019',
    licence: 'CC BY 4.0 (mySociety)',
    vintage: '2011',
    matches: (h) => has(h, 'nation', 'lsoa', 'overall_local_score', 'GB_IMD_E_score'),
    read: (table, b) => {
      const at = (n: string) => table.header.indexOf(n)
      table.rows.forEach((row, i) => {
        const line = i + 2
        const code = codeCell(b, line, row[at('lsoa')])
        if (!code) return
        b.lsoas.push({ code, vintage: '2011' })
        for (const [column, indicator] of [
          ['overall_local_score', 'imd2019_score'],
          ['income_score', 'imd2019_income_score'],
          ['employment_score', 'imd2019_employment_score'],
          ['GB_IMD_E_score', 'gb_imd_e_score']
        ] as const) {
          const value = numberCell(b, line, column, row[at(column)])
          if (value !== null) b.indicators.push({ lsoa: code, indicator, value })
        }
      })
    }
  },
  {
    kind: 'iod2019-subdomains',
    description: 'IoD2019 File 4 sub-domain ranks and deciles',
    publisher: MHCLG,
    licence: OGL,
    vintage: '2011',
    matches: (h) => h[0] === 'lsoa11_code' && has(h, 'Adult_skills_decile'),
    read: wideNumeric('lsoa11_code', 'imd2019_sub_', '2011')
  },
  {
    kind: 'iod2019-indicators',
    description: 'IoD2019 File 8 underlying indicators',
    publisher: MHCLG,
    licence: OGL,
    vintage: '2011',
    matches: (h) => h[0] === 'lsoa11_code' && has(h, 'income_domain_numerator'),
    read: wideNumeric('lsoa11_code', 'imd2019_ind_', '2011')
  },
  {
    kind: 'iod2025-file7',
    description: 'English IoD2025 File 7 (IMD and domain scores, ranks, deciles)',
    publisher: MHCLG,
    licence: OGL,
    vintage: '2021',
    matches: (h) => h[0] === 'lsoa21_code' && has(h, 'IMD_score', 'IMD_decile'),
    read: wideNumeric('lsoa21_code', 'imd2025_', '2021')
  },
  {
    kind: 'iod2025-subdomains',
    description: 'IoD2025 sub-domain scores, ranks and deciles',
    publisher: MHCLG,
    licence: OGL,
    vintage: '2021',
    matches: (h) => h[0] === 'lsoa21_code' && has(h, 'adult_skills_score'),
    read: wideNumeric('lsoa21_code', 'imd2025_sub_', '2021')
  },
  {
    kind: 'iod2025-indicators',
    description: 'IoD2025 File 8 underlying indicators (with the digital connectivity indicator)',
    publisher: MHCLG,
    licence: OGL,
    vintage: '2021',
    matches: (h) => h[0] === 'lsoa21_code' && has(h, 'income_domain_numerator'),
    read: wideNumeric('lsoa21_code', 'imd2025_ind_', '2021')
  },
  {
    kind: 'census21-rm121-age',
    description: 'Census 2021 RM121 population aged 65 and over by age band',
    publisher: 'ONS Census 2021 (Nomis)',
    licence: OGL,
    vintage: '2021',
    matches: (h) =>
      h[0] === '2021 super output area - lower layer' && has(h, 'Total', 'Aged 65 years', 'Aged 85 years and over'),
    read: (table, b) => {
      const at = (n: string) => table.header.indexOf(n)
      table.rows.forEach((row, i) => {
        const line = i + 2
        const [rawCode, ...rest] = (row[0] ?? '').split(' : ')
        const code = codeCell(b, line, rawCode)
        const cells = [
          'Total',
          'Aged 65 years',
          'Aged 66 to 69 years',
          'Aged 70 to 74 years',
          'Aged 75 to 79 years',
          'Aged 80 to 84 years',
          'Aged 85 years and over'
        ].map((c) => numberCell(b, line, c, row[at(c)]))
        const [total, a65, a66, a70, a75, a80, a85] = cells
        if (
          !code ||
          total == null ||
          a65 == null ||
          a66 == null ||
          a70 == null ||
          a75 == null ||
          a80 == null ||
          a85 == null
        )
          return
        if (!(total > 0)) {
          b.problems.push({ line, message: 'Total must be above zero' })
          return
        }
        b.lsoas.push({ code, vintage: '2021', name: rest.join(' : ').trim() || undefined })
        const over65 = a65 + a66 + a70 + a75 + a80 + a85
        const over75 = a75 + a80 + a85
        b.indicators.push(
          { lsoa: code, indicator: 'census21_population', value: total },
          { lsoa: code, indicator: 'census21_aged_65_plus', value: over65 },
          { lsoa: code, indicator: 'census21_aged_75_plus', value: over75 },
          { lsoa: code, indicator: 'census21_pct_65_plus', value: (100 * over65) / total },
          { lsoa: code, indicator: 'census21_pct_75_plus', value: (100 * over75) / total }
        )
      })
    }
  },
  {
    kind: 'census21-ts038-disability',
    description: 'Census 2021 TS038 disability (Equality Act)',
    publisher: 'ONS Census 2021',
    licence: OGL,
    vintage: '2021',
    matches: (h) => has(h, 'lsoa21_code', 'disability', 'prop'),
    read: longFormat('disability', 'census21_pct_')
  },
  {
    kind: 'census21-ts021-ethnicity',
    description: 'Census 2021 TS021 ethnic group',
    publisher: 'ONS Census 2021',
    licence: OGL,
    vintage: '2021',
    matches: (h) => has(h, 'lsoa21_code', 'ethnic_group', 'prop'),
    read: longFormat('ethnic_group', 'census21_pct_ethnic_')
  },
  {
    kind: 'census21-ts011-household-deprivation',
    description: 'Census 2021 TS011 household deprivation',
    publisher: 'ONS Census 2021',
    licence: OGL,
    vintage: '2021',
    matches: (h) => has(h, 'lsoa21_code', 'deprivation_dimensions', 'prop'),
    read: longFormat('deprivation_dimensions', 'census21_pct_households_')
  },
  {
    kind: 'ons-sape-mid2020',
    description: 'ONS mid-2020 LSOA population by single year of age',
    publisher: ONS,
    licence: OGL,
    vintage: '2011',
    matches: (h) => has(h, 'lsoa11_code', 'total_population', '0', '65') && (h.includes('90+') || h.includes('90')),
    read: (table, b) => {
      const at = (n: string) => table.header.indexOf(n)
      const top = table.header.includes('90+') ? '90+' : '90'
      const ages = [...Array.from({ length: 90 }, (_, k) => String(k)), top]
      table.rows.forEach((row, i) => {
        const line = i + 2
        const code = codeCell(b, line, row[at('lsoa11_code')])
        const counts = ages.map((a) => numberCell(b, line, a, row[at(a)]))
        const total = numberCell(b, line, 'total_population', row[at('total_population')])
        if (!code || total === null || counts.some((c) => c === null)) return
        if (!(total > 0)) {
          b.problems.push({ line, message: 'total_population must be above zero' })
          return
        }
        const sumFrom = (age: number) => (counts as number[]).slice(age).reduce((s, c) => s + c, 0)
        b.lsoas.push({ code, vintage: '2011', name: row[at('lsoa11_name')] })
        b.indicators.push(
          { lsoa: code, indicator: 'sape2020_population', value: total },
          { lsoa: code, indicator: 'sape2020_pct_65_plus', value: (100 * sumFrom(65)) / total },
          { lsoa: code, indicator: 'sape2020_pct_75_plus', value: (100 * sumFrom(75)) / total }
        )
      })
    }
  },
  {
    kind: 'lookup-lsoa21-ward-lad',
    description: 'LSOA 2021 to ward and local authority lookup',
    publisher: 'ONS (Open Geography Portal)',
    licence: OGL,
    vintage: '2021',
    matches: (h) => has(h, 'lsoa21_code', 'lsoa21_name') && h.some((c) => /^ward\d\d_code$/.test(c)),
    read: (table, b) => {
      const at = (re: RegExp) => table.header.findIndex((c) => re.test(c))
      const [ward, wardName, lad, ladName] = [
        at(/^ward\d\d_code$/),
        at(/^ward\d\d_name$/),
        at(/^ltla\d\d_code$/),
        at(/^ltla\d\d_name$/)
      ]
      table.rows.forEach((row, i) => {
        const code = codeCell(b, i + 2, row[table.header.indexOf('lsoa21_code')])
        if (code)
          b.lsoas.push({
            code,
            vintage: '2021',
            name: row[table.header.indexOf('lsoa21_name')],
            wardCode: row[ward],
            wardName: row[wardName],
            ladCode: row[lad],
            ladName: row[ladName]
          })
      })
    }
  },
  {
    kind: 'lookup-lsoa11-lsoa21',
    description: 'LSOA 2011 to LSOA 2021 lookup',
    publisher: 'ONS (Open Geography Portal)',
    licence: OGL,
    vintage: '2021',
    matches: (h) => has(h, 'lsoa11_code', 'lsoa21_code'),
    read: () => {
      /* handled in parseAreaFile: lookups */
    }
  },
  {
    kind: 'lookup-lsoa11-lad',
    description: 'LSOA 2011 to local authority lookup',
    publisher: 'ONS (Open Geography Portal)',
    licence: OGL,
    vintage: '2011',
    matches: (h) => has(h, 'lsoa11_code', 'lsoa11_name') && h.some((c) => /^ltla\d\d_code$/.test(c)),
    read: (table, b) => {
      const at = (re: RegExp) => table.header.findIndex((c) => re.test(c))
      table.rows.forEach((row, i) => {
        const code = codeCell(b, i + 2, row[table.header.indexOf('lsoa11_code')])
        if (code)
          b.lsoas.push({
            code,
            vintage: '2011',
            name: row[table.header.indexOf('lsoa11_name')],
            ladCode: row[at(/^ltla\d\d_code$/)],
            ladName: row[at(/^ltla\d\d_name$/)]
          })
      })
    }
  },
  {
    kind: 'postcode-lsoa',
    description: 'Postcode to LSOA lookup (ONSPD, NSPL or similar)',
    publisher: ONS,
    licence: OGL,
    vintage: '2021',
    matches: (h) =>
      h.some((c) => ['pcds', 'pcd', 'postcode'].includes(c.toLowerCase())) &&
      h.some((c) => ['lsoa21cd', 'lsoa21_code', 'lsoa21'].includes(c.toLowerCase())),
    read: () => {
      /* handled in parseAreaFile: postcodes */
    }
  }
]

function emptyResult(
  r: Pick<Recogniser, 'kind' | 'description' | 'publisher' | 'licence' | 'vintage'>,
  rows: number
): ParsedAreaFile {
  return {
    kind: r.kind,
    description: r.description,
    publisher: r.publisher,
    licence: r.licence,
    vintage: r.vintage,
    rows,
    lsoas: [],
    indicators: [],
    lookups: [],
    postcodes: [],
    problems: []
  }
}

function parseGeoJson(text: string): ParsedAreaFile | null {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'FeatureCollection')
    return null
  const features = (data as { features?: unknown }).features
  if (!Array.isArray(features) || features.length === 0) return null
  const first = (features[0] as { properties?: Record<string, unknown> }).properties ?? {}
  const vintage: Vintage | null =
    'lsoa21_code' in first || 'LSOA21CD' in first
      ? '2021'
      : 'lsoa11_code' in first || 'LSOA11CD' in first
        ? '2011'
        : null
  if (!vintage) return null
  const y = vintage.slice(2)
  const result = emptyResult(
    {
      kind: vintage === '2021' ? 'boundaries-lsoa21' : 'boundaries-lsoa11',
      description: `LSOA ${vintage} boundaries (GeoJSON)`,
      publisher: 'ONS (Open Geography Portal)',
      licence: `${OGL}; contains OS data © Crown copyright and database right`,
      vintage
    },
    features.length
  )
  features.forEach(
    (f: { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }, i) => {
      const line = i + 1
      const p = f.properties ?? {}
      const code = String(p[`lsoa${y}_code`] ?? p[`LSOA${y}CD`] ?? '')
      if (!isLsoaCode(code)) {
        result.problems.push({ line, message: `feature ${line}: "${code.slice(0, 20)}" is not an LSOA code` })
        return
      }
      const type = f.geometry?.type
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        result.problems.push({ line, message: `feature ${line} (${code}): geometry must be a Polygon or MultiPolygon` })
        return
      }
      const ladKey = Object.keys(p).find((k) => /^ltla\d\d_code$/.test(k))
      const ladNameKey = Object.keys(p).find((k) => /^ltla\d\d_name$/.test(k))
      result.lsoas.push({
        code,
        vintage,
        name: String(p[`lsoa${y}_name`] ?? p[`LSOA${y}NM`] ?? code),
        ladCode: ladKey ? String(p[ladKey]) : undefined,
        ladName: ladNameKey ? String(p[ladNameKey]) : undefined,
        geometry: f.geometry
      })
    }
  )
  return result
}

function readTable(text: string): Table | null {
  let records: string[][]
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]
  } catch {
    return null
  }
  const [header, ...rows] = records
  if (!header) return null
  return { header: header.map((h) => h.trim()), rows }
}

/**
 * Recognises and parses one file. Returns null when the layout is not recognised.
 * Rows whose column count differs from the header's are reported as problems.
 */
export function parseAreaFile(text: string): ParsedAreaFile | null {
  if (/^\s*[{[]/.test(text)) return parseGeoJson(text)
  const table = readTable(text)
  if (!table) return null
  const recogniser = RECOGNISERS.find((r) => r.matches(table.header))
  if (!recogniser) return null
  const result = emptyResult(recogniser, table.rows.length)
  table.rows.forEach((row, i) => {
    if (row.length !== table.header.length)
      result.problems.push({ line: i + 2, message: `has ${row.length} columns; the header has ${table.header.length}` })
  })
  const b: Builder = { problems: result.problems, lsoas: result.lsoas, indicators: result.indicators }
  recogniser.read(table, b, result)
  const lower = table.header.map((h) => h.toLowerCase())
  if (recogniser.kind === 'lookup-lsoa11-lsoa21') {
    const [c11, c21, change] = [
      lower.indexOf('lsoa11_code'),
      lower.indexOf('lsoa21_code'),
      lower.indexOf('change_code')
    ]
    table.rows.forEach((row, i) => {
      const a = codeCell(b, i + 2, row[c11])
      const z = codeCell(b, i + 2, row[c21])
      if (a && z) result.lookups.push({ lsoa11: a, lsoa21: z, changeCode: change >= 0 ? (row[change] ?? null) : null })
    })
  }
  if (recogniser.kind === 'postcode-lsoa') {
    const pc = lower.findIndex((c) => ['pcds', 'pcd', 'postcode'].includes(c))
    const c21 = lower.findIndex((c) => ['lsoa21cd', 'lsoa21_code', 'lsoa21'].includes(c))
    const c11 = lower.findIndex((c) => ['lsoa11cd', 'lsoa11_code', 'lsoa11'].includes(c))
    table.rows.forEach((row, i) => {
      const line = i + 2
      const postcode = postcodeKey(row[pc] ?? '')
      if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(postcode)) {
        result.problems.push({ line, message: `"${(row[pc] ?? '').slice(0, 10)}" is not a postcode` })
        return
      }
      const lsoa21 = codeCell(b, line, row[c21])
      const lsoa11 = c11 >= 0 && row[c11] ? codeCell(b, line, row[c11]) : null
      if (lsoa21) result.postcodes.push({ postcode, lsoa21, lsoa11 })
    })
  }
  return result
}
