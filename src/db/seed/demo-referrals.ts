/**
 * Demo referrals: about a third of the patients whose screening found a high barrier are referred
 * to their best-matched service, spread over the last 18 months, with realistic outcomes (many
 * positive, some declined or did not attend; some with a second outcome), a few notes and some follow-ups
 * overdue. Reads the screenings the screening seeder wrote; when there are none, picks patients at random
 * with made-up barriers.
 */
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { listServices, textArray } from '../repositories/directory.js'
import { ageOrNull, rankServices, type Level } from '../../domain/referrals/matching.js'
import { BARRIERS } from '../../domain/shared/barriers.js'
import { OUTCOMES, type Outcome } from '../../domain/referrals/status-lifecycle.js'
import type { DemoContext } from './demo-context.js'

const DAY = 86_400_000

/** Synthetic notes (no real person): what staff write after a call about a referral. */
const DEMO_NOTES = [
  'Rang the patient: they have not heard from the service yet. Will chase next week.',
  'Patient asked to be called in the mornings.',
  'Service rang: first session booked. Patient would like a reminder by text.',
  'Gave the patient the service phone number in case the letter does not arrive.'
]

export async function seedDemoReferrals(context: DemoContext): Promise<void> {
  const { trx, random } = context
  const services = await listServices(trx)
  if (!services.length) {
    context.log('Referrals: no services in the directory, so no demo referrals')
    return
  }
  const todayMs = Date.parse(`${context.today}T12:00:00Z`)
  let made = 0
  for (const org of context.organisations) {
    if (!org.patients.length) continue
    const clinicians = org.staff.filter((s) => s.role === 'clinician' || s.role === 'admin').map((s) => s.id)
    const screenings = await trx
      .selectFrom('screening')
      .select([
        'id',
        'patient_id',
        'screened_at',
        'access_level',
        'skills_level',
        'motivation_level',
        'trust_level',
        'accessibility_level',
        'language_level',
        'support_level'
      ])
      .where('org_id', '=', org.id)
      .where('has_high_barrier', '=', true)
      .orderBy('screened_at')
      .execute()
    type Candidate = {
      patientId: string
      screeningId: string | null
      screenedAt: number
      barriers: Record<string, Level>
    }
    let candidates: Candidate[] = screenings.map((s) => ({
      patientId: s.patient_id,
      screeningId: s.id,
      screenedAt: new Date(s.screened_at).getTime(),
      barriers: Object.fromEntries(BARRIERS.map((b) => [b, s[`${b}_level`] as Level]))
    }))
    if (!candidates.length) {
      context.log(
        `Referrals (${org.code}): no screenings found, so patients are picked at random with made-up barriers`
      )
      candidates = org.patients
        .filter(() => random() < 0.3)
        .map((p) => ({
          patientId: p.id,
          screeningId: null,
          screenedAt: todayMs - Math.floor(random() * 548) * DAY,
          barriers: Object.fromEntries(
            BARRIERS.map((b) => [b, random() < 0.25 ? 'high' : random() < 0.3 ? 'some' : 'none'])
          )
        }))
    }
    const seen = new Set<string>()
    const patients = new Map(org.patients.map((p) => [p.id, p]))
    for (const c of candidates) {
      if (seen.has(c.patientId) || random() > 0.34) continue
      seen.add(c.patientId)
      const p = patients.get(c.patientId)
      if (!p) continue
      const best = rankServices(
        {
          barriers: c.barriers,
          language: p.mainLanguage,
          interpreterNeeded: p.interpreterNeeded,
          age: ageOrNull(p.dateOfBirth, context.today),
          postcode: p.postcode
        },
        services,
        3
      )
      const pick = best[Math.floor(random() * best.length)]
      if (!pick) continue
      const referredMs = Math.min(
        todayMs - DAY,
        Math.max(c.screenedAt, todayMs - 548 * DAY) + Math.floor(random() * 3) * DAY
      )
      const by = clinicians[Math.floor(random() * clinicians.length)] ?? null
      const ageDays = (todayMs - referredMs) / DAY
      // older referrals have gone further along; recent ones are still open
      const roll = random()
      let path: { status: 'referred' | 'accepted' | 'attended' | 'outcome'; outcome: Outcome | null; steps: number }
      if (ageDays < 20)
        path = { status: roll < 0.5 ? 'referred' : 'accepted', outcome: null, steps: roll < 0.5 ? 0 : 1 }
      else if (roll < 0.12) path = { status: 'referred', outcome: null, steps: 0 }
      else if (roll < 0.2) path = { status: 'accepted', outcome: null, steps: 1 }
      else if (roll < 0.3) path = { status: 'outcome', outcome: 'did_not_attend', steps: 2 }
      else if (roll < 0.37) path = { status: 'outcome', outcome: 'declined', steps: 1 }
      else if (roll < 0.42) path = { status: 'outcome', outcome: 'not_eligible', steps: 1 }
      else {
        const offerTypes = services.find((s) => s.id === pick.serviceId)?.offerTypes ?? []
        const positive: Outcome[] = offerTypes.includes('device')
          ? ['device_provided', 'skills_gained']
          : offerTypes.includes('data/connectivity')
            ? ['connectivity_provided']
            : ['skills_gained']
        path = { status: 'outcome', outcome: positive[Math.floor(random() * positive.length)] ?? OUTCOMES[2], steps: 3 }
      }
      const at = (k: number) =>
        new Date(Math.min(todayMs - 1000, referredMs + k * (5 + Math.floor(random() * 10)) * DAY))
      const acceptedAt =
        path.steps >= 1 && !(path.outcome === 'declined' || path.outcome === 'not_eligible')
          ? at(1)
          : path.steps >= 2
            ? at(1)
            : null
      const attendedAt = path.steps >= 3 ? at(2) : null
      const outcomeAt = path.outcome ? at(3) : null
      const row = await trx
        .insertInto('referral')
        .values({
          org_id: org.id,
          patient_id: c.patientId,
          screening_id: c.screeningId,
          service_id: pick.serviceId,
          team_id: p.teamId,
          status: path.status,
          outcome: path.outcome,
          match_reasons: JSON.stringify(pick.reasons),
          consent_given: true,
          consent_scope: textArray([
            'contact_details',
            'barrier_summary',
            ...(p.mainLanguage !== 'en' ? ['language_needs'] : [])
          ]),
          consent_recorded_by: by,
          consent_recorded_at: new Date(referredMs),
          referred_at: new Date(referredMs),
          accepted_at: acceptedAt,
          attended_at: attendedAt,
          outcome_at: outcomeAt,
          follow_up_due_on: new Date(referredMs + 28 * DAY).toISOString().slice(0, 10),
          partner_token_hash: createHash('sha256').update(randomBytes(16)).digest('hex'),
          partner_token_expires_at: new Date(referredMs + 90 * DAY),
          created_by: by,
          created_at: new Date(referredMs),
          updated_at: outcomeAt ?? attendedAt ?? acceptedAt ?? new Date(referredMs)
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const events: { from: string; to: string; outcome: string | null; at: Date }[] = [
        { from: 'suggested', to: 'referred', outcome: null, at: new Date(referredMs) }
      ]
      if (acceptedAt) events.push({ from: 'referred', to: 'accepted', outcome: null, at: acceptedAt })
      if (attendedAt) events.push({ from: 'accepted', to: 'attended', outcome: null, at: attendedAt })
      if (outcomeAt)
        events.push({ from: events.at(-1)?.to ?? 'referred', to: 'outcome', outcome: path.outcome, at: outcomeAt })
      await trx
        .insertInto('referral_event')
        .values(
          events.map((e) => {
            const partner = e.to !== 'referred' && random() < 0.5
            return {
              org_id: org.id,
              referral_id: row.id,
              from_status: e.from,
              to_status: e.to,
              outcome: e.outcome,
              changed_by: partner ? null : by,
              changed_by_partner: partner,
              occurred_at: e.at
            }
          })
        )
        .execute()
      // Some referrals collect a second outcome (a device, then skills gained at the service's sessions) and
      // some have a note. Chosen by position, not by the random source, so the rest of the demo stays the same.
      const extra: {
        kind: 'outcome' | 'note'
        outcome: Outcome | null
        note: string | null
        partner: boolean
        at: Date
      }[] = []
      if (outcomeAt && path.outcome === 'device_provided' && made % 2 === 0)
        extra.push({
          kind: 'outcome',
          outcome: 'skills_gained',
          note: 'Came to the follow-up sessions and can now use the NHS App.',
          partner: true,
          at: new Date(Math.min(todayMs - 500, outcomeAt.getTime() + 21 * DAY))
        })
      if (made % 5 === 0)
        extra.push({
          kind: 'note',
          outcome: null,
          note: DEMO_NOTES[made % DEMO_NOTES.length] ?? null,
          partner: false,
          at: new Date(Math.min(todayMs - 1000, referredMs + 2 * DAY))
        })
      if (extra.length)
        await trx
          .insertInto('referral_event')
          .values(
            extra.map((e) => ({
              org_id: org.id,
              referral_id: row.id,
              kind: e.kind,
              // a note two days after referral, before any other step (those come 5 days or more later)
              from_status: e.kind === 'outcome' ? 'outcome' : 'referred',
              to_status: e.kind === 'outcome' ? 'outcome' : 'referred',
              outcome: e.outcome,
              note: e.note,
              changed_by: e.partner ? null : by,
              changed_by_partner: e.partner,
              occurred_at: e.at
            }))
          )
          .execute()
      made++
    }
  }
  const overdue = await trx
    .selectFrom('referral')
    .select(sql<string>`count(*)`.as('n'))
    .where('status', '!=', 'outcome')
    .where('follow_up_due_on', '<', context.today)
    .executeTakeFirst()
  context.log(`Referrals: ${made} demo referrals, ${overdue?.n ?? 0} follow-ups overdue`)
}
