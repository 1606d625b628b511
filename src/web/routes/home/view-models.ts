import { can, type Permission, type Role } from '../../../domain/staff/roles.js'

export interface HomeCardEntry {
  href: string
  heading: string
  description: string
  permission: Permission | null
}

/** The nhsuk `card` params for the cards a role may use. */
export function homeCardsFor(cards: readonly HomeCardEntry[], role: Role) {
  return cards
    .filter((c) => c.permission === null || can(role, c.permission))
    .map((c) => ({ href: c.href, heading: c.heading, description: c.description }))
}
