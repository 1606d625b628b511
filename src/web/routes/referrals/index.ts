import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface ReferralsRouteOptions { config: Config }

/** Routes for referrals (not built yet). */
export async function referralsRoutes(_app: FastifyInstance, _opts: ReferralsRouteOptions): Promise<void> {}
