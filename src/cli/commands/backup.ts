/**
 * `reach backup --to FILE` and `reach restore --from FILE`: a logical backup (gzipped JSON Lines,
 * src/db/backup.ts) that works on PGlite and on a PostgreSQL server and between them. Restore
 * needs an empty database migrated to the same version, and restores everything or nothing.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createGunzip, createGzip } from 'node:zlib'
import { once } from 'node:events'
import type { Command } from 'commander'
import { CliInputError, type CliIo } from '../io.js'
import { loadConfigOrFail } from '../load-config.js'

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await handle.close()
  }
}

export function registerBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('write a backup of every table (gzipped JSON Lines; sessions are not kept)')
    .requiredOption('--to <file>', 'the backup file to write (written to FILE.partial, then renamed)')
    .action(async (options: { to: string }) => {
      const config = await loadConfigOrFail()
      const { openDatabase } = await import('../../db/open.js')
      const { writeBackup } = await import('../../db/backup.js')
      const database = await openDatabase(config)
      const partial = `${options.to}.partial`
      const gzip = createGzip()
      const file = createWriteStream(partial, { mode: 0o600 })
      gzip.pipe(file)
      try {
        const header = await writeBackup(database.db, async (line) => {
          if (!gzip.write(`${line}\n`)) await once(gzip, 'drain')
        })
        gzip.end()
        await once(file, 'finish')
        await rename(partial, options.to)
        const rows = header.tables.reduce((n, t) => n + t.rows, 0)
        io.stdout(`backed up ${header.tables.length} tables, ${rows} rows, to ${options.to}\n`)
      } catch (error) {
        gzip.destroy()
        file.destroy()
        await rm(partial, { force: true })
        throw error
      } finally {
        await database.close()
      }
    })

  program
    .command('restore')
    .description('restore a backup into an empty database (all or nothing)')
    .requiredOption('--from <file>', 'a file written by `reach backup`')
    .action(async (options: { from: string }) => {
      const config = await loadConfigOrFail()
      const { openDatabase } = await import('../../db/open.js')
      const { restoreBackup, BackupError } = await import('../../db/backup.js')
      let gzipped: boolean
      try {
        gzipped = await isGzip(options.from)
      } catch {
        throw new CliInputError(`${options.from}: cannot be read`)
      }
      const database = await openDatabase(config)
      try {
        io.stdout(`restoring from ${options.from}…\n`)
        const raw = createReadStream(options.from)
        const lines = createInterface({ input: gzipped ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity })
        const header = await restoreBackup(database.db, lines)
        const rows = header.tables.reduce((n, t) => n + t.rows, 0)
        io.stdout(
          `restored ${header.tables.length} tables, ${rows} rows, from ${options.from} (made ${header.createdAt})\n`
        )
      } catch (error) {
        if (error instanceof BackupError) throw new CliInputError(`${options.from}: ${error.message}`)
        if (error instanceof Error && /unexpected end of file|incorrect header check/.test(error.message))
          throw new CliInputError(`${options.from}: the file is damaged or cut short (nothing was restored)`)
        throw error
      } finally {
        await database.close()
      }
    })
}
