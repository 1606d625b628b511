/**
 * PDSA cycles with the IHI worksheet's fields, and their lifecycle: plan → do → study → act → done. A cycle
 * moves on only when the stage it leaves is filled in (the worksheet's questions), so a cycle that reached
 * "act" always says what was predicted, what happened and what was learned. Cycles testing one change idea
 * chain as a ramp (each names the one it follows). Pure.
 */

export const PDSA_STAGES = ['plan', 'do', 'study', 'act', 'done'] as const
export type PdsaStage = (typeof PDSA_STAGES)[number]
export const PDSA_PURPOSES = ['collect', 'develop', 'test', 'implement'] as const
export type PdsaPurpose = (typeof PDSA_PURPOSES)[number]
export const PDSA_DECISIONS = ['adopt', 'adapt', 'abandon'] as const
export type PdsaDecision = (typeof PDSA_DECISIONS)[number]

export const STAGE_LABELS: Record<PdsaStage, string> = {
  plan: 'Plan',
  do: 'Do',
  study: 'Study',
  act: 'Act',
  done: 'Finished'
}
export const PURPOSE_LABELS: Record<PdsaPurpose, string> = {
  collect: 'Collect information',
  develop: 'Develop a change',
  test: 'Test a change',
  implement: 'Implement a change'
}
export const DECISION_LABELS: Record<PdsaDecision, string> = {
  adopt: 'Adopt: keep the change as it is',
  adapt: 'Adapt: change it and test again',
  abandon: 'Abandon: stop testing this change'
}

export interface PdsaQuestion {
  question: string
  prediction: string
}
export interface PdsaTask {
  what: string
  who: string
  where: string
  when: string
}

export interface PdsaCycle {
  id: string
  previousId: string | null
  changeIdeaId: string
  title: string
  purpose: PdsaPurpose
  objective: string
  questions: PdsaQuestion[]
  tasks: PdsaTask[]
  dataPlan: string | null
  startsOn: string
  endsOn: string | null
  stage: PdsaStage
  asPlanned: boolean | null
  observations: string | null
  problems: string | null
  results: string | null
  learned: string | null
  decision: PdsaDecision | null
  nextSteps: string | null
}

/** A field the cycle needs before it can leave its stage, with the message for the form. */
export interface Missing {
  field: string
  text: string
}

const blank = (s: string | null | undefined) => !s || s.trim() === ''

/** What must be filled in before the cycle can leave `stage` (the worksheet, stage by stage). */
export function missingToLeave(cycle: PdsaCycle): Missing[] {
  const m: Missing[] = []
  switch (cycle.stage) {
    case 'plan':
      if (blank(cycle.objective)) m.push({ field: 'objective', text: 'Enter the objective of this cycle' })
      if (!cycle.questions.some((q) => !blank(q.question) && !blank(q.prediction)))
        m.push({ field: 'questions', text: 'Enter at least one question with a prediction' })
      if (!cycle.tasks.some((t) => !blank(t.what)))
        m.push({ field: 'tasks', text: 'Enter at least one task in the plan: what, who, where and when' })
      if (blank(cycle.dataPlan)) m.push({ field: 'dataPlan', text: 'Enter the data you will collect' })
      break
    case 'do':
      if (cycle.asPlanned === null)
        m.push({ field: 'asPlanned', text: 'Select whether the cycle was carried out as planned' })
      if (blank(cycle.observations)) m.push({ field: 'observations', text: 'Enter what you observed' })
      break
    case 'study':
      if (blank(cycle.results)) m.push({ field: 'results', text: 'Enter the results, compared with your predictions' })
      if (blank(cycle.learned)) m.push({ field: 'learned', text: 'Enter what you learned' })
      break
    case 'act':
      if (cycle.decision === null) m.push({ field: 'decision', text: 'Select adopt, adapt or abandon' })
      if (cycle.decision === 'adapt' && blank(cycle.nextSteps))
        m.push({ field: 'nextSteps', text: 'Enter what you will change for the next cycle' })
      break
    case 'done':
      break
  }
  return m
}

export type StageMove = { ok: true; stage: PdsaStage } | { ok: false; missing: Missing[] }

/** The next stage, or what is missing first. A finished cycle does not move. */
export function advance(cycle: PdsaCycle): StageMove {
  if (cycle.stage === 'done') return { ok: false, missing: [{ field: 'stage', text: 'This cycle is finished' }] }
  const missing = missingToLeave(cycle)
  if (missing.length) return { ok: false, missing }
  const next = PDSA_STAGES[PDSA_STAGES.indexOf(cycle.stage) + 1]
  return next ? { ok: true, stage: next } : { ok: false, missing: [{ field: 'stage', text: 'This cycle is finished' }] }
}

/** Which stages' fields a form may change: the current stage and the ones before it (never ahead). */
export function editableStages(stage: PdsaStage): PdsaStage[] {
  return PDSA_STAGES.slice(0, PDSA_STAGES.indexOf(stage) + 1).filter((s) => s !== 'done')
}

/** The cycles of one change idea as ramps: each chain in order from its first cycle. */
export function ramps(cycles: readonly PdsaCycle[]): PdsaCycle[][] {
  const ids = new Set(cycles.map((c) => c.id))
  const firsts = cycles
    .filter((c) => c.previousId === null || !ids.has(c.previousId))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
  return firsts.map((first) => {
    const chain = [first]
    const seen = new Set([first.id])
    for (let last = first; ;) {
      const previous = last
      const next = cycles
        .filter((c) => c.previousId === previous.id && !seen.has(c.id))
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0]
      if (!next) break
      chain.push(next)
      last = next
      seen.add(next.id)
    }
    return chain
  })
}

/** A cycle can follow another of the same change idea that has reached "act" or finished. */
export function canFollow(previous: PdsaCycle, changeIdeaId: string): { ok: true } | { ok: false; message: string } {
  if (previous.changeIdeaId !== changeIdeaId)
    return { ok: false, message: 'A cycle can only follow a cycle that tests the same change idea' }
  if (previous.stage !== 'act' && previous.stage !== 'done')
    return { ok: false, message: 'Finish studying the previous cycle before planning the next one' }
  if (previous.decision === 'abandon') return { ok: false, message: 'The previous cycle abandoned this change' }
  return { ok: true }
}

/** The chart label of a cycle: "PDSA 2: Text reminders (test)". */
export function annotationLabel(cycle: Pick<PdsaCycle, 'title' | 'purpose'>, number: number): string {
  return `PDSA ${number}: ${cycle.title} (${cycle.purpose === 'collect' ? 'information' : cycle.purpose})`
}
