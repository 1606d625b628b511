import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface ScreeningRouteOptions { config: Config }

/** Routes for screening (not built yet). */
export async function screeningRoutes(_app: FastifyInstance, _opts: ScreeningRouteOptions): Promise<void> {}
