/** Service navigation for a role: only the areas that role may use. */
import { can, type Permission, type Role } from '../domain/staff/roles.js'
import { translate } from './i18n.js'

interface NavItem {
  href: string
  key: string
  permission: Permission | null
}

const items: NavItem[] = [
  { href: '/home', key: 'nav.home', permission: null },
  { href: '/patients', key: 'nav.patients', permission: 'patient:read' },
  { href: '/directory', key: 'nav.directory', permission: null },
  { href: '/referrals', key: 'nav.referrals', permission: 'referral:write' },
  { href: '/audit', key: 'nav.audit', permission: 'audit:read' },
  { href: '/measures', key: 'nav.measures', permission: 'reports:read' },
  { href: '/area', key: 'nav.area', permission: 'reports:read' },
  { href: '/admin/staff', key: 'nav.staff', permission: 'staff:manage' }
]

export interface HeaderNavigationItem {
  href: string
  text: string
  current?: boolean
  active?: boolean
}

export function navigationFor(role: Role | null, currentUrl: string): HeaderNavigationItem[] {
  if (!role) return []
  const path = currentUrl.split('?')[0] ?? ''
  return items
    .filter((item) => item.permission === null || can(role, item.permission))
    .map((item) => ({
      href: item.href,
      text: translate('en', item.key),
      current: path === item.href,
      active: path !== item.href && path.startsWith(`${item.href}/`)
    }))
}
