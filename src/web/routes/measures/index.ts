import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface MeasuresRouteOptions { config: Config }

/** Routes for measures (not built yet). */
export async function measuresRoutes(_app: FastifyInstance, _opts: MeasuresRouteOptions): Promise<void> {}
