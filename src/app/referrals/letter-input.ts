/**
 * The referral letter's input (domain/referrals/letter.ts) from what the use cases read: the patient record,
 * the service, the referring organisation, team and member of staff, the screening and the referral's consent.
 * Shared by making a referral (the outbox letter) and its print view, so both say the same.
 */
import type { Patient } from '../../db/repositories/patients.js'
import type { Organisation } from '../../db/schema.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import type { ConsentScope } from '../../domain/referrals/consent.js'
import type { LetterInput } from '../../domain/referrals/letter.js'
import type { Level } from '../../domain/referrals/matching.js'
import type { ScreeningAnswers } from '../../domain/screening/answers.js'
import type { Barrier } from '../../domain/shared/barriers.js'
import { formatDate } from '../../domain/shared/dates.js'

export interface LetterSources {
  referralId: string
  date: Date
  patient: Patient
  service: DirectoryService
  organisation: Organisation | undefined
  teamName: string | null
  referrerName: string
  scope: readonly ConsentScope[]
  barriers: Partial<Record<Barrier, Level>>
  answers: ScreeningAnswers | null
  reasons: readonly string[]
  partnerUrl: string | null
  partnerLinkExpires: Date | null
}

const day = (d: Date) => formatDate(d.toISOString().slice(0, 10))

/** The short reference on the letter and the partner page: the referral id's first 8 characters. */
export const referralReference = (referralId: string) => referralId.slice(0, 8).toUpperCase()

export function letterInput(s: LetterSources): LetterInput {
  return {
    date: day(s.date),
    reference: referralReference(s.referralId),
    service: {
      name: s.service.name,
      organisationName: s.service.organisationName,
      email: s.service.email,
      url: s.service.url,
      phones: s.service.phones,
      locations: s.service.locations
    },
    careTeam: {
      organisationName: s.organisation?.name ?? '',
      phone: s.organisation?.contact_phone ?? null,
      teamName: s.teamName,
      referrerName: s.referrerName
    },
    patient: {
      name: `${s.patient.givenName} ${s.patient.familyName}`,
      address: s.patient.address,
      postcode: s.patient.postcode,
      phone: s.patient.phone,
      email: s.patient.email,
      mainLanguage: s.patient.mainLanguage,
      interpreterNeeded: s.patient.interpreterNeeded,
      communicationNeeds: s.patient.communicationNeeds
    },
    scope: s.scope,
    barriers: s.barriers,
    answers: s.answers,
    reasons: s.reasons,
    partnerUrl: s.partnerUrl,
    partnerLinkExpires: s.partnerLinkExpires ? day(s.partnerLinkExpires) : null
  }
}
