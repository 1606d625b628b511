/**
 * Recording a screening: the one way a screening is stored, whichever way it arrived (the clinician or
 * paper form, self-completion by link or code, a FHIR QuestionnaireResponse, the CSV import).
 *
 * The answers are assessed once, here (re-screen date from the configured interval); the team is the
 * acting staff member's, else the patient's; one 'create' audit row is written; a self-completion
 * invitation is marked used in the same transaction. The caller owns the transaction.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Config } from '../../config.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findPatient, findPatientByNhsNumber, type Patient } from '../../db/repositories/patients.js'
import {
  insertScreening,
  markInviteUsed,
  screeningColumns,
  type ScreeningMode,
  type ScreeningRow
} from '../../db/repositories/screenings.js'
import {
  assessScreening,
  type AnswerInput,
  type ScreeningAssessment,
  type ValidationError
} from '../../domain/screening/index.js'
import { auditFields, type Actor } from '../actor.js'
import { ConflictError, found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** What recording a screening needs from the configuration. */
export type ScreeningSettings = Pick<Config, 'rescreenMonths'>

export interface RecordScreeningInput {
  /** The patient, by id (forms, self-completion) or by NHS number (FHIR, CSV). */
  patient: { id: string } | { nhsNumber: string }
  mode: ScreeningMode
  language: string
  answers: AnswerInput
  screenedAt: Date
  /** Self-completion: the invitation used, marked used with this screening (a second submit is a conflict). */
  inviteId?: string
  /** Where the answers came from, added to the audit detail (for example `{ format: 'fhir' }`). */
  source?: Record<string, string>
  /**
   * Staff chose "save as incomplete": questions left unanswered (on a returned paper form, or when the patient
   * stopped) are stored as a partial screening instead of refused. Participation must still be answered, and
   * every other problem (an unknown option, a bad phone number) is still refused.
   */
  incomplete?: boolean
}

export type RecordScreeningResult =
  | { ok: true; row: ScreeningRow; assessment: ScreeningAssessment; patient: Patient }
  /** The answers do not fit the Questionnaire (a required question unanswered, an unknown option...): nothing stored. */
  | { ok: false; errors: ValidationError[] }

/** The invitation was already used (a second submit, or two at once): nothing was stored. */
export class InviteAlreadyUsedError extends ConflictError {
  constructor() {
    super('screening_invite', 'screening_invite was already used')
    this.name = 'InviteAlreadyUsedError'
  }
}

/**
 * Stores a screening. Throws `NotFoundError` when the patient is not in the actor's organisation and
 * `InviteAlreadyUsedError` when the invitation was used meanwhile (roll the transaction back: the caller
 * lets it propagate out of `withOrg`).
 */
export async function recordScreening(
  db: Db,
  actor: Actor,
  input: RecordScreeningInput,
  settings: ScreeningSettings
): Promise<RecordScreeningResult> {
  const assessment = assessScreening(input.answers, {
    now: input.screenedAt,
    rescreenIntervalMonths: settings.rescreenMonths
  })
  const blocking = assessment.errors.filter(
    (e) => !(input.incomplete === true && e.code === 'required' && e.linkId !== 'participation')
  )
  if (blocking.length > 0) return { ok: false, errors: blocking }
  const patient = found(
    'id' in input.patient
      ? await findPatient(db, actor.orgId, input.patient.id)
      : await findPatientByNhsNumber(db, actor.orgId, input.patient.nhsNumber),
    'patient'
  )
  const row = await insertScreening(
    db,
    actor.orgId,
    screeningColumns(
      {
        patientId: patient.id,
        mode: input.mode,
        language: input.language,
        answers: input.answers,
        screenedAt: input.screenedAt,
        enteredBy: actor.userId,
        teamId: actor.teamId ?? patient.teamId
      },
      assessment
    )
  )
  if (input.inviteId !== undefined && !(await markInviteUsed(db, actor.orgId, input.inviteId, row.id)))
    throw new InviteAlreadyUsedError()
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'screening',
    entityId: row.id,
    patientId: patient.id,
    detail: {
      mode: input.mode,
      status: row.status,
      ...(row.status === 'partial'
        ? { unanswered: assessment.errors.filter((e) => e.code === 'required').length }
        : {}),
      ...(input.inviteId !== undefined ? { inviteId: input.inviteId } : {}),
      ...input.source
    }
  })
  return { ok: true, row, assessment, patient }
}
