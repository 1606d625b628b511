// The choropleth view model on the real 2021 boundaries: one path per LSOA, inside the box, with a legend.
import { referenceDataDir } from '../../src/config.js'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseAreaFile } from '../../src/domain/area/import/parse-area-file.js'
import { BAND_COLOURS, mapModel } from '../../src/web/routes/area/risk-view-model.js'
import { scoreLsoas } from '../../src/domain/area/score-lsoas.js'
import { effectiveWeights } from '../../src/domain/area/risk-index-sources.js'

const areaDir = resolve(process.env.REACH_SHARED_DATA ?? referenceDataDir, 'area')
const skip = existsSync(join(areaDir, 'MANIFEST.csv')) ? false : `shared area data not found at ${areaDir}`

test('map view model: 155 paths inside the 640 × 560 box, a 5-class legend and a title per LSOA', { skip }, () => {
  const read = (name: string) => parseAreaFile(readFileSync(join(areaDir, name), 'utf8'))!
  const boundaries = read('boundaries_lsoa21_hackney_city.geojson')
  const lsoas = boundaries.lsoas.map((l) => ({
    code: l.code,
    name: l.name ?? l.code,
    ladCode: l.ladCode ?? null,
    ladName: l.ladName ?? null,
    wardName: null,
    geometry: l.geometry
  }))
  const values = new Map<string, Map<string, number>>()
  for (const f of [
    'census21_rm121_age65plus_lsoa21_hackney_city.csv',
    'census21_disability_lsoa21_hackney_city.csv',
    'imd2025_lsoa21_hackney_city.csv',
    'imd2025_lsoa21_indicators_hackney_city.csv'
  ]) {
    for (const v of read(f).indicators) {
      const m = values.get(v.lsoa) ?? new Map<string, number>()
      m.set(v.indicator, v.value)
      values.set(v.lsoa, m)
    }
  }
  const { scored, missing } = scoreLsoas(lsoas, values, effectiveWeights({}), 'lad')
  assert.deepEqual(missing, [])
  const model = mapModel(lsoas, scored)
  assert.equal(model.areas.length, 155)
  assert.equal(model.legend.length, 5)
  assert.ok(model.areas.every((a) => a.title.includes(a.code) && a.href === `/area/lsoa/${a.code}`))
  assert.deepEqual(new Set(model.areas.map((a) => a.fill)), new Set(BAND_COLOURS))
  for (const a of model.areas) {
    const numbers = (a.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
    const xs = numbers.filter((_, i) => i % 2 === 0)
    const ys = numbers.filter((_, i) => i % 2 === 1)
    // a wrongly wound ring would cover the whole box; a real LSOA is a small part of it
    assert.ok(Math.max(...xs) - Math.min(...xs) < 400 && Math.max(...ys) - Math.min(...ys) < 400, a.code)
    assert.ok(
      Math.min(...xs) >= -1 && Math.max(...xs) <= 641 && Math.min(...ys) >= -1 && Math.max(...ys) <= 561,
      a.code
    )
  }
})
