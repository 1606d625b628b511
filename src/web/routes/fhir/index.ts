import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.js'

export interface FhirRouteOptions { config: Config }

/** Routes for fhir (not built yet). */
export async function fhirRoutes(_app: FastifyInstance, _opts: FhirRouteOptions): Promise<void> {}
