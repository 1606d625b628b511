/**
 * Fills route parameters (`/patients/:id/screening/:screeningId`) with real ids, for tests that visit
 * every route: every parameter names a real row of the chosen organisation (test/helpers/records.ts),
 * so role, isolation and accessibility checks see real detail pages, not 404s. A parameter this file
 * does not know fails the test: add it here when a route adds one.
 */
import type { OrgRecords, Records } from './records.js'

export function routeParamValues(org: OrgRecords, records: Records): Record<string, string> {
  return {
    id: org.patientId,
    patientId: org.patientId,
    screeningId: org.screeningId,
    referralId: org.referralId,
    measureId: org.measureId,
    projectId: org.projectId,
    driverId: org.driverId,
    milestoneId: org.milestoneId,
    userId: org.memberId,
    changeIdeaId: org.changeIdeaId,
    pdsaId: org.pdsaId,
    serviceId: records.serviceId,
    programmeId: records.programmeId,
    code: records.lsoaCode,
    key: org.inviteToken,
    token: org.partnerToken,
    linkId: 'devices',
    list: 'open-referrals'
  }
}

/** Search routes that need a query to show anything: the query, with the same placeholders as paths. */
const SEARCH_QUERIES: Record<string, string> = {
  '/fhir/QuestionnaireResponse': '?patient=:patientId',
  '/patients/lists': '?show=need%3Ainterpreter',
  '/projects/:projectId/pdsa/new': '?changeIdea=:changeIdeaId'
}

/** `records` comes from `build(kind, {}, t, { records: true })`. */
export function fillRouteParams(url: string, records: Records | undefined, org: 'A' | 'B' = 'A'): string {
  if (!records) throw new Error('fillRouteParams needs the records: build with { records: true }')
  const values = routeParamValues(records[org], records)
  return `${url}${SEARCH_QUERIES[url] ?? ''}`.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = values[name]
    if (value === undefined)
      throw new Error(`test/helpers/route-params.ts does not know the route parameter :${name} (in ${url})`)
    return value
  })
}
