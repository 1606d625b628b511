/**
 * Records for the fixture's organisations, for tests that visit every route with real ids: for each
 * of organisations A and B, a team, a complete screening of its first patient, an open
 * self-completion invitation, a QI project (with its clinician as a member, a driver, a milestone, a change idea and a PDSA cycle at the
 * act stage linked to the measure), a manual measure with values and an annotation, and a referral with a
 * partner link; plus one support service and one LSOA. Rows are written directly
 * (not through the app), so these tests do not depend on the code they check.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { assessScreening } from '../../src/domain/screening/index.js'
import { hashToken, newToken } from '../../src/security/tokens.js'
import type { Fixture } from './fixture.js'

export interface OrgRecords {
  orgId: string
  patientId: string
  teamId: string
  screeningId: string
  /** The invitation's one-time token (the route key `/s/:key`). */
  inviteToken: string
  projectId: string
  driverId: string
  milestoneId: string
  /** The organisation's clinician, a member of the project (the route key `:userId`). */
  memberId: string
  changeIdeaId: string
  /** A PDSA cycle of the change idea at the act stage, linked to the measure. */
  pdsaId: string
  measureId: string
  referralId: string
  /** The referral's partner link token (`/partner/:token`). */
  partnerToken: string
}

export interface Records {
  A: OrgRecords
  B: OrgRecords
  serviceId: string
  lsoaCode: string
  /** A programme of the fixture's system, led by A, with A's project and measure shared. */
  programmeId: string
}

const answers = {
  participation: 'agreed',
  devices: ['smartphone'],
  internet: ['mobile-data'],
  afford: 'sometimes',
  'skill-connect': 'alone',
  'skill-apps': 'with-help',
  'skill-online-forms': 'cannot',
  'skill-video': 'with-help',
  'skill-messages': 'alone',
  motivation: 'happy',
  worries: ['scams'],
  difficulties: ['none'],
  'main-language': 'en',
  interpreter: ['no'],
  helpers: ['none'],
  'communication-needs': ['none']
}

export async function addRecords(db: Kysely<Database>, fixture: Fixture): Promise<Records> {
  const service = await db
    .insertInto('support_service')
    .values({
      id: 'fixture-digital-help',
      name: 'Fixture digital help',
      organisation_name: 'Fixture library service',
      description: 'One-to-one help with phones and tablets.',
      url: 'https://example.org/help',
      email: null,
      barriers: sql<string[]>`'{skills,access}'::text[]`,
      offer_types: sql<string[]>`'{"one-to-one help"}'::text[]`,
      languages: sql<string[]>`'{en}'::text[]`,
      verified: true,
      last_verified_on: new Date().toISOString().slice(0, 10),
      updated_at: new Date()
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('lsoa')
    .values({ code: 'E01000001', vintage: '2021', name: 'Fixture 001A', lad_code: 'E09000012', lad_name: 'Hackney' })
    .onConflict((oc) => oc.doNothing())
    .execute()

  const forOrg = async (org: Fixture['orgA'], label: string): Promise<OrgRecords> => {
    const patientId = org.patients[0]?.id
    if (!patientId) throw new Error('the fixture organisation has no patient')
    const team = await db
      .insertInto('team')
      .values({ org_id: org.id, name: `Team of ${label}` })
      .returning('id')
      .executeTakeFirstOrThrow()
    const screenedAt = new Date()
    const assessment = assessScreening(answers, { now: screenedAt })
    const b = assessment.barriers
    const screening = await db
      .insertInto('screening')
      .values({
        org_id: org.id,
        patient_id: patientId,
        team_id: team.id,
        questionnaire_url: assessment.questionnaire.url,
        questionnaire_version: assessment.questionnaire.version,
        mode: 'clinician',
        language: 'en',
        status: assessment.status,
        answers: JSON.stringify(answers),
        assessment: JSON.stringify(assessment),
        readiness: assessment.readiness.level,
        access_level: b.access.level,
        skills_level: b.skills.level,
        motivation_level: b.motivation.level,
        trust_level: b.trust.level,
        accessibility_level: b.accessibility.level,
        language_level: b.language.level,
        support_level: b.support.level,
        has_high_barrier: Object.values(b).some((r) => r.level === 'high'),
        has_plan: assessment.status !== 'declined',
        eheals_score: null,
        screened_at: screenedAt,
        rescreen_due_on: assessment.rescreen?.dueOn ?? null,
        entered_by: null
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const inviteToken = newToken()
    await db
      .insertInto('screening_invite')
      .values({
        org_id: org.id,
        patient_id: org.patients[1]?.id ?? patientId,
        token_hash: hashToken(inviteToken),
        short_code: label === 'A' ? 'AAAA2222' : 'BBBB3333',
        created_by: null,
        expires_at: new Date(Date.now() + 7 * 24 * 3600 * 1000),
        used_at: null,
        screening_id: null
      })
      .execute()
    const project = await db
      .insertInto('qi_project')
      .values({
        org_id: org.id,
        name: `Digital inclusion (${label})`,
        aim: 'Screen every new patient',
        team_id: team.id
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const member = await db
      .selectFrom('staff_user')
      .select('id')
      .where('org_id', '=', org.id)
      .where('role', '=', 'clinician')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('qi_project_member')
      .values({ org_id: org.id, project_id: project.id, user_id: member.id })
      .execute()
    const driver = await db
      .insertInto('qi_driver')
      .values({ org_id: org.id, project_id: project.id, parent_id: null, title: `Access (${label})` })
      .returning('id')
      .executeTakeFirstOrThrow()
    const milestone = await db
      .insertInto('qi_milestone')
      .values({ org_id: org.id, project_id: project.id, title: `Baseline (${label})`, due_on: '2027-01-31' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const measure = await db
      .insertInto('measure')
      .values({
        org_id: org.id,
        project_id: project.id,
        team_id: team.id,
        name: `Patients helped (${label})`,
        type: 'outcome',
        source: 'manual',
        derived_key: null,
        numerator: null,
        denominator: null,
        inclusions: null,
        exclusions: null,
        frequency: 'monthly',
        improvement: 'increase',
        target: null,
        owner: null,
        notes: null,
        updated_at: new Date()
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('measure_value')
      .values(
        Array.from({ length: 15 }, (_, i) => ({
          org_id: org.id,
          measure_id: measure.id,
          period_start: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`.replace(/^2025/, i < 12 ? '2025' : '2026'),
          value: 10 + ((i * 7) % 5),
          numerator: null,
          denominator: null,
          note: null,
          entered_by: null
        }))
      )
      .execute()
    await db
      .insertInto('measure_annotation')
      .values({
        org_id: org.id,
        measure_id: measure.id,
        on_date: '2025-06-01',
        kind: 'pdsa',
        label: `PDSA 1 (${label})`,
        created_by: null
      })
      .execute()
    const changeIdea = await db
      .insertInto('qi_change_idea')
      .values({ org_id: org.id, project_id: project.id, driver_id: driver.id, title: `Ask at booking (${label})` })
      .returning('id')
      .executeTakeFirstOrThrow()
    const pdsa = await db
      .insertInto('qi_pdsa')
      .values({
        org_id: org.id,
        project_id: project.id,
        change_idea_id: changeIdea.id,
        previous_id: null,
        title: `Cycle of ${label}`,
        purpose: 'test',
        objective: 'See whether reception can ask two questions at booking',
        questions: JSON.stringify([{ question: 'How long does it take?', prediction: 'Under a minute' }]),
        tasks: JSON.stringify([{ what: 'Ask at booking', who: 'Reception', where: 'Front desk', when: 'One week' }]),
        data_plan: 'A tally of patients asked',
        starts_on: '2025-09-01',
        stage: 'act',
        as_planned: true,
        observations: 'Busy on Mondays',
        results: 'Asked 40 of 52 patients',
        learned: 'Ask on arrival instead',
        decision: 'adopt',
        created_by: null
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('qi_pdsa_measure')
      .values({ org_id: org.id, pdsa_id: pdsa.id, measure_id: measure.id })
      .execute()
    const partnerToken = newToken()
    const referral = await db
      .insertInto('referral')
      .values({
        org_id: org.id,
        patient_id: patientId,
        screening_id: screening.id,
        service_id: service.id,
        team_id: team.id,
        status: 'referred',
        outcome: null,
        match_reasons: JSON.stringify(['Helps with skills']),
        consent_given: true,
        consent_scope: sql<string[]>`'{name,contact}'::text[]`,
        consent_recorded_by: null,
        consent_recorded_at: new Date(),
        referred_at: new Date(),
        follow_up_due_on: new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10),
        partner_token_hash: hashToken(partnerToken),
        partner_token_expires_at: new Date(Date.now() + 30 * 24 * 3600 * 1000),
        created_by: null,
        updated_at: new Date()
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return {
      orgId: org.id,
      patientId,
      teamId: team.id,
      screeningId: screening.id,
      inviteToken,
      projectId: project.id,
      driverId: driver.id,
      milestoneId: milestone.id,
      memberId: member.id,
      changeIdeaId: changeIdea.id,
      pdsaId: pdsa.id,
      measureId: measure.id,
      referralId: referral.id,
      partnerToken
    }
  }

  const A = await forOrg(fixture.orgA, 'A')
  const B = await forOrg(fixture.orgB, 'B')
  const systemId = (
    await db.selectFrom('organisation').select('system_id').where('id', '=', fixture.orgA.id).executeTakeFirstOrThrow()
  ).system_id
  const programme = await db
    .insertInto('qi_programme')
    .values({
      system_id: systemId,
      lead_org_id: fixture.orgA.id,
      name: 'Digital inclusion across the system',
      aim: 'Everyone can use or get round digital health services',
      measure_keys: ['referrals-made'],
      created_by: null
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('qi_programme_project')
    .values({
      org_id: fixture.orgA.id,
      programme_id: programme.id,
      project_id: A.projectId,
      measure_ids: [A.measureId],
      shared_by: null
    })
    .execute()
  return { A, B, serviceId: service.id, lsoaCode: 'E01000001', programmeId: programme.id }
}
