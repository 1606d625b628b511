import type { FastifyInstance } from 'fastify'
import { can } from '../../../domain/staff/roles.js'

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/home', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user!
    const cards = [
      can(user.role, 'patient:read') && {
        href: '/patients',
        heading: 'Find a patient',
        description: 'Search by NHS number, or by name and date of birth.'
      },
      can(user.role, 'patient:write') && {
        href: '/patients/new',
        heading: 'Add a patient',
        description: 'Create a minimal patient record.'
      },
      can(user.role, 'reports:read') && {
        href: '/measures',
        heading: 'Measures',
        description: 'Making Data Count charts of your improvement measures, with the summary table for board reports.'
      },
      can(user.role, 'reports:read') && {
        href: '/area',
        heading: 'Area and equity',
        description:
          'Digital exclusion risk by neighbourhood on a map, and how screening and referrals differ between groups of patients.'
      },
      {
        href: '/directory',
        heading: 'Support directory',
        description:
          'Digital support services to refer patients to: devices, data and skills help. Overdue referral follow-ups are under Referrals.'
      },
      can(user.role, 'audit:read') && {
        href: '/audit',
        heading: 'Audit trail',
        description: 'See and download who viewed or changed patient data.'
      },
      can(user.role, 'staff:manage') && {
        href: '/admin/staff',
        heading: 'Staff accounts',
        description: 'Add staff and see their roles.'
      }
    ].filter(Boolean)
    const system = request.organisation
      ? await app.database.db
          .selectFrom('system')
          .select('name')
          .where('id', '=', request.organisation.system_id)
          .executeTakeFirst()
      : undefined
    return reply.render('home/index.njk', { cards, systemName: system?.name ?? null })
  })
}
