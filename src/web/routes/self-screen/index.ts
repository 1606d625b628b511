import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface SelfScreenRouteOptions { config: Config }

/** Routes for self-screen (not built yet). */
export async function selfScreenRoutes(_app: FastifyInstance, _opts: SelfScreenRouteOptions): Promise<void> {}
