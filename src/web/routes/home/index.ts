/** The home page: a card for each area the signed-in role may use (cards come from `web/areas.ts`). */
import type { FastifyInstance } from 'fastify'
import { findSystemName } from '../../../db/repositories/organisations.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import { can } from '../../../domain/staff/roles.js'
import { countWorkToDo } from '../../../app/worklists/work-to-do.js'
import { workSummaryRows } from '../worklists/view-models.js'
import { homeCardsFor, type HomeCardEntry } from './view-models.js'

export interface HomeRouteOptions {
  cards: readonly HomeCardEntry[]
}

export async function homeRoutes(app: FastifyInstance, opts: HomeRouteOptions): Promise<void> {
  app.get('/home', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = currentUser(request)
    const systemName = request.organisation
      ? await findSystemName(app.database.db, request.organisation.system_id)
      : undefined
    // Work to do (counts only, no patient shown) for roles that work with patients.
    const work = can(user.role, 'patient:read')
      ? workSummaryRows(await request.withOrg((trx) => countWorkToDo(trx, requestActor(request), new Date())))
      : null
    return reply.render('home/index.njk', {
      work,
      cards: homeCardsFor(opts.cards, user.role),
      systemName: systemName ?? null
    })
  })
}
