/**
 * Route schemas shared by every area (zod, through fastify-type-provider-zod). A params schema that
 * fails gives the NHS 404 page (a malformed id is the same as a missing one); a querystring that
 * fails gives a 400 page. Form bodies are parsed in the handler with `parseForm`, so that a mistake
 * re-renders the form with an error summary instead of a 400.
 */
import { z } from 'zod'
import { UUID_PATTERN } from '../domain/shared/uuid.js'

/** A UUID path segment (any version; PostgreSQL's gen_random_uuid gives v4). */
export const uuid = z.string().regex(UUID_PATTERN)

/** `/things/:id` */
export const idParams = z.object({ id: uuid })

/** An optional string query value; anything else (an array from `?a=1&a=2`) keeps the first. */
export const queryText = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(500).optional())
