/**
 * Running Reach: `reach start` (migrate, seed an empty database, serve), `reach serve`,
 * `reach migrate`, `reach seed --demo` and `reach user create`.
 */
import type { Command } from 'commander'
import { CliInputError, type CliIo } from '../io.js'
import { progressReporter } from '../progress.js'
import { loadConfigOrFail } from '../load-config.js'

export function registerAppCommands(program: Command, io: CliIo): void {
  program
    .command('start')
    .description('migrate, load the demonstration data into an empty database, and serve the app')
    .action(async () => {
      const config = await loadConfigOrFail()
      const { startServer } = await import('../server.js')
      const { demoPassword } = await import('../../db/seed/demo-accounts.js')
      const { demoStaffAccounts } = await import('../../db/seed/demo.js')
      const server = await startServer(config, { seedIfEmpty: true, log: (line) => io.stdout(`${line}\n`) })
      const accounts = await demoStaffAccounts(server.database.db)
      io.stdout(`\nReach is running at ${server.url}\n`)
      io.stdout(
        `Database: ${server.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}\n`
      )
      if (accounts.length > 0) {
        io.stdout(`\nDemonstration sign-ins (password for each: ${demoPassword}):\n`)
        for (const a of accounts) io.stdout(`  ${a.email.padEnd(36)} ${a.role}\n`)
      }
      io.stdout('\nPress Ctrl+C to stop.\n')
    })

  program
    .command('serve')
    .description('serve the app (runs pending migrations; does not load demonstration data)')
    .action(async () => {
      const config = await loadConfigOrFail()
      const { startServer } = await import('../server.js')
      const server = await startServer(config, { seedIfEmpty: false, log: (line) => io.stdout(`${line}\n`) })
      io.stdout(`Reach is running at ${server.url}\n`)
    })

  program
    .command('migrate')
    .description('run pending database migrations')
    .action(async () => {
      const config = await loadConfigOrFail()
      const { connectDatabase } = await import('../../db/connect.js')
      const { migrateToLatest } = await import('../../db/migrate.js')
      const { pgliteDir } = await import('../../config.js')
      const database = await connectDatabase({ databaseUrl: config.databaseUrl, pgliteDir: pgliteDir(config) })
      try {
        const applied = await migrateToLatest(database.db)
        io.stdout(applied.length ? applied.map((m) => `applied ${m}\n`).join('') : 'database is up to date\n')
      } finally {
        await database.close()
      }
    })

  program
    .command('seed')
    .description('load data into the database')
    .option('--demo', 'load the synthetic demonstration system (refused in production)')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) throw new CliInputError('say what to seed: reach seed --demo')
      const config = await loadConfigOrFail()
      if (config.env === 'production')
        throw new CliInputError('the demonstration data cannot be loaded when NODE_ENV=production')
      const { openDatabase } = await import('../../db/open.js')
      const { seedDemo } = await import('../../db/seed/demo.js')
      const database = await openDatabase(config)
      try {
        await seedDemo(database.db, {
          sharedDataDir: config.sharedDataDir,
          log: (line) => io.stdout(`${line}\n`),
          onProgress: progressReporter(io, 'synthetic patients')
        })
      } catch (error) {
        if (error instanceof Error && error.message.includes('already loaded'))
          throw new CliInputError(error.message, 1)
        throw error
      } finally {
        await database.close()
      }
    })

  const user = program.command('user').description('staff accounts')
  user
    .command('create')
    .description('create a staff account; the password is read from REACH_NEW_PASSWORD or standard input')
    .requiredOption('--org <code>', 'organisation code, for example DEMO-TRUST')
    .requiredOption('--role <role>', 'admin, qi_lead, clinician, receptionist, analyst, champion or board')
    .requiredOption('--email <email>', 'email address (used to sign in)')
    .requiredOption('--name <name>', 'full name')
    .action(async (options: { org: string; role: string; email: string; name: string }) => {
      const { isRole, roles } = await import('../../domain/staff/roles.js')
      const { checkPassword, passwordProblemText } = await import('../../domain/staff/password-policy.js')
      if (!isRole(options.role)) throw new CliInputError(`--role must be one of ${roles.join(', ')}`)
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) throw new CliInputError('--email is not an email address')
      const password = process.env.REACH_NEW_PASSWORD ?? (await readStdin()).trim()
      const problem = checkPassword(password, { email: options.email })
      if (problem) throw new CliInputError(`password rejected: ${passwordProblemText[problem]}`)
      const config = await loadConfigOrFail()
      const { openDatabase } = await import('../../db/open.js')
      const { findOrganisationByCode } = await import('../../db/repositories/organisations.js')
      const { emailTaken, insertStaff } = await import('../../db/repositories/staff.js')
      const { recordAudit } = await import('../../db/repositories/audit.js')
      const { hashPassword } = await import('../../security/password-hash.js')
      const database = await openDatabase(config)
      try {
        const org = await findOrganisationByCode(database.db, options.org)
        if (!org) throw new CliInputError(`no organisation with code ${options.org}`)
        if (await emailTaken(database.db, options.email))
          throw new CliInputError(`an account with email ${options.email} already exists`)
        const hash = await hashPassword(password)
        const created = await database.db.transaction().execute(async (trx) => {
          const row = await insertStaff(trx, {
            org_id: org.id,
            email: options.email,
            display_name: options.name,
            role: options.role,
            team_id: null,
            password_hash: hash
          })
          await recordAudit(trx, {
            orgId: org.id,
            actorUserId: null,
            actorRole: 'cli',
            action: 'create',
            entityType: 'staff_user',
            entityId: row.id,
            detail: { role: row.role }
          })
          return row
        })
        io.stdout(`created ${created.role} account ${created.email} in ${org.name}\n`)
      } finally {
        await database.close()
      }
    })
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliInputError('set REACH_NEW_PASSWORD or pipe the password on standard input')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
