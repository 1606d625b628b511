/** The home page: a card for each area the signed-in role may use (cards come from `web/areas.ts`). */
import type { FastifyInstance } from 'fastify'
import { findSystemName } from '../../../db/repositories/organisations.js'
import { currentUser } from '../../plugins/auth.js'
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
    return reply.render('home/index.njk', {
      cards: homeCardsFor(opts.cards, user.role),
      systemName: systemName ?? null
    })
  })
}
