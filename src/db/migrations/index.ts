/**
 * The list of migrations, in order. Kysely runs them by name; names are timestamps so
 * the order is the name order. Add new migrations at the end; never edit or rename one.
 */
import type { Migration } from 'kysely'
import * as foundation from './2026_11_25_0900_foundation.js'

export const migrations: Record<string, Migration> = {
  '2026_11_25_0900_foundation': foundation
}
