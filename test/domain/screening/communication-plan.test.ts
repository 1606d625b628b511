import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseScreeningAnswers, type AnswerInput } from '../../../src/domain/screening/answers.js'
import {
  buildCommunicationPlan,
  type Channel,
  type CommunicationPlan
} from '../../../src/domain/screening/communication-plan.js'
import { confident } from './fixtures.js'

function plan(input: AnswerInput): CommunicationPlan {
  return buildCommunicationPlan(parseScreeningAnswers(input).answers)
}

const reasonsFor = (p: CommunicationPlan, channel: Channel) =>
  p.channels.find((c) => c.channel === channel)?.reasons.map((r) => r.key)
const codesOf = (p: CommunicationPlan) => p.codes.map((c) => c.code)

describe('buildCommunicationPlan', () => {
  it('uses every channel for a confident online patient and offers the phone as the non-digital alternative', () => {
    const p = plan(confident)
    assert.deepEqual(p.use, ['letter', 'phone', 'sms', 'email', 'nhs_app', 'video'])
    assert.deepEqual(p.avoid, [])
    assert.deepEqual(p.nonDigitalAlternative, { channel: 'phone', key: 'screening.alternative.phone' })
    assert.deepEqual(p.needs, [])
    assert.deepEqual(p.codes, [])
    assert.deepEqual(p.channels.find((c) => c.channel === 'letter')?.snomed, {
      system: 'http://snomed.info/sct',
      code: '936721000000107',
      display: 'Requires contact by letter'
    })
    assert.equal(p.channels.find((c) => c.channel === 'nhs_app')?.snomed, null)
  })

  it('no device at all: letter only, and records "requires contact by letter"', () => {
    const p = plan({ ...confident, devices: ['none'] })
    assert.deepEqual(p.use, ['letter'])
    assert.deepEqual(p.avoid, ['phone', 'sms', 'email', 'nhs_app', 'video'])
    assert.deepEqual(reasonsFor(p, 'phone'), ['screening.plan.reason.no-phone'])
    assert.deepEqual(reasonsFor(p, 'email'), ['screening.plan.reason.no-online-device'])
    assert.equal(p.nonDigitalAlternative.channel, 'letter')
    assert.deepEqual(codesOf(p), ['936721000000107'])
  })

  it('landline only: phone and letter; records "requires contact by telephone"', () => {
    const p = plan({ ...confident, devices: ['landline'] })
    assert.deepEqual(p.use, ['letter', 'phone'])
    assert.deepEqual(reasonsFor(p, 'sms'), ['screening.plan.reason.no-mobile'])
    assert.equal(p.nonDigitalAlternative.channel, 'phone')
    assert.deepEqual(codesOf(p), ['795661000000104'])
  })

  it('basic mobile: SMS works without the internet', () => {
    const p = plan({ ...confident, devices: ['mobile-basic'] })
    assert.deepEqual(p.use, ['letter', 'phone', 'sms'])
    assert.deepEqual(p.codes, [])
  })

  it('device but no skills: avoids each online channel whose task the patient cannot do', () => {
    const p = plan({
      ...confident,
      'skill-online-forms': 'cannot',
      'skill-video': 'cannot',
      'skill-messages': 'cannot'
    })
    assert.deepEqual(p.avoid, ['sms', 'email', 'nhs_app', 'video'])
    assert.deepEqual(reasonsFor(p, 'nhs_app'), ['screening.plan.reason.cannot-do-task'])
    assert.deepEqual(codesOf(p), ['795661000000104'])
  })

  it('a task possible only with help: use it if someone helps, avoid it if nobody does', () => {
    const alone = plan({ ...confident, 'skill-video': 'with-help' })
    assert.deepEqual(reasonsFor(alone, 'video'), ['screening.plan.reason.needs-help-none-available'])
    const helped = plan({ ...confident, 'skill-video': 'with-help', helpers: ['family-friend'], 'proxy-consent': 'no' })
    assert.ok(helped.use.includes('video'))
  })

  it('avoids video from public places, and online channels when the patient cannot afford data or prefers not', () => {
    assert.deepEqual(reasonsFor(plan({ ...confident, 'device-sharing': 'public' }), 'video'), [
      'screening.plan.reason.public-access-only'
    ])
    assert.deepEqual(reasonsFor(plan({ ...confident, internet: ['public-wifi'] }), 'video'), [
      'screening.plan.reason.public-access-only'
    ])
    assert.deepEqual(plan({ ...confident, afford: 'no' }).avoid, ['email', 'nhs_app', 'video'])
    const offline = plan({ ...confident, motivation: 'prefers-not' })
    assert.deepEqual(offline.avoid, ['email', 'nhs_app', 'video'])
    assert.deepEqual(reasonsFor(offline, 'email'), ['screening.plan.reason.prefers-offline'])
  })

  it('both trust worries: email, NHS App and video avoided; texts are reminders only', () => {
    const p = plan({ ...confident, worries: ['scams', 'data-sharing'] })
    assert.deepEqual(p.avoid, ['email', 'nhs_app', 'video'])
    assert.deepEqual(reasonsFor(p, 'email'), ['screening.plan.reason.trust-high'])
    assert.deepEqual(p.use, ['letter', 'phone', 'sms'])
    assert.equal(p.routes.find((r) => r.channel === 'sms')?.personalData, false)
    assert.deepEqual(p.cautions, ['screening.plan.caution.trust', 'screening.plan.caution.reminders-only'])
    const one = plan({ ...confident, worries: ['scams'] })
    assert.deepEqual(one.avoid, [])
    assert.deepEqual(one.cautions, ['screening.plan.caution.trust', 'screening.plan.caution.reminders-only'])
  })

  it('avoids written channels for someone who reads no English, and needs an interpreter in their language', () => {
    const p = plan({ ...confident, 'main-language': 'pl', 'reads-english': 'not-at-all', interpreter: ['spoken'] })
    assert.deepEqual(p.avoid, ['sms', 'email', 'nhs_app'])
    assert.deepEqual(p.needs, [
      {
        need: 'interpreter',
        key: 'screening.need.interpreter',
        ais: false,
        language: 'pl',
        snomed: {
          system: 'http://snomed.info/sct',
          code: '203901000000102',
          display: 'Polish language interpreter needed'
        },
        noteKey: null
      }
    ])
  })

  it('interpreter language: the answer, else the main language, else unknown with a note; unlisted languages get the general code', () => {
    const chosen = plan({
      ...confident,
      'main-language': 'ku',
      'reads-english': 'well',
      interpreter: ['spoken'],
      'interpreter-language': 'tr'
    })
    assert.deepEqual(
      chosen.needs.map((n) => [n.language, n.snomed?.code]),
      [['tr', '204191000000105']]
    )
    const unknown = plan({ ...confident, interpreter: ['spoken'] })
    assert.deepEqual(
      unknown.needs.map((n) => [n.language, n.snomed?.code, n.noteKey]),
      [[null, '315594003', 'screening.need.note.confirm-interpreter-language']]
    )
    const unlisted = plan({ ...confident, 'main-language': 'sw', 'reads-english': 'a-little', interpreter: ['spoken'] })
    assert.deepEqual(
      unlisted.needs.map((n) => [n.language, n.snomed?.code]),
      [['sw', '315594003']]
    )
  })

  it('interpreter + BSL: both needs with their codes, voice phone avoided, face to face offered', () => {
    const p = plan({
      ...confident,
      'main-language': 'bfi',
      'reads-english': 'a-little',
      interpreter: ['spoken', 'bsl'],
      'interpreter-language': 'pl'
    })
    assert.deepEqual(
      p.needs.map((n) => [n.need, n.language, n.snomed?.code, n.ais]),
      [
        ['bsl_interpreter', null, '204331000000107', true],
        ['interpreter', 'pl', '203901000000102', false]
      ]
    )
    assert.deepEqual(reasonsFor(p, 'phone'), ['screening.plan.reason.bsl-user'])
    assert.deepEqual(p.nonDigitalAlternative, { channel: 'in_person', key: 'screening.alternative.in_person' })
    assert.deepEqual(codesOf(p), ['204331000000107', '203901000000102'])
  })

  it('records AIS information formats; Braille and print size must be confirmed', () => {
    const p = plan({ ...confident, 'communication-needs': ['large-print', 'easy-read', 'braille', 'audio'] })
    assert.deepEqual(
      p.needs.map((n) => [n.need, n.snomed?.code ?? null, n.noteKey]),
      [
        ['large_print', '957331000000109', 'screening.need.note.confirm-print-size'],
        ['easy_read', '796161000000101', null],
        ['braille', null, 'screening.need.note.confirm-braille-grade'],
        ['audio', '936601000000105', null]
      ]
    )
    assert.deepEqual(codesOf(p), ['957331000000109', '796161000000101', '936601000000105'])
    assert.ok(p.needs.every((n) => n.ais))
  })

  it('proxy: contact details only with consent', () => {
    const given = plan({
      ...confident,
      helpers: ['carer'],
      'proxy-consent': 'yes',
      'proxy-name': 'Sam Carer',
      'proxy-phone': '07700 900123'
    })
    assert.deepEqual(given.proxy, {
      consent: 'given',
      contact: { name: 'Sam Carer', phone: '07700 900123' },
      helpers: ['carer'],
      consentedBy: 'patient',
      relationship: null,
      consentedOn: null,
      capacityNote: null
    })
    assert.deepEqual(plan({ ...confident, helpers: ['carer'], 'proxy-consent': 'no', 'proxy-name': 'Sam' }).proxy, {
      consent: 'refused',
      contact: null,
      helpers: ['carer'],
      consentedBy: null,
      relationship: null,
      consentedOn: null,
      capacityNote: null
    })
    assert.equal(plan(confident).proxy.consent, 'not_applicable')
    assert.equal(plan({ ...confident, helpers: ['carer'] }).proxy.consent, 'unknown')
  })

  it('preferences: kept when usable, flagged as conflicts when the rules avoid them', () => {
    const p = plan({ ...confident, 'skill-messages': 'cannot', 'contact-preference': ['email', 'nhs-app', 'letter'] })
    assert.deepEqual(p.preferred, ['letter', 'nhs_app'])
    assert.deepEqual(p.preferenceConflicts, ['email'])
  })

  it('declined or unanswered: letter only is certain; everything else is unknown and must not be relied on', () => {
    const p = plan({ participation: 'declined' })
    assert.deepEqual(p.use, ['letter'])
    assert.deepEqual(p.unknown, ['phone', 'sms', 'email', 'nhs_app', 'video'])
    assert.deepEqual(reasonsFor(p, 'phone'), ['screening.plan.reason.not-known'])
    assert.equal(p.nonDigitalAlternative.channel, 'letter')
    assert.equal(p.proxy.consent, 'unknown')
  })
})
