import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseScreeningAnswers, screeningStatus, type AnswerInput } from '../../../src/domain/screening/answers.js'
import { scoreBarriers } from '../../../src/domain/screening/barrier-profile.js'
import { assessReadiness, READINESS_RULES, type Readiness } from '../../../src/domain/screening/readiness.js'
import { confident } from './fixtures.js'

function readiness(input: AnswerInput): Readiness {
  const parsed = parseScreeningAnswers(input)
  return assessReadiness(screeningStatus(parsed.answers, parsed.errors), scoreBarriers(parsed.answers))
}

describe('readiness (operational triage, not a validated clinical score)', () => {
  it('is a small ordered table ending in a rule that always holds', () => {
    assert.deepEqual(
      READINESS_RULES.map((r) => `${r.id}:${r.level}`),
      [
        'no-access:offline',
        'prefers-offline:offline',
        'no-skills-no-help:offline',
        'skills-with-help:needs_substantial_support',
        'language-or-accessibility:needs_substantial_support',
        'some-barrier:online_with_support',
        'no-barrier:confident_online'
      ]
    )
    assert.equal(READINESS_RULES.at(-1)?.tests.length, 0)
  })

  it('confident_online when there is no barrier at all', () => {
    const r = readiness(confident)
    assert.equal(r.level, 'confident_online')
    assert.equal(r.ruleId, 'no-barrier')
    assert.equal(r.key, 'screening.readiness.confident_online')
    assert.equal(r.disclaimerKey, 'screening.readiness.disclaimer')
  })

  it('offline with no device (rule no-access)', () => {
    const r = readiness({ ...confident, devices: ['none'] })
    assert.deepEqual([r.level, r.ruleId, r.basis], ['offline', 'no-access', ['access']])
  })

  it('offline when the patient would rather not go online, even with good skills (rule prefers-offline)', () => {
    const r = readiness({ ...confident, motivation: 'prefers-not' })
    assert.deepEqual([r.level, r.ruleId], ['offline', 'prefers-offline'])
  })

  it('device but no skills and nobody to help: offline (rule no-skills-no-help)', () => {
    const r = readiness({ ...confident, 'skill-connect': 'cannot', 'skill-apps': 'cannot' })
    assert.deepEqual([r.level, r.ruleId, r.basis], ['offline', 'no-skills-no-help', ['skills', 'support']])
  })

  it('device but no skills with someone to help: needs_substantial_support (rule skills-with-help)', () => {
    const r = readiness({ ...confident, 'skill-connect': 'cannot', helpers: ['carer'], 'proxy-consent': 'no' })
    assert.deepEqual([r.level, r.ruleId], ['needs_substantial_support', 'skills-with-help'])
  })

  it('needs_substantial_support when reading no English or with difficulties in two areas', () => {
    assert.equal(
      readiness({ ...confident, 'main-language': 'ar', 'reads-english': 'not-at-all' }).ruleId,
      'language-or-accessibility'
    )
    const r = readiness({ ...confident, difficulties: ['sight', 'hearing'] })
    assert.deepEqual([r.level, r.basis], ['needs_substantial_support', ['accessibility']])
  })

  it('online_with_support for any lesser barrier, including trust only', () => {
    const trust = readiness({ ...confident, worries: ['scams', 'data-sharing'] })
    assert.deepEqual([trust.level, trust.ruleId, trust.basis], ['online_with_support', 'some-barrier', ['trust']])
    assert.equal(readiness({ ...confident, afford: 'sometimes' }).level, 'online_with_support')
    assert.equal(readiness({ ...confident, motivation: 'lacks-confidence' }).level, 'online_with_support')
    const skillsAndSupport = readiness({ ...confident, 'skill-video': 'with-help' })
    assert.deepEqual(skillsAndSupport.basis, ['skills', 'support'])
  })

  it('declined', () => {
    const r = readiness({ participation: 'declined', devices: ['smartphone'] })
    assert.deepEqual([r.level, r.ruleId, r.key], ['declined', null, 'screening.readiness.declined'])
  })

  describe('partial screenings', () => {
    it('still gives offline when the known answers decide it', () => {
      const r = readiness({ participation: 'agreed', devices: ['none'] })
      assert.deepEqual([r.level, r.ruleId], ['offline', 'no-access'])
    })

    it('is incomplete, naming the questions needed, when an earlier rule cannot be decided', () => {
      const { afford: _a, ...rest } = confident
      const r = readiness(rest)
      assert.deepEqual([r.level, r.ruleId, r.missing], ['incomplete', 'no-access', ['afford']])
      assert.equal(r.key, 'screening.readiness.incomplete')
    })

    it('never gives confident_online while a barrier is unknown', () => {
      const { worries: _w, ...rest } = confident
      const r = readiness(rest)
      assert.deepEqual([r.level, r.ruleId, r.missing], ['incomplete', 'some-barrier', ['worries']])
    })

    it('gives online_with_support when a known barrier decides it and only later rules are open', () => {
      const { worries: _w, ...rest } = confident
      const r = readiness({ ...rest, afford: 'sometimes' })
      assert.deepEqual([r.level, r.ruleId], ['online_with_support', 'some-barrier'])
    })
  })
})
