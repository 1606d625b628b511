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
  'reports:read', // see aggregate (non-identifiable) reports
  'screening:write', // record digital inclusion screenings, send self-completion links, key in paper forms
  'referral:write', // refer patients to support services and record outcomes
  'directory:manage', // add, edit and retire support services
  'measures:write', // define QI measures, enter values, annotate charts
  'area:manage', // import official area data and set risk-index weights
  'records:govern' // subject access requests and erasure of a patient's records (information governance)
] as const
export type Permission = (typeof permissions)[number]

export const rolePermissions = {
  admin: [
    'patient:read',
    'patient:write',
    'audit:read',
    'staff:manage',
    'reports:read',
    'screening:write',
    'referral:write',
    'directory:manage',
    'measures:write',
    'area:manage',
    'records:govern'
  ],
  qi_lead: ['patient:read', 'reports:read', 'directory:manage', 'measures:write'],
  clinician: ['patient:read', 'patient:write', 'reports:read', 'screening:write', 'referral:write'],
  receptionist: ['patient:read', 'patient:write', 'screening:write'],
  analyst: ['reports:read', 'measures:write', 'area:manage'],
  champion: ['reports:read', 'directory:manage'],
  board: ['reports:read']
} as const satisfies Record<Role, readonly Permission[]>

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

export function can(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission)
}
