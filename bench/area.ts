/**
 * Area: the risk index over 33,755 synthetic LSOAs (England's 2021 LSOA count) against a
 * hand-written loop doing the same min-max scoring and weighted means; and one equity
 * breakdown over 1 million screenings in PostgreSQL against a hand-written SQL query doing
 * the same aggregation (goal: within 1.5×). Figures and ratios only.
 */
import { sql } from 'kysely'
import {
  computeRiskIndex,
  INDICATORS,
  DEFAULT_WEIGHTS,
  COMPONENT_KEYS,
  type RiskIndexInputRow
} from '../src/domain/area/risk-index.js'
import { equityCounts } from '../src/db/repositories/equity.js'
import { freshDatabase, testDialects } from '../test/helpers/databases.js'
import { loadFixture } from '../test/helpers/fixture.js'
import { printTable, timeIt } from './report.js'

const LSOAS = 33_755
const SCREENINGS = 1_000_000
const PATIENTS = 200_000

function syntheticRows(): RiskIndexInputRow[] {
  let s = 42
  const random = () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
  return Array.from({ length: LSOAS }, (_, i) => {
    const row = { lsoa: `E01${String(i).padStart(6, '0')}` } as RiskIndexInputRow
    for (const { key } of INDICATORS) row[key] = random() * 100
    return row
  })
}

/** The same arithmetic written out by hand: min-max per indicator, weighted means. */
function handWritten(rows: readonly RiskIndexInputRow[]): number[] {
  const n = rows.length
  const scores = INDICATORS.map(({ key, direction }) => {
    let min = Infinity
    let max = -Infinity
    for (const r of rows) {
      const x = r[key] as number
      if (x < min) min = x
      if (x > max) max = x
    }
    const out = new Float64Array(n)
    const range = max - min
    for (let i = 0; i < n; i++) {
      const x = rows[i]![key] as number
      out[i] = direction === 'lower' ? (10 * (max - x)) / range : (10 * (x - min)) / range
    }
    return out
  })
  const deri = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    let total = 0
    for (const c of COMPONENT_KEYS) {
      let w = 0
      let ws = 0
      INDICATORS.forEach((ind, j) => {
        if (ind.component === c) {
          w += DEFAULT_WEIGHTS[ind.key]
          ws += DEFAULT_WEIGHTS[ind.key] * scores[j]![i]!
        }
      })
      total += DEFAULT_WEIGHTS[c] * (ws / w)
    }
    deri[i] = total / COMPONENT_KEYS.reduce((a, c) => a + DEFAULT_WEIGHTS[c], 0)
  }
  return deri
}

export async function benchArea(): Promise<void> {
  const rows = syntheticRows()
  const lib = await timeIt(() => computeRiskIndex(rows), 5)
  const hand = await timeIt(() => handWritten(rows), 5)
  printTable(
    ['risk index, 33,755 LSOAs', 'median ms', 'ratio to hand-written'],
    [
      ['computeRiskIndex', lib, `${(lib / hand).toFixed(2)}×`],
      ['hand-written loop', hand, '1.00×']
    ]
  )

  if (!(await testDialects()).includes('postgres')) {
    console.log('PostgreSQL not reachable: equity breakdown not measured')
    return
  }
  const database = await freshDatabase('postgres')
  try {
    const db = database.db
    const fixture = await loadFixture(db)
    const org = fixture.orgA.id
    await sql`insert into lsoa (code, vintage, name) select 'E01' || lpad(g::text, 6, '0'), '2021', 'Bench ' || g from generate_series(1, 1000) g`.execute(
      db
    )
    await sql`insert into lsoa_indicator (lsoa_code, indicator, value) select 'E01' || lpad(g::text, 6, '0'), 'imd2025_imd_decile', 1 + g % 10 from generate_series(1, 1000) g`.execute(
      db
    )
    await sql`insert into postcode_lsoa (postcode, lsoa21_code) select 'ZZ' || g, 'E01' || lpad((1 + g % 1000)::text, 6, '0') from generate_series(1, 20000) g`.execute(
      db
    )
    await sql`insert into patient (org_id, nhs_number, given_name, family_name, date_of_birth, postcode, sex, ethnic_category, main_language, interpreter_needed, disability, is_synthetic, updated_at)
      select ${org}, lpad((8000000000 + g)::text, 10, '0'), 'Bench', 'Patient', date '1940-01-01' + (g % 25000), 'ZZ' || (1 + g % 20000), (1 + g % 2)::text, 'A', 'en', false, 'no', true, now()
      from generate_series(1, ${PATIENTS}) g`.execute(db)
    await sql`insert into screening (org_id, patient_id, questionnaire_url, questionnaire_version, mode, status, answers, assessment, readiness,
        access_level, skills_level, motivation_level, trust_level, accessibility_level, language_level, support_level, has_high_barrier, has_plan, screened_at)
      select ${org}, p.id, 'bench', '1', 'clinician', 'complete', '{}'::jsonb, '{}'::jsonb, 'offline', 'none', 'none', 'none', 'none', 'none', 'none', 'none', (k % 3 = 0), false,
        timestamp '2026-01-01' + ((k * 7) % 300) * interval '1 day'
      from (select id, row_number() over () as n from patient where org_id = ${org}) p cross join generate_series(1, ${SCREENINGS / PATIENTS}) k`.execute(
      db
    )
    await sql`analyze`.execute(db)
    const query = { orgIds: [org], dimension: 'imd' as const, from: '2026-01-01', to: '2026-12-31' }
    const ours = await timeIt(() => equityCounts(db, query), 5)
    const handSql = await timeIt(
      () =>
        sql`
      select ceil(d.value / 2.0) as q, count(*) as patients, count(s.patient_id) as screened, count(*) filter (where s.hb) as high_barrier
      from patient p
      left join postcode_lsoa pl on pl.postcode = replace(upper(p.postcode), ' ', '')
      left join lsoa_indicator d on d.lsoa_code = pl.lsoa21_code and d.indicator = 'imd2025_imd_decile'
      left join (select patient_id, bool_or(has_high_barrier) as hb from screening where org_id = ${org} and status = 'complete'
                 and screened_at >= date '2026-01-01' and screened_at < date '2027-01-01' group by patient_id) s on s.patient_id = p.id
      where p.org_id = ${org} group by 1`.execute(db),
      5
    )
    printTable(
      [
        `equity by IMD quintile, ${SCREENINGS.toLocaleString('en-GB')} screenings, ${PATIENTS.toLocaleString('en-GB')} patients`,
        'median ms',
        'ratio to hand SQL'
      ],
      [
        ['equityCounts (with referrals)', ours, `${(ours / handSql).toFixed(2)}×`],
        ['hand-written SQL', handSql, '1.00×']
      ]
    )
  } finally {
    await database.close()
  }
}
