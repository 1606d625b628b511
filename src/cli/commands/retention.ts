/**
 * `reach retention purge [--screening-months N] [--audit-months N] [--dry-run]`: deletes screenings
 * and audit trail rows older than their retention periods (REACH_RETAIN_SCREENING_MONTHS and REACH_RETAIN_AUDIT_MONTHS
 * in src/config.ts, defaults in src/domain/shared/retention.ts). It always prints what it will
 * delete, per organisation, first; with --dry-run it stops there. One transaction; the purge is
 * itself recorded in each affected organisation's audit trail.
 */
import type { Command } from 'commander'
import { CliInputError, type CliIo } from '../io.js'
import { retentionCutoff } from '../../domain/shared/retention.js'
import { loadConfigOrFail } from '../load-config.js'

function months(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 1200)
    throw new CliInputError(`${name} must be a whole number of months from 1 to 1200`)
  return n
}

export function registerRetentionCommands(program: Command, io: CliIo): void {
  const retention = program.command('retention').description('retention periods and the purge')
  retention
    .command('purge')
    .description('delete screenings and audit rows older than their retention periods (prints what first)')
    .option('--screening-months <n>', 'keep screenings this many months')
    .option('--audit-months <n>', 'keep the audit trail this many months')
    .option('--dry-run', 'only print what would be deleted')
    .action(async (options: { screeningMonths?: string; auditMonths?: string; dryRun?: boolean }) => {
      const config = await loadConfigOrFail()
      const screeningMonths = months(options.screeningMonths, config.retention.screeningMonths, '--screening-months')
      const auditMonths = months(options.auditMonths, config.retention.auditMonths, '--audit-months')
      const now = new Date()
      const cutoffs = { screening: retentionCutoff(now, screeningMonths), audit: retentionCutoff(now, auditMonths) }
      const { openDatabase } = await import('../../db/open.js')
      const { countExpired, deleteExpired } = await import('../../db/repositories/retention.js')
      const { recordAudit } = await import('../../db/repositories/audit.js')
      const database = await openDatabase(config)
      try {
        const counts = (await countExpired(database.db, cutoffs)).filter((c) => c.screenings + c.auditEvents > 0)
        io.stdout(
          `screenings before ${cutoffs.screening.toISOString().slice(0, 10)} (${screeningMonths} months), ` +
            `audit rows before ${cutoffs.audit.toISOString().slice(0, 10)} (${auditMonths} months)\n`
        )
        io.stdout('organisation\tscreenings\taudit_rows\n')
        for (const c of counts) io.stdout(`${c.orgCode}\t${c.screenings}\t${c.auditEvents}\n`)
        const total = counts.reduce((n, c) => n + c.screenings + c.auditEvents, 0)
        if (options.dryRun || total === 0) {
          io.stdout(total === 0 ? 'nothing to delete\n' : 'dry run: nothing was deleted\n')
          return
        }
        await database.db.transaction().execute(async (trx) => {
          await deleteExpired(trx, cutoffs)
          for (const c of counts)
            await recordAudit(trx, {
              orgId: c.orgId,
              actorUserId: null,
              actorRole: 'operator',
              action: 'erase',
              entityType: 'retention',
              userAgent: 'reach-cli',
              detail: { screenings: c.screenings, auditEvents: c.auditEvents, screeningMonths, auditMonths }
            })
        })
        io.stdout(`deleted ${total} rows\n`)
      } finally {
        await database.close()
      }
    })
}
