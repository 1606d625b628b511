/**
 * Fills route parameters (`/patients/:id/screening/:screeningId`) with real ids, for tests that visit
 * every route. With `records` (test/helpers/records.ts) every parameter names a real row of the chosen
 * organisation, so role, isolation and accessibility checks see real detail pages, not 404s.
 * A parameter this file does not know fails the test: add it here when a route adds one.
 */
import type { Fixture } from './fixture.js'
import type { OrgRecords, Records } from './records.js'

export function routeParamValues(org: OrgRecords, records: Records): Record<string, string> {
  return {
    id: org.patientId,
    patientId: org.patientId,
    screeningId: org.screeningId,
    referralId: org.referralId,
    measureId: org.measureId,
    projectId: org.projectId,
    serviceId: records.serviceId,
    code: records.lsoaCode,
    key: org.inviteToken,
    token: org.partnerToken,
    linkId: 'devices'
  }
}

/** Search routes that need a query to show anything: the query, with the same placeholders as paths. */
const SEARCH_QUERIES: Record<string, string> = {
  '/fhir/QuestionnaireResponse': '?patient=:patientId'
}

export function fillRouteParams(url: string, fixture: Fixture, records?: Records, org: 'A' | 'B' = 'A'): string {
  if (records && SEARCH_QUERIES[url]) url = `${url}${SEARCH_QUERIES[url]}`
  const values: Record<string, string> = records
    ? routeParamValues(records[org], records)
    : { id: fixture.orgA.patients[0]?.id ?? '', patientId: fixture.orgA.patients[0]?.id ?? '' }
  return url.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = values[name]
    if (value !== undefined) return value
    if (records) throw new Error(`test/helpers/route-params.ts does not know the route parameter :${name} (in ${url})`)
    return '00000000-0000-4000-8000-000000000000'
  })
}
