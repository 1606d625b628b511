/** The database for routes: `app.database`, and `request.withOrg(work)` for org-scoped transactions. */
import fp from 'fastify-plugin'
import type { Transaction } from 'kysely'
import { withOrg, type ReachDatabase } from '../../db/connect.js'
import type { Database } from '../../db/schema.js'

declare module 'fastify' {
  interface FastifyInstance {
    database: ReachDatabase
  }
  interface FastifyRequest {
    /** Runs `work` in one transaction scoped to the signed-in user's organisation. */
    withOrg: <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>
  }
}

export const databasePlugin = fp(
  async (app, opts: { database: ReachDatabase }) => {
    app.decorate('database', opts.database)
    app.decorateRequest('withOrg', function <
      T
    >(this: import('fastify').FastifyRequest, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      const orgId = this.user?.orgId
      if (!orgId) throw new Error('withOrg needs a signed-in user')
      return withOrg(opts.database, orgId, work)
    })
  },
  { name: 'database' }
)
