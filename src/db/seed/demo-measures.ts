/**
 * Demonstration measures: for each demo organisation, a QI project "Digital inclusion at first
 * assessment" with the available derived measures attached (computed live from the screening
 * and referral demo data) and three manual measures with 24 monthly values, PDSA cycles part
 * way through (demo-qi.ts: the project's workspace) and the improvement they brought, so the dashboard
 * reads like a board report.
 */
import { derivedMeasures } from '../../domain/qi/measures/index.js'
import type { DemoContext } from './demo-context.js'
import { seedDemoWorkspace } from './demo-qi.js'

const PROJECT_NAME = 'Digital inclusion at first assessment'

interface ManualSeed {
  name: string
  type: 'outcome' | 'process' | 'balancing'
  unit: 'percent' | 'count' | 'days'
  improvement: 'increase' | 'decrease' | 'neutral'
  target: number | null
  numerator: string
  denominator: string | null
  owner: string
  /** Mean before and after the PDSA cycle, and the spread of the month-to-month noise. */
  before: number
  after: number
  noise: number
}

const manualSeeds: ManualSeed[] = [
  {
    name: 'Patients who felt supported to use digital services',
    type: 'outcome',
    unit: 'percent',
    improvement: 'increase',
    target: 70,
    numerator: 'Patients answering "yes" to "Did we help you to use online health services?" in the follow-up call',
    denominator: 'Patients reached by the follow-up call in the month',
    owner: 'Patient experience lead',
    before: 52,
    after: 74,
    noise: 5
  },
  {
    name: 'Clinics asking the digital inclusion question',
    type: 'process',
    unit: 'percent',
    improvement: 'increase',
    target: 90,
    numerator: 'Clinic sessions where the booking team asked the digital inclusion question',
    denominator: 'Clinic sessions audited in the month (10 a week)',
    owner: 'Outpatients manager',
    before: 61,
    after: 88,
    noise: 4
  },
  {
    name: 'First appointments not attended',
    type: 'balancing',
    unit: 'percent',
    improvement: 'decrease',
    target: null,
    numerator: 'First appointments the patient did not attend',
    denominator: 'First appointments booked in the month',
    owner: 'Information analyst',
    before: 9.2,
    after: 9.0,
    noise: 0.8
  }
]

/** The first day of the month `back` months before the month of `today`. */
function monthStart(today: string, back: number): string {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7)) - 1 - back
  const d = new Date(Date.UTC(year, month, 1))
  return d.toISOString().slice(0, 10)
}

export async function seedDemoMeasures(context: DemoContext): Promise<void> {
  const { trx, random, today } = context
  const months = 24
  const pdsaAt = 14 // months into the series
  let measures = 0
  const shares: { orgId: string; projectId: string; measureIds: string[] }[] = []
  for (const org of context.organisations) {
    const project = await trx
      .insertInto('qi_project')
      .values({
        org_id: org.id,
        name: PROJECT_NAME,
        aim: 'By the end of March 2027, 90% of new patients are screened for digital exclusion at their first assessment, and those with a high barrier have a communication plan',
        owner_id: org.staff.find((s) => s.role === 'qi_lead')?.id ?? null
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    // the team: the QI lead who owns it, and the clinicians and champions who record what happens in cycles
    const team = org.staff.filter((s) => ['qi_lead', 'clinician', 'champion'].includes(s.role))
    if (team.length > 0)
      await trx
        .insertInto('qi_project_member')
        .values(team.map((s) => ({ org_id: org.id, project_id: project.id, user_id: s.id })))
        .execute()
    const ids = new Map<string, string>()
    for (const d of derivedMeasures) {
      if (!d.available) continue
      const derived = await trx
        .insertInto('measure')
        .values({
          org_id: org.id,
          project_id: project.id,
          name: d.name,
          type: d.type,
          source: 'derived',
          derived_key: d.key,
          numerator: d.numerator,
          denominator: d.denominator,
          inclusions: d.inclusions,
          exclusions: d.exclusions,
          frequency: 'monthly',
          improvement: d.improvement,
          target: d.key === 'screened-at-initial-assessment' ? 90 : null,
          unit: d.unit,
          owner: 'Digital inclusion lead',
          notes: null
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.set(d.key, derived.id)
      measures++
    }
    for (const seed of manualSeeds) {
      const measure = await trx
        .insertInto('measure')
        .values({
          org_id: org.id,
          project_id: project.id,
          name: seed.name,
          type: seed.type,
          source: 'manual',
          derived_key: null,
          numerator: seed.numerator,
          denominator: seed.denominator,
          inclusions: null,
          exclusions: null,
          frequency: 'monthly',
          improvement: seed.improvement,
          target: seed.target,
          unit: seed.unit,
          owner: seed.owner,
          notes: null
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.set(seed.name, measure.id)
      measures++
      const values = Array.from({ length: months }, (_, i) => {
        const level = i < pdsaAt ? seed.before : seed.after
        // the sum of three uniforms: roughly normal noise, repeatable from the seeded generator
        const noise = (random() + random() + random() - 1.5) * seed.noise
        const value = Math.round(Math.min(100, Math.max(0, level + noise)) * 10) / 10
        return {
          org_id: org.id,
          measure_id: measure.id,
          period_start: monthStart(today, months - i),
          value,
          numerator: null,
          denominator: null,
          note: null,
          entered_by: null
        }
      })
      await trx.insertInto('measure_value').values(values).execute()
      if (seed.before !== seed.after) {
        await trx
          .insertInto('measure_annotation')
          .values([
            {
              org_id: org.id,
              measure_id: measure.id,
              on_date: monthStart(today, months - pdsaAt + 3),
              kind: 'note',
              label: 'Champions trained in two clinics',
              created_by: null
            }
          ])
          .execute()
      }
    }
    await seedDemoWorkspace(trx, {
      orgId: org.id,
      projectId: project.id,
      measures: ids,
      start: monthStart(today, months),
      pdsaAt,
      today
    })
    const shared = [ids.get('screened-at-initial-assessment'), ids.get(manualSeeds[0]?.name ?? '')]
    shares.push({ orgId: org.id, projectId: project.id, measureIds: shared.filter((id): id is string => !!id) })
  }
  // one programme across the system, led by the first organisation, with every project shared
  const lead = context.organisations[0]
  if (lead) {
    const { system_id } = await trx
      .selectFrom('organisation')
      .select('system_id')
      .where('id', '=', lead.id)
      .executeTakeFirstOrThrow()
    const programme = await trx
      .insertInto('qi_programme')
      .values({
        system_id,
        lead_org_id: lead.id,
        name: 'Digital inclusion across City and Hackney',
        aim: 'Everyone in City and Hackney can use digital health services, or get round them without losing out',
        measure_keys: ['screened-at-initial-assessment', 'high-barrier', 'referrals-made'],
        created_by: null
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('qi_programme_project')
      .values(
        shares.map((sh) => ({
          org_id: sh.orgId,
          programme_id: programme.id,
          project_id: sh.projectId,
          measure_ids: sh.measureIds,
          shared_by: null
        }))
      )
      .execute()
  }
  context.log(
    `Measures: ${measures} measures in ${context.organisations.length} QI projects, shared with one programme`
  )
}
