/**
 * Configuration from environment variables, checked once at start-up.
 * Every variable is documented in the README ("Configuration").
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { isRole, roles } from './domain/staff/roles.js'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RETENTION, type RetentionPeriods } from './domain/shared/retention.js'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  REACH_DATA_DIR: z.string().default('./data'),
  REACH_SHARED_DATA: z.string().optional(),
  REACH_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  REACH_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  REACH_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  REACH_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  REACH_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  REACH_REAUTH_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(12 * 60)
    .default(15),
  /** Roles that must use two-step sign-in, comma-separated; `admin` in production when not set, none otherwise. */
  REACH_TWO_STEP_ROLES: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.split(',').every((r) => r.trim() === '' || isRole(r.trim())), {
      message: `must list roles from: ${roles.join(', ')}`
    }),
  REACH_SEED_DEMO: booleanFlag.optional(),
  REACH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REACH_TRUST_PROXY: booleanFlag.default(false),
  REACH_WATCH_TEMPLATES: booleanFlag.default(false),
  REACH_RETAIN_SCREENING_MONTHS: z.coerce.number().int().min(1).max(1200).default(DEFAULT_RETENTION.screeningMonths),
  REACH_RETAIN_AUDIT_MONTHS: z.coerce.number().int().min(1).max(1200).default(DEFAULT_RETENTION.auditMonths),
  REACH_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REACH_RESCREEN_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  REACH_PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/,
      'must be an http or https address, for example https://reach.example.nhs.uk'
    )
    .optional()
})

export interface Config {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  databaseUrl: string | undefined
  dataDir: string
  sharedDataDir: string
  sessionSecret: string
  sessionIdleMinutes: number
  /** Absolute lifetime of a session, however active it is. */
  sessionMaxHours: number
  loginMaxFailures: number
  loginLockMinutes: number
  /** How long a proof of password lasts before a sensitive action asks for it again (ASVS 3.7.1). */
  reauthMinutes: number
  /** Roles that must use two-step sign-in (ASVS 2.2.2). */
  twoStepRoles: string[]
  seedDemo: boolean
  logLevel: string
  trustProxy: boolean
  dbPoolSize: number
  /** Months after a screening when the patient is due to be screened again. */
  rescreenMonths: number
  /** Recompile templates on every request (`npm run dev`); off otherwise, so `npm start` is fast. */
  watchTemplates: boolean
  /** Retention periods used by `reach retention purge`. */
  retention: RetentionPeriods
  /**
   * The address patients and partners use (no trailing slash): self-completion and partner links
   * are built from it, never from the request's Host header.
   */
  publicUrl: string
}

/** The reference data shipped in the repository (`reference/`), found from this file, not the working directory. */
export const referenceDataDir = fileURLToPath(new URL('../reference', import.meta.url))

export class ConfigError extends Error {}

/**
 * Reads and checks the environment. In production the session secret must be set and the
 * demonstration data can never be loaded (its accounts share a published password).
 */
/** Cookies are `Secure` (and the session cookie `__Host-` prefixed) in production, which runs behind HTTPS. */
export const secureCookies = (config: Pick<Config, 'env'>): boolean => config.env === 'production'

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigError(`invalid configuration: ${problems}`)
  }
  const e = parsed.data
  const dataDir = resolve(e.REACH_DATA_DIR)
  let sessionSecret = e.REACH_SESSION_SECRET
  if (!sessionSecret) {
    if (e.NODE_ENV === 'production')
      throw new ConfigError('invalid configuration: REACH_SESSION_SECRET must be set in production')
    sessionSecret = developmentSecret(dataDir)
  }
  if (e.NODE_ENV === 'production' && !e.REACH_PUBLIC_URL)
    throw new ConfigError(
      'invalid configuration: REACH_PUBLIC_URL must be set in production (the address in self-completion and partner links)'
    )
  if (e.NODE_ENV === 'production' && e.REACH_SEED_DEMO === true)
    throw new ConfigError('invalid configuration: REACH_SEED_DEMO cannot be true in production')
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sharedDataDir: e.REACH_SHARED_DATA ? resolve(e.REACH_SHARED_DATA) : referenceDataDir,
    sessionSecret,
    sessionIdleMinutes: e.REACH_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.REACH_SESSION_MAX_HOURS,
    loginMaxFailures: e.REACH_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.REACH_LOGIN_LOCK_MINUTES,
    reauthMinutes: e.REACH_REAUTH_MINUTES,
    twoStepRoles: (e.REACH_TWO_STEP_ROLES ?? (e.NODE_ENV === 'production' ? 'admin' : ''))
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    seedDemo: e.REACH_SEED_DEMO ?? e.NODE_ENV !== 'production',
    logLevel: e.REACH_LOG_LEVEL,
    trustProxy: e.REACH_TRUST_PROXY,
    dbPoolSize: e.REACH_DB_POOL_SIZE,
    rescreenMonths: e.REACH_RESCREEN_MONTHS,
    watchTemplates: e.REACH_WATCH_TEMPLATES,
    retention: { screeningMonths: e.REACH_RETAIN_SCREENING_MONTHS, auditMonths: e.REACH_RETAIN_AUDIT_MONTHS },
    publicUrl: (e.REACH_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '')
  }
}

/** Outside production, a random secret kept in the data folder (never in the repository). */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** Where PGlite keeps its files when no DATABASE_URL is given. */
export function pgliteDir(config: Config): string {
  return join(config.dataDir, 'pglite')
}
