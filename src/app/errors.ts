/**
 * Typed failures of use cases. Entry points map them: the web's error handler turns `NotFoundError`
 * into the NHS 404 page, `ForbiddenError` into the 403 page and `ConflictError` into a 409 page; the CLI
 * prints the message and exits 2; FHIR routes answer with an OperationOutcome.
 */

/** The thing asked for does not exist for this organisation (or the id is malformed): never say which. */
export class NotFoundError extends Error {
  readonly statusCode = 404
  constructor(readonly entity: string) {
    super(`${entity} not found`)
    this.name = 'NotFoundError'
  }
}

/**
 * The actor may see the thing but not do this to it: a rule of the use case finer than the route's
 * permission (a project member who may add observations to a PDSA cycle but not plan one). Nothing was written.
 */
export class ForbiddenError extends Error {
  readonly statusCode = 403
  constructor(
    readonly entity: string,
    message = `not allowed to change ${entity}`
  ) {
    super(message)
    this.name = 'ForbiddenError'
  }
}

/** Someone else changed the record first (an optimistic update touched no row): nothing was written. */
export class ConflictError extends Error {
  readonly statusCode = 409
  constructor(
    readonly entity: string,
    message = `${entity} was changed by someone else`
  ) {
    super(message)
    this.name = 'ConflictError'
  }
}

/** Asserts a lookup found something; the one not-found path for use cases and routes. */
export function found<T>(value: T | null | undefined, entity: string): T {
  if (value === null || value === undefined) throw new NotFoundError(entity)
  return value
}
