/**
 * The demonstration data's staff accounts. The password is public on purpose: it opens only
 * synthetic organisations, and `reach seed --demo` refuses to run in production.
 */
import type { Role } from '../../domain/staff/roles.js'

export const demoPassword = 'demo-password-reach'

export const demoStaff: { role: Role; name: string; local: string }[] = [
  { role: 'admin', name: 'Ada Admin', local: 'admin' },
  { role: 'qi_lead', name: 'Quinn Lead', local: 'qi.lead' },
  { role: 'clinician', name: 'Chidi Clinician', local: 'clinician' },
  { role: 'receptionist', name: 'Rosa Reception', local: 'reception' },
  { role: 'analyst', name: 'Anan Analyst', local: 'analyst' },
  { role: 'champion', name: 'Chantelle Champion', local: 'champion' },
  { role: 'board', name: 'Bea Board', local: 'board' }
]
