/** Service navigation for a role: only the areas that role may use. Entries come from `web/areas.ts`. */
import { can, type Permission, type Role } from '../domain/staff/roles.js'
import { translate } from './i18n.js'

export interface NavEntry {
  href: string
  /** Locale key of the link text (web/locales/en.json `nav.*`). */
  key: string
  /** null: every signed-in user. */
  permission: Permission | null
  /** Position in the header (lower first). */
  order: number
}

export interface HeaderNavigationItem {
  href: string
  text: string
  current?: boolean
  active?: boolean
}

export function navigationFor(
  entries: readonly NavEntry[],
  role: Role | null,
  currentUrl: string
): HeaderNavigationItem[] {
  if (!role) return []
  const path = currentUrl.split('?')[0] ?? ''
  return entries
    .filter((item) => item.permission === null || can(role, item.permission))
    .map((item) => ({
      href: item.href,
      text: translate('en', item.key),
      current: path === item.href,
      active: path !== item.href && path.startsWith(`${item.href}/`)
    }))
}
