/**
 * The list of migrations, in order. Kysely runs them by name; names are timestamps so
 * the order is the name order. Add new migrations at the end; never edit or rename one.
 */
import type { Migration } from 'kysely'
import * as foundation from './2026_11_25_0900_foundation.js'
import * as screening from './2026_11_25_1000_screening.js'
import * as directoryReferrals from './2026_11_25_1010_directory_referrals.js'
import * as measures from './2026_11_25_1020_measures.js'
import * as area from './2026_11_25_1030_area.js'
import * as erasure from './2026_12_02_1300_erasure.js'
import * as retention from './2026_12_02_1310_retention.js'
import * as organisationContact from './2026_12_02_1420_organisation_contact.js'
import * as screeningReview from './2026_12_02_1430_screening_review.js'
import * as serviceDelivery from './2026_12_02_1440_service_delivery.js'
import * as referralOutcomes from './2026_12_03_1000_referral_outcomes.js'
import * as serviceContact from './2026_12_03_1100_service_contact.js'
import * as patientContact from './2026_12_03_1110_patient_contact.js'
import * as qiWorkspace from './2026_12_03_1200_qi_workspace.js'
import * as contactPreferences from './2026_12_03_1210_patient_contact_preferences.js'
import * as qiProgrammes from './2026_12_06_1000_qi_programmes.js'
import * as sessionReauth from './2026_12_06_1100_session_reauth.js'
import * as rateLimit from './2026_12_06_1110_rate_limit.js'
import * as staffTwoStep from './2026_12_06_1120_staff_two_step.js'
import * as serviceChanges from './2026_12_06_1130_service_changes.js'

export const migrations: Record<string, Migration> = {
  '2026_11_25_0900_foundation': foundation,
  '2026_11_25_1000_screening': screening,
  '2026_11_25_1010_directory_referrals': directoryReferrals,
  '2026_11_25_1020_measures': measures,
  '2026_11_25_1030_area': area,
  '2026_12_02_1300_erasure': erasure,
  '2026_12_02_1310_retention': retention,
  '2026_12_02_1420_organisation_contact': organisationContact,
  '2026_12_02_1430_screening_review': screeningReview,
  '2026_12_02_1440_service_delivery': serviceDelivery,
  '2026_12_03_1000_referral_outcomes': referralOutcomes,
  '2026_12_03_1100_service_contact': serviceContact,
  '2026_12_03_1110_patient_contact': patientContact,
  '2026_12_03_1200_qi_workspace': qiWorkspace,
  '2026_12_03_1210_patient_contact_preferences': contactPreferences,
  '2026_12_06_1000_qi_programmes': qiProgrammes,
  '2026_12_06_1100_session_reauth': sessionReauth,
  '2026_12_06_1110_rate_limit': rateLimit,
  '2026_12_06_1120_staff_two_step': staffTwoStep,
  '2026_12_06_1130_service_changes': serviceChanges
}
