// eHEALS is optional (and never asked in Easy Read): a screening without it is complete and scored exactly as
// with it. Missing eHEALS is "not asked", never low eHealth literacy, and it never moves barriers, readiness or
// the communication plan.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { assessScreening, EHEALS_LINK_IDS, type AnswerInput } from '../../../src/domain/screening/index.js'
import { confident } from './fixtures.js'

const all = (code: string) => Object.fromEntries(EHEALS_LINK_IDS.map((id) => [id, code]))
/** Someone who needs some help online, so a low score would matter if it were (wrongly) used. */
const needsHelp = {
  ...confident,
  'skill-online-forms': 'with-help',
  'skill-video': 'cannot',
  motivation: 'lacks-confidence'
} as const satisfies AnswerInput

describe('eHEALS absent (optional; never asked in Easy Read)', () => {
  for (const [name, base] of [
    ['confident online', confident],
    ['needs some help online', needsHelp]
  ] as const) {
    it(`${name}: without eHEALS the screening is complete, eHEALS "not asked", and nothing else changes`, () => {
      const without = assessScreening(base)
      const lowest = assessScreening({ ...base, ...all('strongly-disagree') })
      const highest = assessScreening({ ...base, ...all('strongly-agree') })
      assert.equal(without.status, 'complete')
      assert.deepEqual(without.errors, [])
      assert.deepEqual(without.eheals, { status: 'not_asked', key: 'screening.eheals.not_asked' })
      assert.equal(lowest.eheals.status === 'complete' && lowest.eheals.score, 8)
      for (const other of [lowest, highest]) {
        assert.deepEqual(other.barriers, without.barriers)
        assert.deepEqual(other.readiness, without.readiness)
        assert.deepEqual(other.plan, without.plan)
        assert.equal(other.status, without.status)
      }
    })
  }
})
