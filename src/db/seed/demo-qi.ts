/**
 * The demo project's QI workspace: the Digital inclusion template's driver diagram (the barriers as primary
 * drivers, the seed's eleven change ideas), its four phases as milestones, a ramp of PDSA cycles on the
 * booking script that shows on the charts of the measures it moved, a cycle testing digital champions, and
 * progress scores over the two years. Dates follow the demo's series (`pdsaAt` months into 24), so the
 * cycles sit where the manual measures shift. Draws nothing from the random sequence.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../schema.js'
import { addMonths, digitalInclusionTemplate } from '../../domain/qi/workspace/template.js'

interface DemoWorkspace {
  orgId: string
  projectId: string
  /** The project's measures by derived key or, for manual ones, by name. */
  measures: ReadonlyMap<string, string>
  /** The first day of the series' first month. */
  start: string
  /** Months into the series at which the booking-script change took effect. */
  pdsaAt: number
  today: string
}

export async function seedDemoWorkspace(trx: Transaction<Database>, w: DemoWorkspace): Promise<void> {
  const t = digitalInclusionTemplate
  const at = (months: number) => addMonths(w.start, months)
  await trx
    .updateTable('qi_project')
    .set({
      status: 'active',
      start_on: w.start,
      aim_what: 'Increase the share of new patients screened for digital exclusion at their first assessment',
      aim_who: 'new patients of our services',
      aim_how_much: 'to 90%, with a communication plan for everyone with a high barrier',
      aim_by_when: addMonths(w.today.slice(0, 8) + '01', 4),
      template: t.key
    })
    .where('org_id', '=', w.orgId)
    .where('id', '=', w.projectId)
    .execute()
  const ideas = new Map<string, string>()
  for (const [i, d] of t.drivers.entries()) {
    const primary = await trx
      .insertInto('qi_driver')
      .values({ org_id: w.orgId, project_id: w.projectId, parent_id: null, title: d.title, position: i })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [j, s] of d.secondaries.entries()) {
      const secondary = await trx
        .insertInto('qi_driver')
        .values({ org_id: w.orgId, project_id: w.projectId, parent_id: primary.id, title: s.title, position: j })
        .returning('id')
        .executeTakeFirstOrThrow()
      const linked = [...s.measures, ...(j === 0 ? d.measures : [])].flatMap((k) => {
        const id = w.measures.get(k)
        return id ? [id] : []
      })
      if (linked.length)
        await trx
          .insertInto('qi_driver_measure')
          .values(linked.map((measure_id) => ({ org_id: w.orgId, driver_id: secondary.id, measure_id })))
          .execute()
      for (const [k, title] of s.changeIdeas.entries()) {
        const idea = await trx
          .insertInto('qi_change_idea')
          .values({ org_id: w.orgId, project_id: w.projectId, driver_id: secondary.id, title, position: k })
          .returning('id')
          .executeTakeFirstOrThrow()
        ideas.set(title, idea.id)
      }
    }
  }
  const bookingIdea = ideas.get('Digital literacy questions in the case history and initial assessment')
  const championIdea = ideas.get('Digital exclusion champions')
  const clinics = w.measures.get('Clinics asking the digital inclusion question')
  const supported = w.measures.get('Patients who felt supported to use digital services')
  const screened = w.measures.get('screened-at-initial-assessment')
  if (!bookingIdea || !championIdea || !clinics || !supported) throw new Error('demo workspace: template changed')

  const cycle = async (values: {
    changeIdeaId: string
    previousId: string | null
    title: string
    purpose: 'collect' | 'develop' | 'test' | 'implement'
    startsOn: string
    endsOn: string | null
    stage: 'plan' | 'do' | 'study' | 'act' | 'done'
    decision: 'adopt' | 'adapt' | 'abandon' | null
    objective: string
    prediction: string
    observations: string | null
    results: string | null
    learned: string | null
    nextSteps: string | null
    measures: (string | undefined)[]
  }) => {
    const row = await trx
      .insertInto('qi_pdsa')
      .values({
        org_id: w.orgId,
        project_id: w.projectId,
        change_idea_id: values.changeIdeaId,
        previous_id: values.previousId,
        title: values.title,
        purpose: values.purpose,
        objective: values.objective,
        questions: JSON.stringify([
          { question: 'Will the booking team ask the question at every first booking?', prediction: values.prediction }
        ]),
        tasks: JSON.stringify([
          {
            what: 'Ask the two screening questions when booking',
            who: 'Booking team',
            where: 'Outpatients',
            when: values.startsOn
          }
        ]),
        data_plan: 'Audit ten clinic sessions a week: was the question asked?',
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        stage: values.stage,
        as_planned: values.observations === null ? null : true,
        observations: values.observations,
        results: values.results,
        learned: values.learned,
        decision: values.decision,
        next_steps: values.nextSteps
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const measureIds = values.measures.filter((m): m is string => Boolean(m))
    if (measureIds.length)
      await trx
        .insertInto('qi_pdsa_measure')
        .values(measureIds.map((measure_id) => ({ org_id: w.orgId, pdsa_id: row.id, measure_id })))
        .execute()
    return row.id
  }
  const first = await cycle({
    changeIdeaId: bookingIdea,
    previousId: null,
    title: 'Booking script in one clinic',
    purpose: 'test',
    startsOn: at(w.pdsaAt - 2),
    endsOn: at(w.pdsaAt - 1),
    stage: 'done',
    decision: 'adapt',
    objective: 'Test two digital inclusion questions in the booking script of the Tuesday physiotherapy clinic',
    prediction: 'Asked at 8 in 10 bookings, adding under a minute',
    observations:
      'Asked at 6 in 10: the question was at the end of the script and got skipped when the phones were busy',
    results: 'Asked at 6 in 10 bookings (predicted 8); 40 seconds each',
    learned: 'Ask the question earlier in the call, with the date of birth check',
    nextSteps: 'Move the question next to the date of birth check and try it in every clinic',
    measures: [clinics]
  })
  await cycle({
    changeIdeaId: bookingIdea,
    previousId: first,
    title: 'Booking script in every clinic',
    purpose: 'test',
    startsOn: at(w.pdsaAt),
    endsOn: at(w.pdsaAt + 2),
    stage: 'done',
    decision: 'adopt',
    objective: 'Ask the question with the date of birth check in every outpatient clinic',
    prediction: 'Asked at 9 in 10 bookings',
    observations: 'Carried out as planned; two agency staff needed the script on a card',
    results: 'Asked at 88 in 100 audited sessions; the chart shows a shift',
    learned: 'Works when it sits with the identity checks; cards for temporary staff',
    nextSteps: null,
    measures: [clinics, supported, screened]
  })
  await cycle({
    changeIdeaId: championIdea,
    previousId: null,
    title: 'A digital champion in two clinics',
    purpose: 'develop',
    startsOn: at(w.pdsaAt + 3),
    endsOn: null,
    stage: 'study',
    decision: null,
    objective: 'See whether a trained champion in clinic helps patients set up the NHS App',
    prediction: 'Half the patients offered help accept it',
    observations: 'Champions helped 31 patients in six weeks; most wanted help with logging in',
    results: null,
    learned: null,
    nextSteps: null,
    measures: [supported]
  })
  for (const [i, m] of t.milestones.entries())
    await trx
      .insertInto('qi_milestone')
      .values({
        org_id: w.orgId,
        project_id: w.projectId,
        title: m.title,
        due_on: at(Math.round((m.monthsFromStart * 24) / 12)),
        done_on: i < 2 ? at(Math.round((m.monthsFromStart * 24) / 12)) : null
      })
      .execute()
  const scores: [number, number, string][] = [
    [1, 1.5, 'Aim agreed and baseline data collected'],
    [w.pdsaAt - 2, 2.0, 'First PDSA cycle under way'],
    [w.pdsaAt + 3, 3.0, 'The booking script shows special cause improvement on the process measure'],
    [22, 3.5, 'Patients who felt supported has shifted above the mean']
  ]
  for (const [month, score, reason] of scores)
    await trx
      .insertInto('qi_progress')
      .values({ org_id: w.orgId, project_id: w.projectId, score, reason, set_on: at(month) })
      .execute()
}
