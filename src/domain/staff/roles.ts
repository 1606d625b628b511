/**
 * Staff roles and what each may do. One table, checked on every route (web/plugins/auth.ts).
 */
export const roles = ['admin', 'qi_lead', 'clinician', 'receptionist', 'analyst', 'champion', 'board'] as const
export type Role = (typeof roles)[number]

export const permissions = [
  'patient:read', // see identifiable patient records
  'patient:write', // add and change patient records
  'audit:read', // see and export the audit trail
  'staff:manage', // add staff accounts
  'reports:read' // see aggregate (non-identifiable) reports
] as const
export type Permission = (typeof permissions)[number]

export const rolePermissions = {
  admin: ['patient:read', 'patient:write', 'audit:read', 'staff:manage', 'reports:read'],
  qi_lead: ['patient:read', 'reports:read'],
  clinician: ['patient:read', 'patient:write', 'reports:read'],
  receptionist: ['patient:read', 'patient:write'],
  analyst: ['reports:read'],
  champion: ['reports:read'],
  board: ['reports:read']
} as const satisfies Record<Role, readonly Permission[]>

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

export function can(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission)
}
