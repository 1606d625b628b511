/**
 * The driver diagram as a tree: the aim, primary drivers (what must be true to reach it), secondary drivers
 * under a primary (how), and change ideas (what we will test) under either kind of driver. Two levels of
 * driver at most, as the IHI template draws them. Pure: rows come in, the tree and its rules come out.
 */

export interface DriverRow {
  id: string
  parentId: string | null
  title: string
  position: number
}
export interface ChangeIdeaRow {
  id: string
  driverId: string
  title: string
  position: number
}

export interface ChangeIdeaNode extends ChangeIdeaRow {
  /** "1.2.3": primary 1, secondary 2, idea 3 (or "1.3" under a primary). */
  number: string
}
export interface SecondaryNode extends DriverRow {
  number: string
  changeIdeas: ChangeIdeaNode[]
}
export interface PrimaryNode extends DriverRow {
  number: string
  secondaries: SecondaryNode[]
  changeIdeas: ChangeIdeaNode[]
}

const byPosition = <T extends { position: number; title: string }>(a: T, b: T) =>
  a.position - b.position || a.title.localeCompare(b.title)

/** The tree, numbered; rows whose parent is missing or too deep are left out (see `driverProblems`). */
export function driverTree(drivers: readonly DriverRow[], ideas: readonly ChangeIdeaRow[]): PrimaryNode[] {
  const ideasOf = (driverId: string, prefix: string): ChangeIdeaNode[] =>
    ideas
      .filter((i) => i.driverId === driverId)
      .sort(byPosition)
      .map((i, n) => ({ ...i, number: `${prefix}.${n + 1}` }))
  return drivers
    .filter((d) => d.parentId === null)
    .sort(byPosition)
    .map((p, i) => {
      const number = String(i + 1)
      const secondaries = drivers
        .filter((d) => d.parentId === p.id)
        .sort(byPosition)
        .map((s, j) => {
          const sNumber = `${number}.${j + 1}`
          return { ...s, number: sNumber, changeIdeas: ideasOf(s.id, sNumber) }
        })
      // ideas directly under a primary come after its secondaries in the numbering
      const direct = ideasOf(p.id, number).map((idea, k) => ({
        ...idea,
        number: `${number}.${secondaries.length + k + 1}`
      }))
      return { ...p, number, secondaries, changeIdeas: direct }
    })
}

export type ParentCheck = { ok: true } | { ok: false; message: string }

/** Whether a driver may go under `parentId` (null: a primary driver). */
export function canBeParent(drivers: readonly DriverRow[], parentId: string | null): ParentCheck {
  if (parentId === null) return { ok: true }
  const parent = drivers.find((d) => d.id === parentId)
  if (!parent) return { ok: false, message: 'Select a primary driver from the list' }
  if (parent.parentId !== null)
    return { ok: false, message: 'A secondary driver goes under a primary driver, not under another secondary driver' }
  return { ok: true }
}

/** What removing a driver would take with it: the choice the person must make first. */
export interface DriverRemoval {
  secondaries: number
  changeIdeas: number
  /** True when nothing hangs off it, so it can go without asking. */
  empty: boolean
}

export function driverRemoval(
  drivers: readonly DriverRow[],
  ideas: readonly ChangeIdeaRow[],
  id: string
): DriverRemoval {
  const secondaryIds = drivers.filter((d) => d.parentId === id).map((d) => d.id)
  const changeIdeas = ideas.filter((i) => i.driverId === id || secondaryIds.includes(i.driverId)).length
  return { secondaries: secondaryIds.length, changeIdeas, empty: secondaryIds.length === 0 && changeIdeas === 0 }
}

/**
 * Where things go when a driver is removed and the person chose to move them: secondaries to the other
 * primary, change ideas to the chosen driver. Refused when the target is the driver itself or one of its own.
 */
export function moveTargetCheck(drivers: readonly DriverRow[], removing: string, target: string): ParentCheck {
  if (target === removing) return { ok: false, message: 'Choose a different driver to move them to' }
  const t = drivers.find((d) => d.id === target)
  if (!t) return { ok: false, message: 'Choose a driver from the list' }
  if (t.parentId === removing)
    return { ok: false, message: 'Choose a driver that is not under the one you are removing' }
  const removed = drivers.find((d) => d.id === removing)
  if (removed?.parentId === null && drivers.some((d) => d.parentId === removing) && t.parentId !== null)
    return { ok: false, message: 'Secondary drivers must move to another primary driver' }
  return { ok: true }
}
