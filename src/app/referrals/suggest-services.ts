/**
 * Suggested support services for a patient, from their latest screening: best first, with
 * plain-English reasons (the ranking is `rankServices` in domain/referrals/matching.ts). Used by the
 * referral page, the referral itself (only a suggested service may be chosen) and the screening handout.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findPatient, type Patient } from '../../db/repositories/patients.js'
import { latestScreeningBarriers, type LatestScreening } from '../../db/repositories/referrals.js'
import { listServices } from '../../db/repositories/directory.js'
import { ageOrNull, rankServices, type PatientForMatching, type Suggestion } from '../../domain/referrals/matching.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import { matchingNeeds } from '../../domain/referrals/matching-needs.js'
import { parseScreeningAnswers } from '../../domain/screening/answers.js'
import type { Actor } from '../actor.js'
import { found } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

export type ServiceSuggestion = Suggestion & { service: DirectoryService }

export interface PatientSuggestions {
  patient: Patient
  /** Undefined when the patient has not been screened (then there are no suggestions). */
  screening: LatestScreening | undefined
  forMatching: PatientForMatching
  suggestions: ServiceSuggestion[]
}

export interface SuggestServicesInput {
  patientId: string
  /** ISO date the patient's age is worked out on; today (UTC) by default. */
  today?: string
  limit?: number
}

/** Throws NotFoundError when the patient is not in the actor's organisation. */
export async function suggestServices(
  db: Db,
  actor: Pick<Actor, 'orgId'>,
  input: SuggestServicesInput
): Promise<PatientSuggestions> {
  const today = input.today ?? new Date().toISOString().slice(0, 10)
  const patient = found(await findPatient(db, actor.orgId, input.patientId), 'patient')
  const screening = await latestScreeningBarriers(db, actor.orgId, patient.id)
  const forMatching: PatientForMatching = {
    barriers: screening?.barriers ?? {},
    language: patient.mainLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    age: ageOrNull(patient.dateOfBirth, today),
    postcode: patient.postcode,
    receivesBenefits: null,
    ...(screening ? { needs: matchingNeeds(parseScreeningAnswers(screening.answers).answers) } : {})
  }
  const services = await listServices(db)
  const byId = new Map(services.map((s) => [s.id, s]))
  const suggestions: ServiceSuggestion[] = []
  for (const ranked of rankServices(forMatching, services, input.limit ?? 5, today)) {
    const service = byId.get(ranked.serviceId)
    if (service) suggestions.push({ ...ranked, service })
  }
  return { patient, screening, forMatching, suggestions }
}
