// The QI workspace's rules, with worked examples: the aim helper, the driver tree, the PDSA lifecycle and
// ramps, the progress suggestion, the rebase suggestion and the Digital inclusion template.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkAim } from '../../../../src/domain/qi/workspace/aim.js'
import {
  canBeParent,
  driverRemoval,
  driverTree,
  moveTargetCheck
} from '../../../../src/domain/qi/workspace/driver-tree.js'
import {
  advance,
  annotationLabel,
  canFollow,
  editableStages,
  ramps,
  type PdsaCycle
} from '../../../../src/domain/qi/workspace/pdsa.js'
import { suggestProgress, type ProgressEvidence } from '../../../../src/domain/qi/workspace/progress.js'
import { suggestRebase } from '../../../../src/domain/qi/workspace/rebase.js'
import {
  addMonths,
  digitalInclusionTemplate,
  templateChangeIdeas
} from '../../../../src/domain/qi/workspace/template.js'
import { derivedMeasures } from '../../../../src/domain/qi/measures/derived-measures.js'
import { computeSpc } from '../../../../src/domain/qi/spc/index.js'

describe('aim statement helper', () => {
  it('a SMART aim reads as one sentence', () => {
    const r = checkAim(
      {
        what: 'Increase the share of new patients screened at initial assessment',
        who: 'adults seen by community therapy',
        howMuch: 'from 10% to 80%',
        byWhen: '2027-03-31'
      },
      '2026-12-03'
    )
    assert.deepEqual(r.problems, [])
    assert.equal(r.smart, true)
    assert.equal(
      r.sentence,
      'Increase the share of new patients screened at initial assessment, for adults seen by community therapy, from 10% to 80%, by 31 March 2027.'
    )
  })
  it('flags an aim that is not specific or not time-bound, or whose date has passed', () => {
    assert.deepEqual(
      checkAim({ what: 'Improve screening', who: '', howMuch: 'a lot', byWhen: null }, '2026-12-03').problems,
      ['no-who', 'not-specific', 'not-time-bound']
    )
    assert.deepEqual(
      checkAim({ what: 'x', who: 'y', howMuch: 'to 50%', byWhen: '2026-01-01' }, '2026-12-03').problems,
      ['date-passed']
    )
  })
})

describe('driver tree', () => {
  const drivers = [
    { id: 'p2', parentId: null, title: 'Skills', position: 2 },
    { id: 'p1', parentId: null, title: 'Access', position: 1 },
    { id: 's1', parentId: 'p1', title: 'Find them', position: 1 },
    { id: 's2', parentId: 'p1', title: 'Refer them', position: 2 }
  ]
  const ideas = [
    { id: 'c1', driverId: 's1', title: 'Screen at initial assessment', position: 1 },
    { id: 'c2', driverId: 's2', title: 'Refer to device schemes', position: 1 },
    { id: 'c3', driverId: 'p2', title: 'Training at induction', position: 1 }
  ]
  it('orders and numbers aim → primary → secondary → change idea', () => {
    const tree = driverTree(drivers, ideas)
    assert.deepEqual(
      tree.map((p) => [p.number, p.title, p.secondaries.map((s) => [s.number, s.changeIdeas.map((c) => c.number)])]),
      [
        [
          '1',
          'Access',
          [
            ['1.1', ['1.1.1']],
            ['1.2', ['1.2.1']]
          ]
        ],
        ['2', 'Skills', []]
      ]
    )
    assert.equal(tree[1]!.changeIdeas[0]!.number, '2.1')
  })
  it('two levels of driver at most; removing a driver with things under it needs a choice', () => {
    assert.equal(canBeParent(drivers, null).ok, true)
    assert.equal(canBeParent(drivers, 'p1').ok, true)
    assert.equal(canBeParent(drivers, 's1').ok, false)
    assert.equal(canBeParent(drivers, 'nope').ok, false)
    assert.deepEqual(driverRemoval(drivers, ideas, 'p1'), { secondaries: 2, changeIdeas: 2, empty: false })
    assert.deepEqual(driverRemoval(drivers, ideas, 's2'), { secondaries: 0, changeIdeas: 1, empty: false })
    assert.equal(moveTargetCheck(drivers, 'p1', 'p2').ok, true)
    assert.equal(moveTargetCheck(drivers, 'p1', 's1').ok, false)
    assert.equal(moveTargetCheck(drivers, 'p1', 'p1').ok, false)
    assert.equal(moveTargetCheck(drivers, 's2', 's1').ok, true)
  })
})

const cycle = (over: Partial<PdsaCycle> = {}): PdsaCycle => ({
  id: 'a',
  previousId: null,
  changeIdeaId: 'c1',
  title: 'Ask the two questions at triage',
  purpose: 'test',
  objective: 'See if receptionists can ask two screening questions at booking',
  questions: [{ question: 'How long does it take?', prediction: 'Under a minute' }],
  tasks: [{ what: 'Ask at booking', who: 'Reception', where: 'Front desk', when: 'Week of 5 January' }],
  dataPlan: 'Tally of patients asked and minutes taken',
  startsOn: '2027-01-05',
  endsOn: null,
  stage: 'plan',
  asPlanned: null,
  observations: null,
  problems: null,
  results: null,
  learned: null,
  decision: null,
  nextSteps: null,
  ...over
})

describe('PDSA lifecycle', () => {
  it('moves plan → do → study → act → done only when the stage it leaves is filled in', () => {
    assert.deepEqual(advance(cycle()), { ok: true, stage: 'do' })
    const empty = advance(cycle({ questions: [{ question: 'Q', prediction: '' }], tasks: [] }))
    assert.equal(empty.ok, false)
    assert.deepEqual(!empty.ok && empty.missing.map((m) => m.field), ['questions', 'tasks'])
    assert.deepEqual(
      (advance(cycle({ stage: 'do' })) as { missing: { field: string }[] }).missing.map((m) => m.field),
      ['asPlanned', 'observations']
    )
    assert.deepEqual(advance(cycle({ stage: 'do', asPlanned: false, observations: 'Busy Mondays' })), {
      ok: true,
      stage: 'study'
    })
    assert.equal(advance(cycle({ stage: 'study', results: 'Took 40 s' })).ok, false)
    assert.deepEqual(advance(cycle({ stage: 'study', results: 'Took 40 s', learned: 'Works' })), {
      ok: true,
      stage: 'act'
    })
    const adapt = advance(cycle({ stage: 'act', decision: 'adapt' }))
    assert.deepEqual(!adapt.ok && adapt.missing.map((m) => m.field), ['nextSteps'])
    assert.deepEqual(advance(cycle({ stage: 'act', decision: 'adopt' })), { ok: true, stage: 'done' })
    assert.equal(advance(cycle({ stage: 'done', decision: 'adopt' })).ok, false)
    assert.deepEqual(editableStages('study'), ['plan', 'do', 'study'])
  })
  it('chains cycles of one change idea as ramps; a cycle follows one that was studied and not abandoned', () => {
    const a = cycle({ id: 'a', stage: 'done', decision: 'adapt', startsOn: '2027-01-05' })
    const b = cycle({ id: 'b', previousId: 'a', startsOn: '2027-02-01' })
    const x = cycle({ id: 'x', startsOn: '2027-01-20' })
    assert.deepEqual(
      ramps([b, x, a]).map((r) => r.map((c) => c.id)),
      [['a', 'b'], ['x']]
    )
    assert.equal(canFollow(a, 'c1').ok, true)
    assert.equal(canFollow(a, 'c2').ok, false)
    assert.equal(canFollow(cycle({ stage: 'do' }), 'c1').ok, false)
    assert.equal(canFollow(cycle({ stage: 'done', decision: 'abandon' }), 'c1').ok, false)
    assert.equal(annotationLabel(a, 1), 'PDSA 1: Ask the two questions at triage (test)')
  })
})

describe('progress score suggestion', () => {
  const none: ProgressEvidence = {
    hasTeam: false,
    hasSmartAim: false,
    hasMeasureData: false,
    cyclesStarted: 0,
    cyclesStudied: 0,
    processImproving: 0,
    outcomeImproving: 0,
    outcomeTargetsMet: 0,
    outcomeMeasures: 1,
    sustained: false
  }
  it('climbs the IHI scale with the evidence', () => {
    const steps: [Partial<ProgressEvidence>, number][] = [
      [{}, 0.5],
      [{ hasTeam: true }, 1.0],
      [{ hasTeam: true, hasSmartAim: true, hasMeasureData: true }, 1.5],
      [{ cyclesStarted: 1 }, 2.0],
      [{ cyclesStarted: 2, cyclesStudied: 1 }, 2.5],
      [{ cyclesStudied: 1, processImproving: 1 }, 3.0],
      [{ outcomeImproving: 1 }, 3.5],
      [{ outcomeImproving: 1, outcomeTargetsMet: 1, outcomeMeasures: 2 }, 4.0],
      [{ outcomeImproving: 1, sustained: true, outcomeMeasures: 2 }, 4.5],
      [{ outcomeImproving: 1, sustained: true, outcomeTargetsMet: 1, outcomeMeasures: 1 }, 5.0]
    ]
    for (const [evidence, score] of steps) assert.equal(suggestProgress({ ...none, ...evidence }).score, score)
    assert.match(suggestProgress({ ...none, cyclesStarted: 1 }).because, /planned or running/)
  })
})

describe('rebase suggestion', () => {
  const months = (n: number) =>
    Array.from({ length: n }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`)
  it('suggests new limits from the start of a sustained shift that reaches the latest point', () => {
    const values = [10, 12, 11, 9, 10, 11, 12, 10, 9, 11, 10, 12, 20, 21, 19, 22, 20, 21, 23, 22]
    const result = computeSpc(months(values.length).map((date, i) => ({ date, value: values[i]! })))
    const s = suggestRebase(result)
    assert.ok(s)
    assert.equal(s.side, 'above')
    assert.equal(s.improvement, true)
    assert.equal(s.date, '2026-01-01')
    assert.equal(s.points, 8)
  })
  it('nothing to suggest without a run at the end', () => {
    const values = [10, 12, 11, 9, 10, 11, 12, 10, 9, 11, 10, 12, 11, 10]
    assert.equal(suggestRebase(computeSpc(months(values.length).map((date, i) => ({ date, value: values[i]! })))), null)
  })
})

describe('Digital inclusion template', () => {
  it("the four barriers plus accessibility and language as primary drivers, the seed's eleven change ideas, four phases", () => {
    assert.deepEqual(
      digitalInclusionTemplate.drivers.map((d) => d.title.split(':')[0]),
      ['Access', 'Skills', 'Motivation', 'Trust', 'Accessibility', 'Language']
    )
    assert.equal(templateChangeIdeas().length, 11)
    assert.equal(digitalInclusionTemplate.milestones.length, 4)
    const keys = new Set(derivedMeasures.map((m) => m.key))
    for (const d of digitalInclusionTemplate.drivers)
      for (const k of [...d.measures, ...d.secondaries.flatMap((s) => s.measures)]) assert.ok(keys.has(k), k)
  })
  it('adds months to a date, clamped to the month end', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonths('2026-11-15', 2), '2027-01-15')
  })
})
