/**
 * The one place to register an area of the web app: its routes, its entries in the header
 * navigation and its cards on the home page. `app.ts` registers every area's routes from this
 * list, `navigation.ts` and the home page read their entries from it. (An area may also add
 * demonstration data in `db/seed/demo.ts`, a bench section in `bench/run.ts` and permissions in
 * `domain/staff/roles.ts`; docs/architecture.md, "Adding an area", lists the steps.)
 */
import type { FastifyInstance } from 'fastify'
import { secureCookies, type Config } from '../config.js'
import type { NavEntry } from './navigation.js'
import { publicRoutes, type DemoSignIn } from './routes/public/index.js'
import { homeRoutes } from './routes/home/index.js'
import { worklistRoutes } from './routes/worklists/index.js'
import type { HomeCardEntry } from './routes/home/view-models.js'
import { patientRoutes } from './routes/patients/index.js'
import { auditRoutes } from './routes/audit/index.js'
import { adminRoutes } from './routes/admin/index.js'
import { screeningRoutes } from './routes/screening/index.js'
import { selfScreenRoutes } from './routes/self-screen/index.js'
import { fhirRoutes } from './routes/fhir/index.js'
import { measuresRoutes } from './routes/measures/index.js'
import { qiRoutes } from './routes/qi/index.js'
import { pdsaRoutes } from './routes/qi/pdsa.js'
import { memberRoutes } from './routes/qi/members.js'
import { accountRoutes } from './routes/account/index.js'
import { programmeRoutes } from './routes/qi/programmes.js'
import { areaRoutes } from './routes/area/index.js'
import { directoryRoutes } from './routes/directory/index.js'
import { referralsRoutes } from './routes/referrals/index.js'

/** What every area's routes may use. */
export interface AreaContext {
  config: Config
  demoSignIn?: DemoSignIn | undefined
}

export type { NavEntry }

export interface HomeCard extends HomeCardEntry {
  order: number
}

export interface Area {
  name: string
  register: (app: FastifyInstance, context: AreaContext) => PromiseLike<unknown>
  navigation?: NavEntry[]
  cards?: HomeCard[]
}

export const areas: Area[] = [
  {
    name: 'public',
    register: (app, { config, demoSignIn }) =>
      app.register(publicRoutes, {
        maxFailures: config.loginMaxFailures,
        lockMinutes: config.loginLockMinutes,
        twoStepRoles: config.twoStepRoles,
        secureCookies: secureCookies(config),
        demoSignIn
      })
  },
  {
    name: 'home',
    register: (app) => app.register(homeRoutes, { cards: homeCards() }),
    navigation: [{ href: '/home', key: 'nav.home', permission: null, order: 0 }]
  },
  {
    name: 'patients',
    register: (app) => app.register(patientRoutes),
    navigation: [{ href: '/patients', key: 'nav.patients', permission: 'patient:read', order: 10 }],
    cards: [
      {
        href: '/patients',
        heading: 'Find a patient',
        description: 'Search by NHS number, or by name and date of birth.',
        permission: 'patient:read',
        order: 10
      },
      {
        href: '/patients/new',
        heading: 'Add a patient',
        description: 'Create a minimal patient record.',
        permission: 'patient:write',
        order: 20
      }
    ]
  },
  {
    name: 'worklists',
    register: (app) => app.register(worklistRoutes),
    cards: [
      {
        href: '/patients/lists',
        heading: 'Lists of patients',
        description: 'Everyone with a given barrier, readiness or need, such as everyone needing an interpreter.',
        permission: 'patient:read',
        order: 25
      }
    ]
  },
  {
    name: 'screening',
    register: async (app, { config }) => {
      await app.register(screeningRoutes, { config })
      await app.register(selfScreenRoutes, { config })
      await app.register(fhirRoutes, { config })
    }
  },
  {
    name: 'directory',
    register: (app, { config }) => app.register(directoryRoutes, { config }),
    navigation: [{ href: '/directory', key: 'nav.directory', permission: null, order: 20 }],
    cards: [
      {
        href: '/directory',
        heading: 'Support directory',
        description: 'Digital support services to refer patients to: devices, data and skills help.',
        permission: null,
        order: 50
      }
    ]
  },
  {
    name: 'referrals',
    register: (app, { config }) => app.register(referralsRoutes, { config }),
    navigation: [{ href: '/referrals', key: 'nav.referrals', permission: 'referral:write', order: 30 }]
  },
  {
    name: 'audit',
    register: (app) => app.register(auditRoutes),
    navigation: [{ href: '/audit', key: 'nav.audit', permission: 'audit:read', order: 40 }],
    cards: [
      {
        href: '/audit',
        heading: 'Audit trail',
        description: 'See and download who viewed or changed patient data.',
        permission: 'audit:read',
        order: 60
      }
    ]
  },
  {
    name: 'measures',
    register: (app, { config }) => app.register(measuresRoutes, { config }),
    navigation: [{ href: '/measures', key: 'nav.measures', permission: 'reports:read', order: 50 }],
    cards: [
      {
        href: '/measures',
        heading: 'Measures',
        description: 'Making Data Count charts of your improvement measures, with the summary table for board reports.',
        permission: 'reports:read',
        order: 30
      }
    ]
  },
  {
    // The QI workspace: projects with their aim, driver diagram, PDSA cycles, timeline and progress
    name: 'qi',
    register: async (app) => {
      await app.register(qiRoutes)
      await app.register(pdsaRoutes)
      await app.register(memberRoutes)
      await app.register(programmeRoutes)
    },
    navigation: [{ href: '/projects', key: 'nav.projects', permission: 'reports:read', order: 45 }],
    cards: [
      {
        href: '/projects',
        heading: 'QI projects',
        description: 'Aims, driver diagrams, PDSA cycles on the charts, milestones and progress scores.',
        permission: 'reports:read',
        order: 35
      }
    ]
  },
  {
    name: 'area',
    register: (app, { config }) => app.register(areaRoutes, { config }),
    navigation: [{ href: '/area', key: 'nav.area', permission: 'reports:read', order: 60 }],
    cards: [
      {
        href: '/area',
        heading: 'Area and equity',
        description:
          'Digital exclusion risk by neighbourhood on a map, and how screening and referrals differ between groups of patients.',
        permission: 'reports:read',
        order: 40
      }
    ]
  },
  {
    // the signed-in member of staff's own account: password change and confirmation
    name: 'account',
    register: (app, { config }) =>
      app.register(accountRoutes, {
        maxFailures: config.loginMaxFailures,
        lockMinutes: config.loginLockMinutes,
        reauthMinutes: config.reauthMinutes,
        twoStepRoles: config.twoStepRoles
      })
  },
  {
    name: 'admin',
    register: (app) => app.register(adminRoutes),
    navigation: [{ href: '/admin/staff', key: 'nav.staff', permission: 'staff:manage', order: 70 }],
    cards: [
      {
        href: '/admin/staff',
        heading: 'Staff accounts',
        description: 'Add staff and see their roles.',
        permission: 'staff:manage',
        order: 70
      }
    ]
  }
]

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order

/** Every area's navigation entries, in header order. */
export const navigationEntries = (): NavEntry[] => areas.flatMap((a) => a.navigation ?? []).sort(byOrder)

/** Every area's home-page cards, in page order. */
export const homeCards = (): HomeCard[] => areas.flatMap((a) => a.cards ?? []).sort(byOrder)
