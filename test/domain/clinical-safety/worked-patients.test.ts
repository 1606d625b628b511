// Ten realistic patients through screening → plan → record → referral suggestions, with the shipped
// directory. These are the worked examples behind docs/clinical-safety.md: each hazard there names the
// assertion here that proves its control.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assessScreening, type ScreeningAssessment } from '../../../src/domain/screening/index.js'
import { recordDifferences } from '../../../src/domain/screening/record-updates.js'
import { parseDirectoryImport } from '../../../src/domain/directory/oruk.js'
import { rankServices, type Level } from '../../../src/domain/referrals/matching.js'
import { matchingNeeds } from '../../../src/domain/referrals/matching-needs.js'
import { planView } from '../../../src/web/routes/screening/result-view-models.js'
import { PATIENTS } from './patients.js'

const TODAY = '2026-12-02'
const directory = parseDirectoryImport(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../reference/screening/digital-support-directory.json'), 'utf8')
  )
).services

type Id = (typeof PATIENTS)[number]['id']
function run(id: Id) {
  const p = PATIENTS.find((x) => x.id === id)!
  const a: ScreeningAssessment = assessScreening(p.answers, { record: p.record })
  const view = planView(a, 'en', p.record)
  const barriers = Object.fromEntries(Object.entries(a.barriers).map(([b, r]) => [b, r.level as Level]))
  const suggestions = rankServices(
    {
      barriers,
      language: p.record.mainLanguage,
      interpreterNeeded: p.record.interpreterNeeded,
      age: p.age,
      postcode: p.record.postcode,
      needs: matchingNeeds(a.answers)
    },
    directory,
    3,
    TODAY
  )
  const name = (serviceId: string) => directory.find((s) => s.id === serviceId)!.name
  return {
    a,
    plan: a.plan,
    view,
    record: recordDifferences(a.answers, p.record),
    suggested: suggestions.map((s) => name(s.serviceId)),
    suggestions
  }
}
const checkKeys = (r: ReturnType<typeof run>) => r.plan.checks.map((c) => c.key.replace('screening.plan.check.', ''))

describe('worked patients: plan, record and first suggestions', () => {
  test('older offline Turkish speaker whose son helps: phone with a Turkish interpreter, letters in Turkish; record corrected', () => {
    const r = run('older-turkish-offline')
    assert.deepEqual(r.plan.use, ['letter', 'phone'])
    assert.deepEqual(r.view.routes, ['Letter in Turkish', 'Phone call with a Turkish interpreter'])
    assert.deepEqual(r.plan.avoid, ['sms', 'email', 'nhs_app', 'video'])
    assert.equal(r.plan.nonDigitalAlternative.channel, 'phone')
    assert.deepEqual(r.view.proxyDetail, {
      name: 'Emre Yılmaz',
      phone: '07700 900111',
      relationship: 'family member or friend',
      consentedBy: 'the patient, when screened'
    })
    assert.deepEqual(r.record.updates, [
      { field: 'mainLanguage', from: 'en', to: 'tr' },
      { field: 'interpreterNeeded', from: false, to: true }
    ])
    // No device: device schemes first; nothing online-only for someone who would rather not go online.
    assert.equal(r.suggested[0], 'National Digital Inclusion Network (Digital Inclusion Hubs)')
    assert.ok(!r.suggested.includes('Learn My Way'))
    assert.match(r.suggestions[0]!.reasons[0]!, /has no smartphone, tablet or computer/)
  })

  test('pay-as-you-go data running out: texts as chosen, online channels avoided, free data first (not a device)', () => {
    const r = run('payg-data-running-out')
    assert.deepEqual(r.plan.use, ['sms'])
    assert.deepEqual(r.plan.avoid, ['email', 'nhs_app', 'video'])
    assert.deepEqual(r.plan.notChosen, ['letter', 'phone'])
    assert.equal(r.plan.nonDigitalAlternative.channel, 'phone')
    assert.deepEqual(r.record.updates, [])
    assert.ok(r.suggestions.every((s) => s.reasons[0]!.startsWith('Offers free mobile data or internet access')))
    assert.ok(!r.suggested.includes('National Device Bank'))
    assert.ok(r.suggested.includes('National Databank'))
  })

  test('Deaf BSL user: never the voice phone; video with a BSL interpreter; face to face as the alternative', () => {
    const r = run('deaf-bsl')
    assert.ok(r.plan.avoid.includes('phone'))
    assert.deepEqual(r.view.routes, ['Text message', 'Video call with a British Sign Language interpreter'])
    assert.equal(r.plan.nonDigitalAlternative.channel, 'in_person')
    assert.deepEqual(checkKeys(r), ['reads-little-english'])
    assert.deepEqual(
      r.record.updates.map((u) => u.field),
      ['mainLanguage', 'interpreterNeeded', 'communicationNeeds']
    )
    assert.deepEqual(
      r.plan.codes.map((c) => c.code),
      ['204331000000107']
    )
  })

  test('scam-wary tablet owner: letter and phone only; her choice of email is a check, not a route; trust caution', () => {
    const r = run('scam-wary-tablet')
    assert.deepEqual(r.plan.use, ['letter', 'phone'])
    assert.ok(['email', 'nhs_app', 'video'].every((c) => r.plan.avoid.includes(c as 'email')))
    assert.deepEqual(r.plan.preferenceConflicts, ['email'])
    assert.deepEqual(checkKeys(r), ['preference-conflict'])
    assert.deepEqual(r.view.check, [
      'They chose Email, but their answers say to avoid it: talk it through before using it'
    ])
    assert.ok(r.plan.cautions.includes('screening.plan.caution.trust'))
    assert.match(r.suggestions[0]!.reasons[0]!, /one-to-one help, which matches the patient's high trust barrier/)
  })

  test('learning disability, carer to be present: the carer first, no direct digital contact, Easy Read letters', () => {
    const r = run('learning-disability-carer')
    assert.deepEqual(r.view.routes, [
      'Phone call to Grace Okafor (carer), who they agreed we can contact',
      'Letter, easy read'
    ])
    assert.deepEqual(r.plan.avoid, ['phone', 'sms', 'email', 'nhs_app', 'video'])
    assert.ok(r.plan.channels.find((c) => c.channel === 'sms')!.reasons.some((x) => x.key.endsWith('carer-present')))
    assert.deepEqual(checkKeys(r), ['ask-preference', 'capacity'])
    assert.deepEqual(r.record.updates, [
      { field: 'communicationNeeds', from: ['carer_present'], to: ['carer_present', 'easy_read'], added: ['easy_read'] }
    ])
  })

  test('learning disability, carer recorded with a best interests decision: the plan names who, on what authority, since when', () => {
    const p = PATIENTS.find((x) => x.id === 'learning-disability-carer')!
    const record = {
      ...p.record,
      helper: {
        name: 'Grace Okafor',
        relationship: 'paid carer',
        phone: '07700 900222',
        authority: 'best_interests' as const,
        agreedOn: '2026-11-20',
        capacityNote: 'Lacks capacity to manage appointments (assessed 18 Nov 2026); the carer books them.'
      }
    }
    const a = assessScreening(p.answers, { record })
    const view = planView(a, 'en', record)
    assert.deepEqual(view.routes[0], 'Phone call to Grace Okafor (paid carer), who they agreed we can contact')
    assert.deepEqual(view.proxyDetail, {
      name: 'Grace Okafor',
      phone: '07700 900222',
      relationship: 'paid carer',
      consentedBy: 'Best interests decision (Mental Capacity Act 2005), recorded on 20 November 2026',
      capacityNote: 'Lacks capacity to manage appointments (assessed 18 Nov 2026); the carer books them.'
    })
    // recorded authority and date: no longer asked for
    assert.ok(!a.plan.checks.some((c) => c.key.endsWith('.capacity')))
    // a patient who says "do not contact them" at screening is not overridden by the record
    const refused = assessScreening({ ...p.answers, 'proxy-consent': 'no' }, { record })
    assert.equal(refused.plan.proxy.consent, 'refused')
    assert.ok(refused.plan.checks.some((c) => c.key.endsWith('proxy-record-refused')))
    assert.ok(!refused.plan.routes.some((r) => r.viaProxy))
  })

  test('declines: a letter, no digital assumption, ask again next time; no referral suggested', () => {
    const r = run('declines')
    assert.equal(r.a.status, 'declined')
    assert.deepEqual(r.plan.use, ['letter'])
    assert.deepEqual(checkKeys(r), ['declined'])
    assert.deepEqual(r.record.updates, [])
    assert.deepEqual(r.suggested, [])
  })

  test('stops halfway: partial, never "no barriers"; every channel that needs a missing answer is a check', () => {
    const r = run('stops-halfway')
    assert.equal(r.a.status, 'partial')
    assert.equal(r.a.readiness.level, 'incomplete')
    assert.equal(r.a.barriers.skills.level, 'unknown')
    assert.deepEqual(r.plan.use, ['letter', 'phone'])
    assert.deepEqual(r.plan.unknown, ['sms', 'email', 'nhs_app', 'video'])
    assert.deepEqual(checkKeys(r), [
      'channel-unknown',
      'channel-unknown',
      'channel-unknown',
      'channel-unknown',
      'ask-preference'
    ])
  })

  test('spoken-only language (Sylheti), reads no English: no written route at all; phone with a Sylheti interpreter', () => {
    const r = run('spoken-only-sylheti')
    assert.equal(r.plan.writtenLanguage, null)
    assert.ok(r.plan.avoid.includes('letter'))
    assert.deepEqual(r.view.routes, ['Phone call with a Sylheti interpreter'])
    assert.ok(checkKeys(r).includes('no-written-language'))
    assert.deepEqual(r.record.updates, [{ field: 'mainLanguage', from: 'bn', to: 'syl' }])
    assert.ok(!r.suggested.includes('Learn My Way'))
  })

  test('confident online: the NHS App and email as chosen; no support service suggested', () => {
    const r = run('confident-online')
    assert.deepEqual(r.plan.use, ['email', 'nhs_app'])
    assert.deepEqual(r.plan.notChosen, ['letter', 'phone', 'sms', 'video'])
    assert.deepEqual(checkKeys(r), [])
    assert.equal(r.plan.nonDigitalAlternative.channel, 'phone')
    assert.deepEqual(r.suggested, [])
  })

  test('no fixed address: no letters (their choice of letter is a check); texts; local free data still offered', () => {
    const r = run('no-fixed-address')
    assert.deepEqual(r.plan.use, ['sms'])
    assert.ok(r.plan.avoid.includes('letter'))
    assert.deepEqual(checkKeys(r), ['preference-conflict', 'no-fixed-address'])
    assert.equal(r.plan.nonDigitalAlternative.channel, 'phone')
    assert.ok(r.suggestions.length > 0)
    assert.ok(r.suggestions.every((s) => s.reasons[0]!.startsWith('Offers free mobile data or internet access')))
    assert.ok(
      r.suggested.includes('Hackney libraries: free wifi, computers and Community Library Service'),
      'a pseudo-postcode must not shut out local services'
    )
  })

  test('stale directory entries are never presented as checked: every suggestion past 12 months says so', () => {
    for (const p of PATIENTS) {
      for (const s of run(p.id).suggestions) {
        const service = directory.find((d) => d.id === s.serviceId)!
        const stale = !service.lastVerifiedOn || service.lastVerifiedOn <= '2025-12-02'
        assert.equal(
          s.reasons.some((x) => x.includes('check it still runs before referring')),
          stale,
          `${p.id}: ${service.name}`
        )
      }
    }
  })
})
