import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface AreaRouteOptions { config: Config }

/** Routes for area (not built yet). */
export async function areaRoutes(_app: FastifyInstance, _opts: AreaRouteOptions): Promise<void> {}
