import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface DirectoryRouteOptions { config: Config }

/** Routes for directory (not built yet). */
export async function directoryRoutes(_app: FastifyInstance, _opts: DirectoryRouteOptions): Promise<void> {}
