import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseScreeningAnswers, type AnswerInput } from '../../../src/domain/screening/answers.js'
import {
  BARRIERS,
  scoreBarriers,
  type Barrier,
  type BarrierProfile
} from '../../../src/domain/screening/barrier-profile.js'
import { confident } from './fixtures.js'

function profile(input: AnswerInput): BarrierProfile {
  return scoreBarriers(parseScreeningAnswers(input).answers)
}

function levels(p: BarrierProfile): Record<Barrier, string> {
  return Object.fromEntries(BARRIERS.map((b) => [b, p[b].level])) as Record<Barrier, string>
}

const reasonKeys = (p: BarrierProfile, b: Barrier) => p[b].reasons.map((r) => r.key)

const allNone = {
  access: 'none',
  skills: 'none',
  motivation: 'none',
  trust: 'none',
  accessibility: 'none',
  language: 'none',
  support: 'none'
}

describe('scoreBarriers', () => {
  it('finds no barrier for a confident online patient', () => {
    const p = profile(confident)
    assert.deepEqual(levels(p), allNone)
    assert.equal(p.access.key, 'screening.barrier.access')
    for (const b of BARRIERS) assert.deepEqual(p[b].reasons, [])
  })

  describe('access', () => {
    it('is high with no device at all, and skills are not assessed', () => {
      const p = profile({ ...confident, devices: ['none'] })
      assert.equal(p.access.level, 'high')
      assert.deepEqual(p.access.reasons, [
        { key: 'screening.reason.access.no-online-device', linkId: 'devices', answers: ['none'] }
      ])
      assert.equal(p.skills.level, 'unknown')
      assert.deepEqual(reasonKeys(p, 'skills'), ['screening.reason.skills.not-asked-no-device'])
      assert.deepEqual(p.skills.missing, [])
    })

    it('is high with only a basic mobile or landline', () => {
      assert.equal(profile({ ...confident, devices: ['mobile-basic', 'landline'] }).access.level, 'high')
    })

    it('is high with a device but no way to get online', () => {
      const p = profile({ ...confident, internet: ['none'] })
      assert.equal(p.access.level, 'high')
      assert.deepEqual(reasonKeys(p, 'access'), ['screening.reason.access.no-connection'])
    })

    it('is high when the patient cannot afford to stay connected, some when it is sometimes hard', () => {
      assert.deepEqual(reasonKeys(profile({ ...confident, afford: 'no' }), 'access'), [
        'screening.reason.access.cannot-afford'
      ])
      assert.equal(profile({ ...confident, afford: 'no' }).access.level, 'high')
      assert.equal(profile({ ...confident, afford: 'sometimes' }).access.level, 'some')
    })

    it('is some for a shared or public device, or public wifi only', () => {
      assert.deepEqual(reasonKeys(profile({ ...confident, 'device-sharing': 'shared' }), 'access'), [
        'screening.reason.access.shared-device'
      ])
      assert.deepEqual(reasonKeys(profile({ ...confident, 'device-sharing': 'public' }), 'access'), [
        'screening.reason.access.public-device'
      ])
      const wifi = profile({ ...confident, internet: ['public-wifi'] })
      assert.equal(wifi.access.level, 'some')
      assert.deepEqual(reasonKeys(wifi, 'access'), ['screening.reason.access.public-wifi-only'])
      // Mobile data only is not a barrier by itself.
      assert.equal(profile({ ...confident, internet: ['mobile-data'] }).access.level, 'none')
    })

    it('is unknown when devices are not answered, some-with-missing when only part is known', () => {
      const { devices: _d, ...noDevices } = confident
      assert.equal(profile(noDevices).access.level, 'unknown')
      assert.deepEqual(profile(noDevices).access.missing, ['devices'])
      const { afford: _a, ...noAfford } = confident
      const p = profile({ ...noAfford, 'device-sharing': 'shared' })
      assert.equal(p.access.level, 'some')
      assert.deepEqual(p.access.missing, ['afford'])
    })
  })

  describe('skills', () => {
    it('is high with a device but no foundation skills (cannot connect or open apps)', () => {
      const p = profile({ ...confident, 'skill-connect': 'cannot', 'skill-apps': 'with-help' })
      assert.equal(p.skills.level, 'high')
      assert.deepEqual(p.skills.reasons, [
        { key: 'screening.reason.skills.cannot-foundation', linkId: 'skill-connect', answers: ['cannot'] },
        { key: 'screening.reason.skills.needs-help', linkId: 'skill-apps', answers: ['with-help'] }
      ])
    })

    it('is high when none of the three everyday health tasks can be done', () => {
      const p = profile({
        ...confident,
        'skill-online-forms': 'cannot',
        'skill-video': 'cannot',
        'skill-messages': 'cannot'
      })
      assert.equal(p.skills.level, 'high')
      assert.deepEqual(reasonKeys(p, 'skills'), Array(3).fill('screening.reason.skills.cannot-everyday-tasks'))
    })

    it('is some when a task needs help or one everyday task cannot be done', () => {
      assert.equal(profile({ ...confident, 'skill-video': 'with-help' }).skills.level, 'some')
      const p = profile({ ...confident, 'skill-video': 'cannot', 'skill-online-forms': 'cannot' })
      assert.equal(p.skills.level, 'some')
      assert.deepEqual(reasonKeys(p, 'skills'), [
        'screening.reason.skills.cannot-task',
        'screening.reason.skills.cannot-task'
      ])
    })

    it('lists unanswered skills as missing', () => {
      const { 'skill-video': _v, ...rest } = confident
      const p = profile(rest)
      assert.equal(p.skills.level, 'unknown')
      assert.deepEqual(p.skills.missing, ['skill-video'])
    })
  })

  describe('motivation and trust', () => {
    it('motivation: lacks confidence = some, would rather not = high', () => {
      assert.deepEqual(reasonKeys(profile({ ...confident, motivation: 'lacks-confidence' }), 'motivation'), [
        'screening.reason.motivation.lacks-confidence'
      ])
      assert.equal(profile({ ...confident, motivation: 'lacks-confidence' }).motivation.level, 'some')
      assert.equal(profile({ ...confident, motivation: 'prefers-not' }).motivation.level, 'high')
    })

    it('trust only: one worry = some, both = high, and nothing else is raised', () => {
      const scams = profile({ ...confident, worries: ['scams'] })
      assert.deepEqual(levels(scams), { ...allNone, trust: 'some' })
      assert.deepEqual(scams.trust.reasons, [
        { key: 'screening.reason.trust.scams', linkId: 'worries', answers: ['scams'] }
      ])
      const both = profile({ ...confident, worries: ['scams', 'data-sharing'] })
      assert.deepEqual(levels(both), { ...allNone, trust: 'high' })
    })
  })

  describe('accessibility', () => {
    it('one area = some; two or more = high; two or more with assistive technology = some', () => {
      assert.equal(profile({ ...confident, difficulties: ['sight'] }).accessibility.level, 'some')
      const two = profile({ ...confident, difficulties: ['sight', 'dexterity'] })
      assert.equal(two.accessibility.level, 'high')
      assert.deepEqual(reasonKeys(two, 'accessibility'), [
        'screening.reason.accessibility.sight',
        'screening.reason.accessibility.dexterity'
      ])
      const withAt = profile({ ...confident, difficulties: ['sight', 'dexterity'], 'assistive-tech': 'yes' })
      assert.equal(withAt.accessibility.level, 'some')
      assert.deepEqual(
        reasonKeys(withAt, 'accessibility').at(-1),
        'screening.reason.accessibility.uses-assistive-technology'
      )
      assert.equal(
        profile({ ...confident, difficulties: ['hearing', 'cognition'], 'assistive-tech': 'no' }).accessibility.level,
        'high'
      )
    })
  })

  describe('language', () => {
    it('reads no English = high; reads a little = some', () => {
      assert.equal(
        profile({ ...confident, 'main-language': 'pl', 'reads-english': 'not-at-all' }).language.level,
        'high'
      )
      assert.equal(profile({ ...confident, 'main-language': 'pl', 'reads-english': 'a-little' }).language.level, 'some')
      assert.equal(profile({ ...confident, 'main-language': 'pl', 'reads-english': 'well' }).language.level, 'none')
    })

    it('an interpreter (spoken or BSL) = some, with a reason for each', () => {
      const p = profile({
        ...confident,
        'main-language': 'bfi',
        'reads-english': 'well',
        interpreter: ['spoken', 'bsl'],
        'interpreter-language': 'pl'
      })
      assert.equal(p.language.level, 'some')
      assert.deepEqual(reasonKeys(p, 'language'), [
        'screening.reason.language.interpreter-needed',
        'screening.reason.language.bsl-interpreter-needed'
      ])
    })

    it('is unknown when a non-English speaker was not asked about reading English', () => {
      const p = profile({ ...confident, 'main-language': 'so' })
      assert.equal(p.language.level, 'unknown')
      assert.deepEqual(p.language.missing, ['reads-english'])
    })
  })

  describe('support', () => {
    it('someone helps = none, even with low skills', () => {
      assert.equal(
        profile({ ...confident, 'skill-connect': 'cannot', helpers: ['family-friend'], 'proxy-consent': 'no' }).support
          .level,
        'none'
      )
    })

    it('nobody helps and no help is needed = none', () => {
      assert.equal(profile(confident).support.level, 'none')
    })

    it('nobody helps and skills are some = some; high = high', () => {
      const some = profile({ ...confident, 'skill-video': 'with-help' })
      assert.equal(some.support.level, 'some')
      assert.deepEqual(some.support.reasons, [
        { key: 'screening.reason.support.no-helper', linkId: 'helpers', answers: ['none'] },
        { key: 'screening.reason.support.help-needed', linkId: 'skill-video', answers: ['with-help'] }
      ])
      assert.equal(profile({ ...confident, 'skill-connect': 'cannot' }).support.level, 'high')
    })

    it('nobody helps and no device = high', () => {
      const p = profile({ ...confident, devices: ['none'] })
      assert.equal(p.support.level, 'high')
      assert.deepEqual(reasonKeys(p, 'support'), [
        'screening.reason.support.no-helper',
        'screening.reason.support.help-needed'
      ])
    })
  })

  it('marks every barrier unknown (not assessed) when the patient declines', () => {
    const p = profile({ participation: 'declined' })
    for (const b of BARRIERS) {
      assert.equal(p[b].level, 'unknown')
      assert.deepEqual(p[b].reasons, [
        { key: 'screening.reason.declined', linkId: 'participation', answers: ['declined'] }
      ])
    }
  })
})
