/** Directory services in Open Referral UK shape for the referral and matching tests. */
const svc = (id: string, name: string, barriers: string[], offers: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name,
  description: `${name} helps people get online.`,
  status: 'active',
  organization: { name: `${name} charity` },
  service_areas: [{ name: 'United Kingdom' }],
  email: 'referrals@example.org',
  attributes: [
    ...barriers.map((b) => ({ taxonomy_term: { name: b, taxonomy: 'reach-digital-inclusion-barrier' } })),
    ...offers.map((o) => ({ taxonomy_term: { name: o, taxonomy: 'reach-digital-inclusion-offer-type' } }))
  ],
  x_reach: { verified: true, last_verified_on: '2026-06-01' },
  ...extra
})

/** Two verified services and one unverified, for the referral tests. */
export const testServices = [
  svc('device-bank', 'Device Bank', ['access'], ['device']),
  svc('skills-club', 'Skills Club', ['skills', 'motivation'], ['skills training'], { languages: [{ code: 'tr' }] }),
  svc('unchecked', 'Unchecked Help', ['access'], ['device'], { x_reach: { verified: false } })
]

/** The staff form for adding a service (`POST /directory/new`), filled in; `over` changes fields. */
export const serviceForm = (over: Record<string, string | string[]> = {}) => ({
  name: 'Tablet Loans',
  organisationName: 'Library',
  description: 'Loans tablets.',
  url: '',
  email: '',
  barriers: 'access',
  offerTypes: 'device',
  areas: 'Hackney',
  languages: 'Turkish, pl',
  eligibility: '',
  minimumAge: '',
  maximumAge: '',
  audience: 'patients',
  verified: 'yes',
  ...over
})
