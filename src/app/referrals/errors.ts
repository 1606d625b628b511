/**
 * Typed refusals of the referral use cases. Each is a 400-class answer: the web re-renders the
 * form with the message as the error (so none of these reach the error handler in practice).
 */

/** No consent, no referral: nothing was written. */
export class ConsentRequiredError extends Error {
  readonly statusCode = 400
  constructor(message = "A referral needs the patient's consent and what they agree to share") {
    super(message)
    this.name = 'ConsentRequiredError'
  }
}

/** The chosen service is not one of the patient's suggested (verified, eligible, matched) services. */
export class ServiceNotSuggestedError extends Error {
  readonly statusCode = 400
  constructor(readonly serviceId: string) {
    super('Select one of the suggested services')
    this.name = 'ServiceNotSuggestedError'
  }
}

/** The lifecycle does not allow this step from the referral's status (the message says why). */
export class StepRefusedError extends Error {
  readonly statusCode = 400
  constructor(message: string) {
    super(message)
    this.name = 'StepRefusedError'
  }
}

/** A note that cannot be saved: empty when one is needed, too long, or with control characters (the message says which). */
export class NoteRefusedError extends Error {
  readonly statusCode = 400
  constructor(message: string) {
    super(message)
    this.name = 'NoteRefusedError'
  }
}
