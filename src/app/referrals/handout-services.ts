/**
 * The support services on a patient's take-home handout: the ones they have been referred to
 * (still open, or attended with no outcome yet) first, then the best-matched suggestions not
 * already referred, up to `limit` in all.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { listPatientReferrals } from '../../db/repositories/referrals.js'
import { listServices } from '../../db/repositories/directory.js'
import type { DirectoryService } from '../../domain/directory/service.js'
import type { Actor } from '../actor.js'
import { suggestServices } from './suggest-services.js'

type Db = Kysely<Database> | Transaction<Database>

/** A support service as listed on the handout. */
export interface HandoutService {
  name: string
  organisationName: string
  url: string | null
  email: string | null
  /** The first venue, as one line ("Name, address, postcode"): listed before the website for offline patients. */
  address: string | null
  /** Phone numbers: listed first, so a patient who is not online can ring. */
  phones: { number: string; description: string | null }[]
  openingTimes: string | null
  referred: boolean
}

function handoutEntry(s: DirectoryService, referred: boolean): HandoutService {
  const venue = s.locations[0]
  const address = venue ? [venue.name, venue.address, venue.postcode].filter((x) => x).join(', ') : null
  return {
    name: s.name,
    organisationName: s.organisationName,
    url: s.url,
    email: s.email,
    address,
    phones: s.phones,
    openingTimes: s.openingTimes,
    referred
  }
}

/** Throws NotFoundError when the patient is not in the actor's organisation. */
export async function handoutServices(
  db: Db,
  actor: Pick<Actor, 'orgId'>,
  input: { patientId: string; limit?: number }
): Promise<HandoutService[]> {
  const { suggestions } = await suggestServices(db, actor, { patientId: input.patientId })
  const referrals = (await listPatientReferrals(db, actor.orgId, input.patientId)).filter(
    (r) => r.status !== 'suggested' && r.outcome === null
  )
  const referredIds = new Set(referrals.map((r) => r.service_id))
  const services = new Map((await listServices(db)).map((s) => [s.id, s]))
  const listed: HandoutService[] = []
  for (const r of referrals) {
    const s = services.get(r.service_id)
    if (s) listed.push(handoutEntry(s, true))
  }
  for (const suggestion of suggestions) {
    if (referredIds.has(suggestion.serviceId)) continue
    listed.push(handoutEntry(suggestion.service, false))
  }
  return listed.slice(0, input.limit ?? 5)
}
