/**
 * The support directory from the shared data folder (REACH_SHARED_DATA/screening/digital-support-directory.json),
 * read at seed time and never copied into the repository. Missing file: the directory stays empty.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDirectoryImport } from '../../domain/directory/oruk.js'
import { upsertServices } from '../repositories/directory.js'
import type { DemoContext } from './demo-context.js'

export const directoryFile = (sharedDataDir: string) =>
  join(sharedDataDir, 'screening', 'digital-support-directory.json')

export async function seedDemoDirectory(context: DemoContext): Promise<void> {
  let raw: string
  try {
    raw = await readFile(directoryFile(context.sharedDataDir), 'utf8')
  } catch {
    context.log('Support directory: shared directory file not found, so the directory is empty')
    return
  }
  const result = parseDirectoryImport(JSON.parse(raw))
  if (result.problems.length) {
    context.log(`Support directory: ${result.problems.length} problems in the shared file, nothing imported`)
    return
  }
  const { added } = await upsertServices(context.trx, result.services)
  context.log(`Support directory: ${added} services (${result.services.filter((s) => s.verified).length} verified)`)
}
