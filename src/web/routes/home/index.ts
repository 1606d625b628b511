import type { FastifyInstance } from 'fastify'
import { can } from '../../../domain/staff/roles.js'

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/home', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user!
    const cards = [
      can(user.role, 'patient:read') && { href: '/patients', heading: 'Find a patient', description: 'Search by NHS number, or by name and date of birth.' },
      can(user.role, 'patient:write') && { href: '/patients/new', heading: 'Add a patient', description: 'Create a minimal patient record.' },
      can(user.role, 'audit:read') && { href: '/audit', heading: 'Audit trail', description: 'See and download who viewed or changed patient data.' },
      can(user.role, 'staff:manage') && { href: '/admin/staff', heading: 'Staff accounts', description: 'Add staff and see their roles.' }
    ].filter(Boolean)
    const system = request.organisation
      ? await app.database.db.selectFrom('system').select('name').where('id', '=', request.organisation.system_id).executeTakeFirst()
      : undefined
    return reply.render('home/index.njk', { cards, systemName: system?.name ?? null })
  })
}
